import path from 'node:path'
import {assemble, type Analysis} from '../../pipeline/assemble.js'
import {Engine, type EngineOptions} from '../../pipeline/engine.js'
import type {ResolvedConfig} from '../../config/types.js'
import {localToday} from '../../schema/date.js'
import type {Site} from '../../pipeline/aggregate/site.js'
import type {Entry, EntryResult} from '../../types.js'

/** What one rebuild did. */
export interface RebuildResult {
  analysis: Analysis
  /** Output paths written and removed. */
  written: string[]
  removed: string[]
  /** There was no content folder: the site has no entries until it is made. */
  contentMissing: boolean
}

/**
 * Watch's use of the engine: a full rebuild opens a new one (the config, the theme or the
 * folders may have changed), and a save tells the current one which files changed, so it
 * reads those only and writes only the pages whose key changed. While an entry has errors, its
 * last good version stays on the site: problems are reported, not published.
 */
export class SiteBuilder {
  private engine: Engine | undefined
  /** Each entry's last version without an error, by file. */
  private lastGood = new Map<string, Entry>()
  /** The entries (absolute paths) that use each file of the content folder (absolute path), as last read. */
  private users = new Map<string, string[]>()

  constructor(private options: EngineOptions) {}

  get config(): ResolvedConfig {
    return this.engine!.config
  }

  /**
   * Load config and theme, read every entry, and replace the output folder. Until the new
   * output is in place, the builder keeps its previous engine: a config that points the output
   * at a folder bounceback may not replace changes nothing.
   */
  async full(): Promise<RebuildResult> {
    // Entries are read in line for at most a quarter of a second; longer, in a worker thread,
    // so the preview server goes on answering while a slow entry is read.
    // The first full rebuild is the first in this process: its first entries get longer.
    // The content folder may be missing for now: watch waits for it (see folder-watch.ts).
    const engine = await Engine.open({
      ...this.options,
      inlineLimit: 250,
      ...(this.engine ? {firstLimit: 250} : {}),
      freshTheme: true,
      contentMayBeMissing: true
    })
    try {
      await engine.claimOutput()
      const analysis = await engine.analyse()
      const lastGood = new Map<string, Entry>()
      const published = await engine.publish(this.shown(analysis, lastGood), 'replace')
      await this.engine?.close()
      this.engine = engine
      this.lastGood = lastGood
      this.noteUses(engine.config, analysis.results)
      this.forgetReplaceFlag()
      return {analysis, written: published.written, removed: [], contentMissing: analysis.contentMissing}
    } catch (error) {
      await engine.close()
      throw error
    }
  }

  /**
   * Rebuild after the given files changed. A file that was added, removed or renamed makes the
   * content folder be listed again; a file that vanished before it could be read is a delete.
   */
  async update(
    paths: ReadonlySet<string>,
    listAgain: boolean,
    /** Told the pages written, and the analysis, once they are in place: before the files made from the whole site. */
    pagesWritten?: (written: readonly string[], analysis: Analysis) => void
  ): Promise<RebuildResult> {
    const engine = this.engine!
    const analysis = await engine.analyse({paths, relist: listAgain})
    this.noteUses(engine.config, analysis.results)
    const published = await engine.publish(this.shown(analysis, this.lastGood), 'update', pagesWritten && ((written) => pagesWritten(written, analysis)))
    return {analysis, written: published.written, removed: published.removed, contentMissing: analysis.contentMissing}
  }

  /** The entries that use `file` (an image beside them), as absolute paths: the ones to read again when it changes. */
  entriesUsing(file: string): string[] {
    return this.users.get(path.resolve(file)) ?? []
  }

  private noteUses(config: ResolvedConfig, results: readonly EntryResult[]): void {
    this.users.clear()
    for (const result of results) {
      if (!result.uses?.length) continue
      const entry = path.join(config.root, ...result.file.split('/'))
      for (const use of result.uses) {
        const file = path.join(config.contentDir, ...use.source.split('/'))
        this.users.set(file, [...(this.users.get(file) ?? []), entry])
      }
    }
  }

  /** Keep the entry cache on disk, and stop the worker threads. */
  async close(): Promise<void> {
    await this.engine?.save()
    await this.engine?.close()
  }

  /**
   * The site to show: the analysed one when it has no error, else each entry's last good
   * version (an entry never good is left out). `lastGood` is brought up to date first.
   */
  private shown(analysis: Analysis & {results: readonly EntryResult[]}, lastGood: Map<string, Entry>): Site {
    const files = new Set(analysis.results.map((r) => r.file))
    for (const file of lastGood.keys()) if (!files.has(file)) lastGood.delete(file)
    for (const r of analysis.results) if (r.entry && !r.messages.some((m) => m.severity === 'error')) lastGood.set(r.file, r.entry)
    if (analysis.ok) return analysis.site
    const shown = analysis.results.flatMap((r): EntryResult[] => {
      const entry = lastGood.get(r.file)
      return entry ? [{file: r.file, messages: [], entry}] : []
    })
    return assemble(analysis.config, {sources: [], messages: []}, dedupeSlugs(shown), this.options.today ?? localToday()).site
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
