import {createHash} from 'node:crypto'
import path from 'node:path'
import {claimCacheFolder} from './cache-folder.js'
import {isEntryResult} from './entry-shape.js'
import {readCacheFile} from './read-cache-file.js'
import {saveJson} from './save-json.js'
import {toolVersion} from '../config/version.js'
import {sameEntry} from '../pipeline/entry-key.js'
import type {ResolvedConfig} from '../config/types.js'
import type {EntryResult} from '../types.js'

// Bumped when the shape of a result changes: 2 keeps bodies as sanitised HTML, 3 each entry's key, 4 the files it uses,
// 5 marks in bodies where each lesson and commitment is written.
const format = 'bounceback-entry-cache/5'
const fileName = 'entries.json'

/**
 * Per-entry results kept on disk between runs, by entry key (the entry's path and a digest of
 * its bytes, see pipeline/entry-key.ts), and valid only for the same bounceback version and the
 * same settings that shape per-entry results. Each save writes exactly the results it is given,
 * so entries no longer there are swept.
 */
export class EntryCache {
  private constructor(
    private readonly file: string | undefined,
    private readonly salt: string,
    private readonly stored: Map<string, EntryResult>
  ) {}

  /** Read the cache in `dir`. Anything corrupt, truncated or foreign is ignored, never fatal. */
  static async load(dir: string, config: ResolvedConfig): Promise<EntryCache> {
    if (!(await claimCacheFolder(dir, config.places))) return EntryCache.none()
    const salt = cacheSalt(config)
    const file = path.join(dir, fileName)
    const stored = new Map<string, EntryResult>()
    try {
      const data = JSON.parse((await readCacheFile(file)) ?? 'null') as unknown
      if (isCacheFile(data) && data.version === toolVersion && data.salt === salt) {
        // Each result where its key says, and for the entry its key names: anything else is a miss.
        for (const [key, result] of Object.entries(data.entries))
          if (isEntryResult(result) && (result.entry === undefined || sameEntry(result.entry.key, key))) stored.set(key, result)
      }
    } catch {
      // No cache yet, or one that cannot be read: start afresh.
    }
    return new EntryCache(file, salt, stored)
  }

  /** A cache that keeps nothing (`--no-cache`). */
  static none(): EntryCache {
    return new EntryCache(undefined, '', new Map())
  }

  get(key: string): EntryResult | undefined {
    return this.stored.get(key)
  }

  /**
   * Keep exactly these results, atomically; a cache that cannot be written is skipped. When they
   * are the ones the file holds already, nothing is written.
   */
  async save(results: ReadonlyMap<string, EntryResult>): Promise<void> {
    if (!this.file) return
    if (results.size === this.stored.size && [...results].every(([key, result]) => this.stored.get(key) === result)) return
    await saveJson(this.file, {format, version: toolVersion, salt: this.salt}, {key: 'entries', members: results})
    this.stored.clear()
    for (const [key, result] of results) this.stored.set(key, result)
  }
}

/**
 * What shapes a per-entry result besides its bytes: sections, rule levels, limits, the base of
 * links, and the config's plugins (by their source text and options).
 */
export function cacheSalt(config: ResolvedConfig): string {
  return createHash('sha1')
    .update(
      JSON.stringify({
        sections: config.sections,
        summary: config.summarySection,
        fields: config.fields,
        rules: config.rules,
        limits: config.limits,
        base: config.site.base,
        content: config.contentDir,
        root: config.root,
        plugins: JSON.stringify([config.remarkPlugins, config.rehypePlugins], (_, v: unknown) => (typeof v === 'function' ? String(v) : v))
      })
    )
    .digest('hex')
}

interface CacheFile {
  format: string
  version: string
  salt: string
  entries: Record<string, unknown>
}

function isCacheFile(data: unknown): data is CacheFile {
  if (data === null || typeof data !== 'object') return false
  const d = data as Record<string, unknown>
  return (
    d.format === format &&
    typeof d.version === 'string' &&
    typeof d.salt === 'string' &&
    d.entries !== null &&
    typeof d.entries === 'object' &&
    !Array.isArray(d.entries)
  )
}
