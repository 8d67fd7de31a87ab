import {buildLexicon, defaultSynonyms} from './pipeline/aggregate/lexicon.js'
import {aggregate, type Site} from './pipeline/aggregate/site.js'
import {loadConfig, type LoadConfigOptions} from './config/load.js'
import type {ResolvedConfig} from './config/types.js'
import {countBySeverity, sortDiagnostics} from './diagnostics.js'
import {discover, type Discovered, type SourceFile} from './pipeline/discover/discover.js'
import {readSource} from './pipeline/discover/read-source.js'
import {mapLimit} from './map-limit.js'
import {entryRunner} from './pool/pool.js'
import {EntryCache} from './cache/entry-cache.js'
import {fileProblem} from './diagnostics.js'
import {localToday} from './schema/date.js'
import type {Diagnostic, EntryResult} from './types.js'

export interface CheckOptions extends LoadConfigOptions {
  /** The date to build for, `YYYY-MM-DD`: what overdue commitments and due revisits compare with. Defaults to today. */
  today?: string
  /** Worker threads for the per-entry stages (default: one per core). */
  jobs?: number
  /** Told where the run is: for progress bars. */
  onProgress?: (progress: Progress) => void
}

export interface Progress {
  phase: 'reading' | 'rendering' | 'indexing' | 'writing'
  done?: number
  total?: number
}

export interface CheckResult {
  config: ResolvedConfig
  /** Every file looked at, `/`-separated and relative to the root, in order. */
  files: string[]
  /** Every problem in every file, sorted by file and place. */
  messages: Diagnostic[]
  errors: number
  warnings: number
  /** `true` when there is no error (warnings allowed). */
  ok: boolean
  /** Entries taken from the cache, and entries read afresh. */
  cache: {hits: number; misses: number}
}

export interface Analysis extends CheckResult {
  site: Site
}

/** Check every entry without writing anything. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const {site: _site, ...result} = await analyse(await loadConfig(options), options.today, {...options, configSource: options})
  return result
}

/** discover → parse → validate → extract → aggregate, shared by `check` and `build`. */
export interface AnalyseOptions extends Pick<CheckOptions, 'jobs' | 'onProgress'> {
  /** How the config was loaded, so that worker threads can load it too (a config with plugins). */
  configSource?: LoadConfigOptions
}

export async function analyse(config: ResolvedConfig, today = localToday(), options: AnalyseOptions = {}): Promise<Analysis> {
  const discovered = await discover(config)
  const cache = config.cacheDir === undefined ? EntryCache.none() : await EntryCache.load(config.cacheDir, config)
  const read = await mapLimit(discovered.sources, 32, async (source) => readCached(source, discovered.contentReal, config.limits.fileSize, cache))
  const misses = read.filter((r) => 'bytes' in r).length
  const runner = await entryRunner(config, misses, {...(options.jobs !== undefined ? {jobs: options.jobs} : {}), ...(options.configSource ? {configSource: options.configSource} : {})})
  let results: EntryResult[]
  let done = read.length - misses
  options.onProgress?.({phase: 'reading', done, total: read.length})
  try {
    results = await mapLimit(read, runner.concurrency, async (r) => {
      if (!('bytes' in r)) return r.result
      const result = await runner.run(r.bytes, r.source)
      // An entry stopped for its time or memory is read again next time: the machine may have been busy.
      if (!result.messages.some((m) => m.ruleId === 'file/timeout' || m.ruleId === 'file/memory')) cache.set(r.key, result)
      options.onProgress?.({phase: 'reading', done: ++done, total: read.length})
      return result
    })
  } finally {
    await runner.close()
  }
  await cache.save()
  return {...assemble(config, discovered, results, today), cache: {hits: cache.hits, misses: cache.misses}}
}

type Read = {result: EntryResult} | {bytes: Uint8Array; key: string; source: SourceFile}

/** Read an entry's bytes, and take its result from the cache when the bytes are the same. */
function readCached(source: SourceFile, contentReal: string, maxSize: number, cache: EntryCache): Read {
  const read = readSource(source, contentReal, maxSize)
  // A file that could not be read is not from the cache: it counts as read afresh.
  if ('gone' in read || 'problem' in read) cache.misses++
  if ('gone' in read) return {result: {file: source.file, messages: [fileProblem(source.file, 'file/unreadable', 'Unexpected file gone while reading, expected it to stay: build again')]}}
  if ('problem' in read) return {result: {file: source.file, messages: [read.problem]}}
  const key = EntryCache.key(source.file, read.bytes)
  const cached = cache.get(key)
  return cached ? {result: cached} : {bytes: read.bytes, key, source}
}

/**
 * The whole-site half of `analyse`: aggregate the per-entry results and gather every message.
 * `watch` calls it too, with results it kept from earlier rebuilds.
 */
export function assemble(config: ResolvedConfig, discovered: Discovered, results: readonly EntryResult[], today: string): Omit<Analysis, 'cache'> {
  const lexicon = buildLexicon([...defaultSynonyms, ...config.lessons.synonyms])
  const {site, messages: siteMessages} = aggregate(results, {info: config.site, today, grouping: {threshold: config.lessons.threshold, lexicon}})
  const messages = sortDiagnostics([...discovered.messages, ...results.flatMap((r) => r.messages), ...siteMessages])
  const files = [...new Set([...discovered.sources.map((s) => s.file), ...discovered.messages.map((m) => m.file)])].sort()
  const {errors, warnings} = countBySeverity(messages)
  return {config, files, messages, errors, warnings, ok: errors === 0, site}
}
