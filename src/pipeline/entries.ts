import type {LoadConfigOptions} from '../config/load.js'
import type {ResolvedConfig} from '../config/types.js'
import {EntryCache} from '../cache/entry-cache.js'
import {fileProblem} from '../diagnostics.js'
import {mapLimit} from '../map-limit.js'
import {entryRunner, type EntryRunner} from '../pool/pool.js'
import type {EntryResult} from '../types.js'
import type {Discovered, SourceFile} from './discover/discover.js'
import {readSource} from './discover/read-source.js'
import {entryKey} from './entry-key.js'
import {usesUnchanged} from './extract/local-files.js'

export interface EntriesOptions {
  /** Worker threads for the per-entry stages (default: one per core from 4 cores, else 1). */
  jobs?: number
  /** How long an entry may run in line before a worker takes it over (see pool/pool.ts). */
  inlineLimit?: number
  firstLimit?: number
  /** How the config was loaded, so that worker threads can load it too (a config with plugins). */
  configSource?: LoadConfigOptions
  /** Told how many entries are read, as they are. */
  onRead?: (done: number, total: number) => void
}

/** What one reading of the content folder gave. */
export interface EntriesRead {
  /** One result per source, in order. */
  results: EntryResult[]
  /** Entries taken from memory or from the cache on disk, and entries read afresh. */
  hits: number
  misses: number
  /** A source vanished between listing and reading: the content folder must be listed again. */
  vanished: boolean
}

/** One source as read: its key (when its bytes were read), and its result or the bytes to make one of. */
interface Item {
  source: SourceFile
  key?: string
  result?: EntryResult
  bytes?: Uint8Array
  /** Taken from memory or from the cache on disk. */
  hit: boolean
}

/**
 * The per-entry results of one configuration: the cache layer the engine consults. A result
 * comes from memory (this engine read that file's bytes before), else from the cache on disk,
 * else from the per-entry stages (pool/), under the time budget. The engine keeps one of these
 * for as long as it lives: a build reads once, watch reads again only the files that changed.
 */
export class Entries {
  private kept = new Map<string, {key: string; result: EntryResult}>()
  private runner: EntryRunner | undefined

  private constructor(
    private readonly config: ResolvedConfig,
    private readonly disk: EntryCache,
    private readonly options: EntriesOptions
  ) {}

  static async open(config: ResolvedConfig, options: EntriesOptions = {}): Promise<Entries> {
    const disk = config.cacheDir === undefined ? EntryCache.none() : await EntryCache.load(config.cacheDir, config)
    return new Entries(config, disk, options)
  }

  /**
   * The result of every source. With `changed`, a source not in it whose result is kept is not
   * read again (watch knows which files changed); without, every file's bytes are read, and an
   * unchanged one is recognised by its key.
   */
  async read(discovered: Discovered, changed?: ReadonlySet<string>): Promise<EntriesRead> {
    const {sources, contentReal} = discovered
    let vanished = false
    const readOne = (source: SourceFile): Item => {
      const kept = this.kept.get(source.path)
      const read = readSource(source, contentReal, this.config.limits.fileSize)
      if ('gone' in read) {
        vanished = true
        return {
          source,
          result: {
            file: source.file,
            messages: [fileProblem(source.file, 'file/unreadable', 'Unexpected file gone while reading, expected it to stay: build again')]
          },
          hit: false
        }
      }
      if ('problem' in read) return {source, result: {file: source.file, messages: [read.problem]}, hit: false}
      const key = entryKey(source.file, read.bytes)
      const cached = kept?.key === key ? kept.result : this.disk.get(key)
      // An entry whose image changed is read again: its bytes alone do not say so.
      const known = cached && usesUnchanged(cached.uses, this.config.contentDir) ? cached : undefined
      return known ? {source, key, result: known, hit: true} : {source, key, bytes: read.bytes, hit: false}
    }
    // Watch names the files that changed: every other one whose result is kept is taken as it is.
    const items = sources.map((source): Item => {
      const kept = changed && !changed.has(source.path) ? this.kept.get(source.path) : undefined
      return kept ? {source, key: kept.key, result: kept.result, hit: true} : readOne(source)
    })
    const toRead = items.filter((item) => item.bytes !== undefined)
    let done = items.length - toRead.length
    this.options.onRead?.(done, items.length)
    if (toRead.length > 0) {
      this.runner ??= await entryRunner(this.config, toRead.length, this.runnerOptions())
      const runner = this.runner
      await mapLimit(toRead, runner.concurrency, async (item) => {
        item.result = await runner.run(item.bytes!, item.source)
        item.bytes = undefined
        // An entry stopped for its time or memory is read again next time: the machine may have been busy.
        if (item.result.messages.some((m) => m.ruleId === 'file/timeout' || m.ruleId === 'file/memory')) item.key = undefined
        this.options.onRead?.(++done, items.length)
      })
    }
    this.kept = new Map(items.flatMap((item) => (item.key === undefined ? [] : [[item.source.path, {key: item.key, result: item.result!}] as const])))
    const hits = items.filter((item) => item.hit).length
    return {results: items.map((item) => item.result!), hits, misses: items.length - hits, vanished}
  }

  /** Keep on disk exactly the results read last (watch does it on full rebuilds and at the end). */
  async save(): Promise<void> {
    await this.disk.save(new Map([...this.kept.values()].map(({key, result}) => [key, result])))
  }

  async close(): Promise<void> {
    await this.runner?.close()
    this.runner = undefined
  }

  private runnerOptions() {
    const {jobs, inlineLimit, firstLimit, configSource} = this.options
    return {
      ...(jobs !== undefined ? {jobs} : {}),
      ...(inlineLimit !== undefined ? {inlineLimit} : {}),
      ...(firstLimit !== undefined ? {firstLimit} : {}),
      ...(configSource ? {configSource} : {})
    }
  }
}
