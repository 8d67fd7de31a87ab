import {aggregate, type Site} from './aggregate/site.js'
import {loadConfig, type LoadConfigOptions} from './config/load.js'
import type {ResolvedConfig} from './config/types.js'
import {countBySeverity, sortDiagnostics} from './diagnostics.js'
import {discover} from './discover/discover.js'
import {mapLimit} from './map-limit.js'
import {processEntry} from './process-entry.js'
import type {Diagnostic} from './types.js'

export type CheckOptions = LoadConfigOptions

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
}

export interface Analysis extends CheckResult {
  site: Site
}

/** Check every entry without writing anything. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const {site: _site, ...result} = await analyse(await loadConfig(options))
  return result
}

/** discover → parse → validate → extract → aggregate, shared by `check` and `build`. */
export async function analyse(config: ResolvedConfig): Promise<Analysis> {
  const discovered = await discover(config)
  const results = await mapLimit(discovered.sources, 32, (source) => processEntry(source, config))
  const {site, messages: siteMessages} = aggregate(results, config.site)
  const messages = sortDiagnostics([...discovered.messages, ...results.flatMap((r) => r.messages), ...siteMessages])
  const files = [...new Set([...discovered.sources.map((s) => s.file), ...discovered.messages.map((m) => m.file)])].sort()
  const {errors, warnings} = countBySeverity(messages)
  return {config, files, messages, errors, warnings, ok: errors === 0, site}
}
