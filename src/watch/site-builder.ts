import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import {assemble, type Analysis} from '../check.js'
import {loadConfig, type LoadConfigOptions} from '../config/load.js'
import type {ResolvedConfig} from '../config/types.js'
import {discover, type Discovered, type SourceFile} from '../discover/discover.js'
import {mapLimit} from '../map-limit.js'
import {processBytes} from '../process-entry.js'
import {renderSite, type RenderMemo} from '../render/site.js'
import {searchIndex} from '../render/search-index.js'
import {loadTheme, type OutputFile, type Theme} from '../render/theme.js'
import {localToday} from '../schema/date.js'
import type {Entry, EntryResult} from '../types.js'
import {writeChanges, type OutputState} from '../write/changes.js'
import {withOutputLock} from '../write/lock.js'
import {writeSite} from '../write/write.js'

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

/**
 * The build stages, driven incrementally: per-entry results are kept in memory by file, keyed
 * by a digest of its bytes, so a save re-reads one file and re-renders only the pages whose
 * data changed. While an entry has errors, its last good version stays on the site.
 */
export class SiteBuilder {
  config!: ResolvedConfig
  private theme!: Theme
  private discovered!: Discovered
  private readonly kept = new Map<string, Kept>()
  private readonly lastGood = new Map<string, Entry>()
  private memo: RenderMemo = new Map()
  private output: OutputState = new Map()
  private searchFiles: OutputFile[] = []

  constructor(private readonly options: LoadConfigOptions & {today?: string}) {}

  /** Load config and theme, read every entry, and replace the output folder. */
  async full(): Promise<RebuildResult> {
    this.config = await loadConfig(this.options)
    this.theme = await loadTheme(this.config, {fresh: true})
    this.kept.clear()
    this.lastGood.clear()
    this.memo = new Map()
    this.discovered = await discover(this.config)
    await mapLimit(this.discovered.sources, 32, (source) => this.refresh(source))
    const {analysis, files} = this.render()
    this.searchFiles = await searchIndex(files, this.config.site.lang)
    files.push(...this.searchFiles)
    await writeSite(this.config.outDir, files)
    this.output = new Map(files.map((file) => [file.path, typeof file.contents === 'string' ? file.contents : `sha1:${digest(file.contents)}`]))
    return {analysis, written: files.map((f) => f.path), removed: []}
  }

  /**
   * Rebuild after the given files changed. A file that was added, removed or renamed makes the
   * content folder be listed again; a file that vanished before it could be read is a delete.
   */
  async update(paths: ReadonlySet<string>, listAgain: boolean): Promise<RebuildResult> {
    if (listAgain) this.discovered = await discover(this.config)
    const current = new Map(this.discovered.sources.map((s) => [s.path, s]))
    for (const file of this.kept.keys()) {
      if (!current.has(file)) {
        this.kept.delete(file)
        this.lastGood.delete(file)
      }
    }
    let vanished = false
    for (const source of current.values()) {
      if (!paths.has(source.path) && this.kept.has(source.path)) continue
      if (!(await this.refresh(source))) vanished = true
    }
    if (vanished) return this.update(new Set(), true)
    const {analysis, files} = this.render()
    // The search index is rebuilt with every full build; between them it stays as it was.
    const changes = await withOutputLock(this.config.outDir, () => writeChanges(this.config.outDir, [...files, ...this.searchFiles], this.output))
    this.output = changes.state
    return {analysis, written: changes.written, removed: changes.removed}
  }

  /** Read one entry again; `false` when it is gone. */
  private async refresh(source: SourceFile): Promise<boolean> {
    let bytes: Uint8Array
    try {
      bytes = await fs.readFile(source.path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw error
    }
    const hash = digest(bytes)
    if (this.kept.get(source.path)?.digest === hash) return true
    const result = await processBytes(bytes, source, this.config)
    this.kept.set(source.path, {digest: hash, result})
    if (result.entry && !result.messages.some((m) => m.severity === 'error')) this.lastGood.set(source.path, result.entry)
    return true
  }

  private render() {
    const today = this.options.today ?? localToday()
    const results = this.discovered.sources.map((s) => this.kept.get(s.path)!.result)
    const analysis = assemble(this.config, this.discovered, results, today)
    if (analysis.ok) return {analysis, files: renderSite(analysis.site, this.theme, this.memo)}
    // With errors, the site shows each entry's last good version: problems are reported, not published.
    const shown = this.discovered.sources.flatMap((s): EntryResult[] => {
      const entry = this.lastGood.get(s.path)
      return entry ? [{file: s.file, messages: [], entry}] : []
    })
    const {site} = assemble(this.config, {sources: [], messages: []}, dedupeSlugs(shown), today)
    return {analysis, files: renderSite(site, this.theme, this.memo)}
  }
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
