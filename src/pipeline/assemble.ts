import type {ResolvedConfig} from '../config/types.js'
import {countBySeverity, sortDiagnostics} from '../diagnostics.js'
import type {Diagnostic, EntryResult} from '../types.js'
import {buildLexicon, defaultSynonyms, type Lexicon} from './aggregate/lexicon.js'
import {aggregate, type Site} from './aggregate/site.js'
import type {SiteMemo} from './aggregate/site-memo.js'
import type {Discovered} from './discover/discover.js'

/** Every problem of a project, and the site its entries make. */
export interface Analysis {
  config: ResolvedConfig
  /** Every file looked at, `/`-separated and relative to the root, in order. */
  files: string[]
  /** Every problem in every file, sorted by file and place. */
  messages: Diagnostic[]
  errors: number
  warnings: number
  /** `true` when there is no error (warnings allowed). */
  ok: boolean
  site: Site
}

/** One lexicon per config, so that what is worked out from it (each lesson's stems) is kept between watch rebuilds. */
const lexicons = new WeakMap<ResolvedConfig, Lexicon>()

/** The whole-site stage after the per-entry ones: aggregate the results and gather every message. */
export function assemble(
  config: ResolvedConfig,
  discovered: Pick<Discovered, 'sources' | 'messages'>,
  results: readonly EntryResult[],
  today: string,
  /** Lesson embeddings, when the config has `lessons.embed` (see embeddings.ts). */
  vectors?: ReadonlyMap<string, readonly number[]>,
  /** The engine's last site (watch): see aggregate/site-memo.ts. */
  memo?: SiteMemo
): Analysis {
  let lexicon = lexicons.get(config)
  if (!lexicon) lexicons.set(config, (lexicon = buildLexicon([...defaultSynonyms, ...config.lessons.synonyms])))
  const similar = config.rules['lessons/similar']?.level ?? 'off'
  const {site, messages: siteMessages} = aggregate(results, {
    info: config.site,
    today,
    grouping: {threshold: config.lessons.threshold, lexicon, ...(vectors ? {vectors, similarity: config.lessons.similarity} : {})},
    ...(similar === 'off' ? {} : {suggest: similar === 'warn' ? 'warning' : similar}),
    ...(memo ? {memo} : {})
  })
  const messages = sortDiagnostics([...discovered.messages, ...results.flatMap((r) => r.messages), ...siteMessages])
  const files = [...new Set([...discovered.sources.map((s) => s.file), ...discovered.messages.map((m) => m.file)])].sort()
  const {errors, warnings} = countBySeverity(messages)
  return {config, files, messages, errors, warnings, ok: errors === 0, site}
}
