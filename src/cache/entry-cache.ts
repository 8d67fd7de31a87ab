import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {claimCacheFolder} from './cache-folder.js'
import {isEntryResult} from './entry-shape.js'
import {RecordLog, type LogRecord} from './record-log.js'
import {toolVersion} from '../config/version.js'
import {sameEntry} from '../pipeline/entry-key.js'
import type {ResolvedConfig} from '../config/types.js'
import type {EntryResult} from '../types.js'

// Bumped when the shape of a result changes: 2 keeps bodies as sanitised HTML, 3 each entry's key, 4 the files it uses,
// 5 marks in bodies where each lesson and commitment is written, 6 a log of records (one line each) rather than one document.
const format = 'bounceback-entry-cache/6'
const fileName = 'entries.jsonl'

/**
 * Per-entry results kept on disk between runs, by entry key (the entry's path and a digest of
 * its bytes, see pipeline/entry-key.ts), and valid only for the same bounceback version and the
 * same settings that shape per-entry results. Each save keeps exactly the results it is given,
 * so entries no longer there are swept; it appends only what changed (see `RecordLog`), so a
 * build after one edit writes one entry, not the whole cache.
 */
export class EntryCache {
  private constructor(
    private readonly log: RecordLog | undefined,
    private readonly stored: Map<string, EntryResult>
  ) {}

  /** Read the cache in `dir`. Anything corrupt, truncated or foreign is ignored, never fatal. */
  static async load(dir: string, config: ResolvedConfig): Promise<EntryCache> {
    if (!(await claimCacheFolder(dir, config.places))) return EntryCache.none()
    // The one document an earlier version kept (format 5 and before): never read again.
    await fs.rm(path.join(dir, 'entries.json'), {force: true}).catch(() => undefined)
    const {log, records} = await RecordLog.open(path.join(dir, fileName), {format, version: toolVersion, salt: cacheSalt(config)})
    const stored = new Map<string, EntryResult>()
    // Each result where its key says, and for the entry its key names: anything else is a miss.
    for (const [key, result] of records) if (isEntryResult(result) && (result.entry === undefined || sameEntry(result.entry.key, key))) stored.set(key, result)
    return new EntryCache(log, stored)
  }

  /** A cache that keeps nothing (`--no-cache`). */
  static none(): EntryCache {
    return new EntryCache(undefined, new Map())
  }

  get(key: string): EntryResult | undefined {
    return this.stored.get(key)
  }

  /**
   * Keep exactly these results; a cache that cannot be written is skipped. Only results not
   * stored already are written, and the keys no longer there are marked removed.
   */
  async save(results: ReadonlyMap<string, EntryResult>): Promise<void> {
    if (!this.log) return
    const changed: LogRecord[] = []
    for (const [key, result] of results) if (this.stored.get(key) !== result) changed.push([key, result])
    for (const key of this.stored.keys()) if (!results.has(key)) changed.push([key])
    await this.log.save(changed, results.size, () => results)
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
