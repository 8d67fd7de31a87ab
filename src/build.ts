import type {CheckOptions, CheckResult} from './check.js'
import {defaultShardSize, Engine, type EngineOptions} from './pipeline/engine.js'

export {defaultShardSize}

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
}

/**
 * Check every entry and, when no error was found, render the site and write it to the output
 * folder in one atomic step. With errors, the previous output stays exactly as it was.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const engine = await Engine.open(options)
  try {
    // A folder that may not be replaced is refused before any work (and again before writing).
    await engine.claimOutput()
    const {site, results: _results, ...result} = await engine.analyse()
    if (!result.ok) return {...result, written: false, outputFiles: 0, entries: site.entries.length, upToDate: false}
    const published = await engine.publish(site, 'replace')
    return {...result, written: true, outputFiles: published.outputFiles, entries: site.entries.length, upToDate: published.upToDate}
  } finally {
    await engine.close()
  }
}
