import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {claimCacheFolder} from './cache-folder.js'
import {isEntryResult} from './entry-shape.js'
import {readCacheFile} from './read-cache-file.js'
import {saveJson} from './save-json.js'
import {toolVersion} from '../config/version.js'
import type {ResolvedConfig} from '../config/types.js'
import type {EntryResult} from '../types.js'

// Bumped when the shape of a result changes: 2 keeps bodies as sanitised HTML.
const format = 'bounceback-entry-cache/2'
const fileName = 'entries.json'

/**
 * Per-entry results kept between builds, keyed by the entry's path and a digest of its bytes,
 * and valid only for the same bounceback version and the same settings that shape per-entry
 * results. Only what this build used is saved again, so entries no longer there are swept.
 */
export class EntryCache {
  hits = 0
  misses = 0
  private readonly used = new Map<string, EntryResult>()

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
        for (const [key, result] of Object.entries(data.entries)) if (isEntryResult(result)) stored.set(key, result)
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

  static key(file: string, bytes: Uint8Array): string {
    return `${file}\u0000${createHash('sha1').update(bytes).digest('hex')}`
  }

  get(key: string): EntryResult | undefined {
    const result = this.stored.get(key)
    if (result) {
      this.hits++
      this.used.set(key, result)
      if (result.entry) entryKeys.set(result.entry, key)
    } else this.misses++
    return result
  }

  set(key: string, result: EntryResult): void {
    if (!this.file) return
    this.used.set(key, result)
    if (result.entry) entryKeys.set(result.entry, key)
  }

  /**
   * Write what this build used, atomically; a cache that cannot be written is skipped. When every
   * entry came from the cache and none was swept, the file already holds exactly that.
   */
  async save(): Promise<void> {
    if (!this.file) return
    if (this.misses === 0 && this.used.size === this.stored.size) return
    await saveJson(this.file, {format, version: toolVersion, salt: this.salt}, {key: 'entries', members: this.used})
  }
}

/**
 * The cache key of each entry object taken from or put into a cache: its file and a digest of
 * its bytes. With the cache salt, it stands for the whole entry, so pages can be compared by it.
 */
export const entryKeys = new WeakMap<object, string>()

/**
 * What shapes a per-entry result besides its bytes: sections, rule levels, limits, the base of
 * links, and the config's plugins (by their source text and options).
 */
export function cacheSalt(config: ResolvedConfig): string {
  return createHash('sha1')
    .update(JSON.stringify({sections: config.sections, rules: config.rules, limits: config.limits, base: config.site.base, content: config.contentDir, root: config.root, plugins: JSON.stringify([config.remarkPlugins, config.rehypePlugins], (_, v: unknown) => (typeof v === 'function' ? String(v) : v))}))
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
  return d.format === format && typeof d.version === 'string' && typeof d.salt === 'string' && d.entries !== null && typeof d.entries === 'object' && !Array.isArray(d.entries)
}

