import type {LoadConfigOptions} from './config/load.js'
import type {Analysis} from './pipeline/assemble.js'
import {Engine, type EngineOptions, type Progress} from './pipeline/engine.js'
import {countBySeverity} from './diagnostics.js'
import {selectFiles} from './select-files.js'

export type {Progress}

export interface CheckOptions extends LoadConfigOptions, Pick<EngineOptions, 'today' | 'jobs' | 'onProgress'> {
  /**
   * Report only these files (paths relative to `cwd`, or absolute, or globs): every entry is
   * still read, since some checks need them all (two entries on one URL), but only the named
   * files' problems are reported and counted. A name that is no entry is refused (`NOT_AN_ENTRY`).
   */
  files?: readonly string[]
}

/** What a check finds: every file, every problem, and how much came from the cache. */
export interface CheckResult extends Omit<Analysis, 'site'> {
  /** Entries taken from the cache, and entries read afresh. */
  cache: {hits: number; misses: number}
}

/** Check every entry without writing anything: the pipeline up to aggregation. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const engine = await Engine.open(options)
  try {
    const {site: _site, results: _results, vectors: _vectors, ...result} = await engine.analyse()
    if (options.files === undefined || options.files.length === 0) return result
    const named = selectFiles(options.files, result.files, {
      root: result.config.root,
      cwd: options.cwd ?? process.cwd(),
      content: result.config.contentDir
    })
    const messages = result.messages.filter((m) => named.has(m.file))
    const {errors, warnings} = countBySeverity(messages)
    return {...result, files: result.files.filter((f) => named.has(f)), messages, errors, warnings, ok: errors === 0}
  } finally {
    await engine.close()
  }
}
