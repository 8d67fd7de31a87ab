import {createHash} from 'node:crypto'
import {assemble, type Analysis} from '../../check.js'
import {loadConfig, type LoadConfigOptions} from '../../config/load.js'
import type {ResolvedConfig} from '../../config/types.js'
import {discover, type Discovered, type SourceFile} from '../../pipeline/discover/discover.js'
import {readSource} from '../../pipeline/discover/read-source.js'
import {mapLimit} from '../../map-limit.js'
import {entryRunner, type EntryRunner} from '../../pool/pool.js'
import {renderSite, type RenderMemo} from '../../pipeline/render/site.js'
import {searchIndex} from '../../pipeline/render/search-index.js'
import {loadTheme, type OutputFile, type Theme} from '../../pipeline/render/theme.js'
import {localToday} from '../../schema/date.js'
import type {Entry, EntryResult} from '../../types.js'
import {stateOf, writeChanges, type OutputState} from '../../pipeline/write/changes.js'
import {withOutputLock} from '../../pipeline/write/lock.js'
import {claimOutput} from '../../pipeline/write/claim.js'
import {writeSite} from '../../pipeline/write/write.js'

/** What one rebuild did. */
export interface RebuildResult {
  analysis: Omit<Analysis, 'cache'>
  /** Output paths written and removed. */
  written: string[]
  removed: string[]
}

interface Kept {
  digest: string
  result: EntryResult
}

/** Everything one configuration of the site is built from; replaced whole by a full rebuild. */
interface State {
  config: ResolvedConfig
  theme: Theme
  discovered: Discovered
  kept: Map<string, Kept>
  lastGood: Map<string, Entry>
  memo: RenderMemo
  output: OutputState
  searchFiles: OutputFile[]
  /** Reads entries under the time budget: in line for a moment, then in a worker thread. */
  runner: EntryRunner
}

/**
 * The build stages, driven incrementally: per-entry results are kept in memory by file, keyed
 * by a digest of its bytes, so a save re-reads one file and re-renders only the pages whose
 * data changed. While an entry has errors, its last good version stays on the site.
 */
export class SiteBuilder {
  private state!: State

  constructor(private options: LoadConfigOptions & {today?: string}) {}

  get config(): ResolvedConfig {
    return this.state.config
  }

  /**
   * Load config and theme, read every entry, and replace the output folder. Until the new
   * output is in place, the builder keeps its previous settings: a config that points the
   * output at a folder bounceback may not replace changes nothing.
   */
  async full(): Promise<RebuildResult> {
    const config = await loadConfig(this.options)
    const theme = await loadTheme(config, {fresh: true})
    // Refused before anything is read: the same rule as build, checked again when writing.
    await claimOutput(config)
    const discovered = await discover(config)
    // Entries are read in line for at most a quarter of a second; longer, in a worker thread,
    // so the preview server goes on answering while a slow entry is read.
    const runner = await entryRunner(config, discovered.sources.length, {inlineLimit: 250, configSource: this.options})
    const state: State = {config, theme, discovered, kept: new Map(), lastGood: new Map(), memo: new Map(), output: new Map(), searchFiles: [], runner}
    try {
      await mapLimit(state.discovered.sources, runner.concurrency, async (source) => refresh(state, source))
      const {analysis, files} = this.render(state)
      state.searchFiles = await searchIndex(files, config.site.lang)
      files.push(...state.searchFiles)
      await writeSite(config, files)
      state.output = stateOf(files)
      await this.state?.runner.close()
      this.state = state
      this.forgetReplaceFlag()
      return {analysis, written: files.map((f) => f.path), removed: []}
    } catch (error) {
      await runner.close()
      throw error
    }
  }

  /** Stop the worker threads, if any were started. */
  async close(): Promise<void> {
    await this.state?.runner.close()
  }

  /**
   * `--replace-output` was said of the folder claimed by the first full build; one the config
   * names later is replaced only when it may be without the flag.
   */
  private forgetReplaceFlag(): void {
    if (this.options.overrides?.replaceOutput === undefined) return
    const {replaceOutput: _said, ...overrides} = this.options.overrides
    this.options = {...this.options, overrides}
  }

  /**
   * Rebuild after the given files changed. A file that was added, removed or renamed makes the
   * content folder be listed again; a file that vanished before it could be read is a delete.
   */
  async update(paths: ReadonlySet<string>, listAgain: boolean): Promise<RebuildResult> {
    const state = this.state
    if (listAgain) state.discovered = await discover(state.config)
    const current = new Map(state.discovered.sources.map((s) => [s.path, s]))
    for (const file of state.kept.keys()) {
      if (!current.has(file)) {
        state.kept.delete(file)
        state.lastGood.delete(file)
      }
    }
    let vanished = false
    for (const source of current.values()) {
      if (!paths.has(source.path) && state.kept.has(source.path)) continue
      if (!(await refresh(state, source))) vanished = true
    }
    if (vanished) return this.update(new Set(), true)
    const {analysis, files} = this.render(state)
    // The search index is rebuilt with every full build; between them it stays as it was.
    const changes = await withOutputLock(state.config.outDir, () => writeChanges(state.config, [...files, ...state.searchFiles], state.output))
    state.output = changes.state
    return {analysis, written: changes.written, removed: changes.removed}
  }

  private render(state: State) {
    const today = this.options.today ?? localToday()
    const results = state.discovered.sources.map((s) => state.kept.get(s.path)!.result)
    const analysis = assemble(state.config, state.discovered, results, today)
    if (analysis.ok) return {analysis, files: renderSite(analysis.site, state.theme, state.memo)}
    // With errors, the site shows each entry's last good version: problems are reported, not published.
    const shown = state.discovered.sources.flatMap((s): EntryResult[] => {
      const entry = state.lastGood.get(s.path)
      return entry ? [{file: s.file, messages: [], entry}] : []
    })
    const {site} = assemble(state.config, {sources: [], messages: [], contentReal: state.discovered.contentReal}, dedupeSlugs(shown), today)
    return {analysis, files: renderSite(site, state.theme, state.memo)}
  }
}

/**
 * Read one entry again, with every check `build` makes at reading (a link swapped in for the
 * file must still lead inside the content folder); `false` when it is gone.
 */
async function refresh(state: State, source: SourceFile): Promise<boolean> {
  const read = readSource(source, state.discovered.contentReal, state.config.limits.fileSize)
  if ('gone' in read) return false
  const bytes = 'bytes' in read ? read.bytes : new Uint8Array()
  const hash = 'bytes' in read ? digest(bytes) : `problem:${read.problem.ruleId}`
  if (state.kept.get(source.path)?.digest === hash) return true
  const result: EntryResult = 'bytes' in read ? await state.runner.run(bytes, source) : {file: source.file, messages: [read.problem]}
  state.kept.set(source.path, {digest: hash, result})
  if (result.entry && !result.messages.some((m) => m.severity === 'error')) state.lastGood.set(source.path, result.entry)
  return true
}

/** Two entries with one slug cannot both have a page: the first (by path) keeps it. */
function dedupeSlugs(results: readonly EntryResult[]): EntryResult[] {
  const seen = new Set<string>()
  return results.filter((r) => {
    if (seen.has(r.entry!.slug)) return false
    seen.add(r.entry!.slug)
    return true
  })
}

function digest(contents: string | Uint8Array): string {
  return createHash('sha1').update(contents).digest('hex')
}
