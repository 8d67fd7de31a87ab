import {loadConfig, type LoadConfigOptions} from '../config/load.js'
import type {ResolvedConfig} from '../config/types.js'
import {folderState, isOurOutput} from '../folders/owned.js'
import {localToday} from '../schema/date.js'
import {assemble, type Analysis} from './assemble.js'
import {discover, type Discovered} from './discover/discover.js'
import {Entries} from './entries.js'
import {Embeddings} from './embeddings.js'
import {replaceSite, updateSite, type Published} from './publish.js'
import {PlanMemo} from './render/plan-memo.js'
import {SiteMemo} from './aggregate/site-memo.js'
import {loadTheme, type Theme} from './render/theme.js'
import {loadPublic, type PublicFolder} from './render/public-folder.js'
import {defaultSharding} from './render/search-shards.js'
import type {Site} from './aggregate/site.js'
import type {EntryResult} from '../types.js'
import type {OutputState} from './write/changes.js'
import {claimOutput} from './write/claim.js'
import type {WriteOptions} from './write/write.js'

export interface Progress {
  phase: 'reading' | 'rendering' | 'indexing' | 'writing'
  done?: number
  total?: number
}

export interface EngineOptions extends LoadConfigOptions {
  /** The date to build for, `YYYY-MM-DD`: what overdue commitments and due revisits compare with. Defaults to today. */
  today?: string
  /** Worker threads for the per-entry stages (default: one per core from 4 cores, else 1). */
  jobs?: number
  /** How long an entry may run in line before a worker takes it over, in ms (watch: 250). */
  inlineLimit?: number
  /** The same for the first entries of this engine (see pool/pool.ts). */
  firstLimit?: number
  /** Pages per shard of the search index (default 250, in at most 16 shards; a size given here has no cap). */
  searchShardSize?: number
  /** A missing content folder is a site with no entries yet, not an error (watch: it may be made while watching). */
  contentMayBeMissing?: boolean
  /** Load the theme's modules afresh, not from Node's module cache (watch, after a theme file changed). */
  freshTheme?: boolean
  /** Told where the run is: for progress bars. */
  onProgress?: (progress: Progress) => void
  /** For tests that simulate a failing disk. */
  write?: WriteOptions
  /** The engine runs once (`build`): what only a later run could compare with is not kept. */
  once?: boolean
}

/** Which inputs changed since the last analysis (watch). */
export interface Changes {
  paths: ReadonlySet<string>
  /** A file was added, removed or renamed: the content folder is listed again. */
  relist: boolean
}

export interface EngineAnalysis extends Analysis {
  /** Entries taken from memory or the cache, and entries read afresh. */
  cache: {hits: number; misses: number}
  /** Each entry's result, in the order of the sources. */
  results: readonly EntryResult[]
  /** Each lesson text's embedding, when the config has `lessons.embed`. */
  vectors?: ReadonlyMap<string, readonly number[]>
  /** There was no content folder (only with `contentMayBeMissing`). */
  contentMissing: boolean
}

/**
 * The pipeline of one project, with one configuration: discover → parse → validate → extract
 * (per entry, through the cache layer and under the time budget) → aggregate → render → write.
 * `build`, `check` and `lessons` run it once; `watch` keeps one and tells it which inputs
 * changed. Everything it keeps between runs (entry results, the cards pages show, what the
 * output folder holds) is its own, never module state.
 */
export class Engine {
  private discovered: Discovered | undefined
  private theme: Theme | undefined
  private publicFolder: PublicFolder | undefined
  /** What planning the site keeps between runs: watch plans it on every save. */
  private readonly plan: PlanMemo
  /** The last site aggregated: a save that changes only an entry's prose keeps it. None for an engine that runs once. */
  private readonly aggregated: SiteMemo | undefined
  /** What the last publication wrote, by key: what an update compares with. */
  private output: OutputState | undefined

  /** Opened with the first analysis: the cache folder is not touched before the output is claimed. */
  private entries: Entries | undefined
  private embeddings: Embeddings | undefined

  private constructor(
    readonly config: ResolvedConfig,
    private readonly options: EngineOptions
  ) {
    this.plan = new PlanMemo({lasting: !options.once})
    if (!options.once) this.aggregated = new SiteMemo()
  }

