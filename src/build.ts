import type {CheckOptions, CheckResult} from './check.js'
import {Engine, type EngineOptions} from './pipeline/engine.js'

export interface BuildOptions extends CheckOptions, Pick<EngineOptions, 'searchShardSize' | 'write'> {}

export interface BuildResult extends CheckResult {
  /** Whether the output folder was replaced. It never is when there is an error. */
  written: boolean
  /** Number of files written into the output folder. */
  outputFiles: number
  /** Published entries. */
  entries: number
  /**
   * Whether the output folder was already what this build would write: made from the same
   * entries, settings, theme and date, and unaltered since. Nothing was rendered or written.
   */
  upToDate: boolean
  /** Advice about the settings, said once per build (not an error): such as `base` without the site's URL. */
  hints: string[]
}

/** Feed readers resolve relative links poorly, and cannot follow `urn:` ids at all. */
export const feedHint =
  "feed.xml has relative links: set `base` to the site's URL (`base: 'https://example.org/lessons/'`, or `--base`) for a feed readers can follow"

/**
 * Check every entry and, when no error was found, render the site and write it to the output
 * folder in one atomic step. With errors, the previous output stays exactly as it was.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const engine = await Engine.open({...options, once: true})
  try {
    // A folder that may not be replaced is refused before any work (and again before writing).
    await engine.claimOutput()
    const {site, results: _results, vectors: _vectors, ...result} = await engine.analyse()
    if (!result.ok) return {...result, written: false, outputFiles: 0, entries: site.entries.length, upToDate: false, hints: []}
    const published = await engine.publish(site, 'replace')
    const hints = result.config.site.url === '' ? [feedHint] : []
    return {...result, written: true, outputFiles: published.outputFiles, entries: site.entries.length, upToDate: published.upToDate, hints}
  } finally {
    await engine.close()
  }
}
