import {buildLexicon, defaultSynonyms} from './aggregate/lexicon.js'
import {aggregate, type Site} from './aggregate/site.js'
import {loadConfig, type LoadConfigOptions} from './config/load.js'
import type {ResolvedConfig} from './config/types.js'
import {countBySeverity, sortDiagnostics} from './diagnostics.js'
import {discover, type Discovered} from './discover/discover.js'
import {mapLimit} from './map-limit.js'
import {processEntry} from './process-entry.js'
import {localToday} from './schema/date.js'
import type {Diagnostic, EntryResult} from './types.js'

export interface CheckOptions extends LoadConfigOptions {
  /** The date to build for, `YYYY-MM-DD`: what overdue commitments and due revisits compare with. Defaults to today. */
  today?: string
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
}

export interface Analysis extends CheckResult {
  site: Site
}

/** Check every entry without writing anything. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const {site: _site, ...result} = await analyse(await loadConfig(options), options.today)
  return result
}

/** discover → parse → validate → extract → aggregate, shared by `check` and `build`. */
export async function analyse(config: ResolvedConfig, today = localToday()): Promise<Analysis> {
  const discovered = await discover(config)
  const results = await mapLimit(discovered.sources, 32, (source) => processEntry(source, config))
  return assemble(config, discovered, results, today)
}

/**
 * The whole-site half of `analyse`: aggregate the per-entry results and gather every message.
 * `watch` calls it too, with results it kept from earlier rebuilds.
 */
export function assemble(config: ResolvedConfig, discovered: Discovered, results: readonly EntryResult[], today: string): Analysis {
  const lexicon = buildLexicon([...defaultSynonyms, ...config.lessons.synonyms])
  const {site, messages: siteMessages} = aggregate(results, {info: config.site, today, grouping: {threshold: config.lessons.threshold, lexicon}})
  const messages = sortDiagnostics([...discovered.messages, ...results.flatMap((r) => r.messages), ...siteMessages])
  const files = [...new Set([...discovered.sources.map((s) => s.file), ...discovered.messages.map((m) => m.file)])].sort()
  const {errors, warnings} = countBySeverity(messages)
  return {config, files, messages, errors, warnings, ok: errors === 0, site}
}