  static async open(options: EngineOptions = {}): Promise<Engine> {
    return new Engine(await loadConfig(options), options)
  }

  private async openEntries(): Promise<Entries> {
    const {jobs, inlineLimit, firstLimit, onProgress} = this.options
    const onRead = onProgress && ((done: number, total: number) => onProgress({phase: 'reading', done, total}))
    this.entries ??= await Entries.open(this.config, {
      configSource: this.options,
      ...(jobs !== undefined ? {jobs} : {}),
      ...(inlineLimit !== undefined ? {inlineLimit} : {}),
      ...(firstLimit !== undefined ? {firstLimit} : {}),
      ...(onRead ? {onRead} : {})
    })
    return this.entries
  }

  /** Refuse an output folder that may not be replaced before any work is done (it is checked again when writing). */
  async claimOutput(): Promise<void> {
    await claimOutput(this.config)
  }

  /**
   * Discover, read and check every entry, and aggregate the site. Given `changes` (watch), only
   * the files named are read again, and the content folder is listed again only when told.
   * Without (a build), the entry cache on disk is saved at once.
   */
  async analyse(changes?: Changes): Promise<EngineAnalysis> {
    const entries = await this.openEntries()
    const options = {missingIsEmpty: this.options.contentMayBeMissing === true}
    if (!this.discovered || !changes || changes.relist) this.discovered = await discover(this.config, options)
    let read = await entries.read(this.discovered, changes?.paths)
    if (read.vanished) {
      // A file gone between the event and the read is a delete: list the folder again.
      this.discovered = await discover(this.config, options)
      read = await entries.read(this.discovered, changes ? new Set() : undefined)
    }
    if (!changes) await entries.save()
    const vectors = await this.lessonVectors(read.results)
    const analysis = assemble(this.config, this.discovered, read.results, this.options.today ?? localToday(), vectors, this.aggregated)
    return {
      ...analysis,
      cache: {hits: read.hits, misses: read.misses},
      results: read.results,
      ...(vectors ? {vectors} : {}),
      contentMissing: this.discovered.missing === true
    }
  }

  /**
   * Render and write a site: `replace` writes a new output folder and swaps it in (build, and
   * watch's full rebuilds, which index the site for search); `update` writes into the output
   * folder only the files whose key changed (watch, after a save). An update of an output folder
   * that is no longer the one written before (deleted, replaced) replaces it instead.
   * `pagesWritten` (an update) is told the pages written, and the files they use, as soon as all are in place, before
   * the files made from the whole site: watch reloads the browser then.
   */
  async publish(site: Site, mode: 'replace' | 'update', pagesWritten?: (written: readonly string[]) => void): Promise<Published> {
    this.theme ??= await loadTheme(this.config, {fresh: this.options.freshTheme === true})
    this.publicFolder ??= await loadPublic(this.config)
    const input = {
      config: this.config,
      theme: this.theme,
      publicFolder: this.publicFolder,
      site,
      memo: this.plan,
      sharding: this.options.searchShardSize === undefined ? defaultSharding : {size: this.options.searchShardSize, most: Infinity},
      onProgress: (phase: Progress['phase']) => this.options.onProgress?.({phase})
    }
    const inPlace = mode === 'update' && this.output !== undefined && (await folderState(this.config.outDir, isOurOutput)).kind === 'ours'
    const published = inPlace ? await updateSite(input, this.output!, pagesWritten) : await replaceSite(input, this.options.write)
    this.output = published.state
    return published
  }

  /** With `lessons.embed`, the vector of every lesson's text: new wordings are embedded, then kept on disk. */
  private async lessonVectors(results: readonly EntryResult[]): Promise<Map<string, number[]> | undefined> {
    if (!this.config.lessons.embed) return undefined
    this.embeddings ??= await Embeddings.open(this.config)
    const texts = results.flatMap((r) => r.entry?.lessons.map((l) => l.text) ?? [])
    const vectors = await this.embeddings!.vectors(texts)
    await this.embeddings!.save()
    return vectors
  }

  /** Keep the entry results on disk (watch does it on full rebuilds and when it stops). */
  async save(): Promise<void> {
    await this.entries?.save()
  }

  /** Stop the worker threads, if any were started. */
  async close(): Promise<void> {
    await this.entries?.close()
  }
}
