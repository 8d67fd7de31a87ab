import type {LoadConfigOptions} from './config/load.js'
import type {ResolvedConfig} from './config/types.js'
import {Engine, type EngineOptions, type Progress} from './pipeline/engine.js'
import type {Diagnostic} from './types.js'

export type {Progress}

export interface CheckOptions extends LoadConfigOptions, Pick<EngineOptions, 'today' | 'jobs' | 'onProgress'> {}

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

/** Check every entry without writing anything: the pipeline up to aggregation. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const engine = await Engine.open(options)
  try {
    const {site: _site, results: _results, ...result} = await engine.analyse()
    return result
  } finally {
    await engine.close()
  }
}
