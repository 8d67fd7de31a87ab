import {closest} from './schema/suggest.js'
import {assetRules} from './pipeline/validate/rules/asset.rules.js'
import {actionsRules} from './pipeline/validate/rules/actions.rules.js'
import {commentRules} from './pipeline/validate/rules/comment.rules.js'
import type {RuleDeclaration} from './pipeline/validate/rules/declare.js'
import {fileRules} from './pipeline/validate/rules/file.rules.js'
import {frontmatterRules} from './pipeline/validate/rules/frontmatter.rules.js'
import {lessonsRules} from './pipeline/validate/rules/lessons.rules.js'
import {publishableRules} from './pipeline/validate/rules/publishable.rules.js'
import {sectionsRules} from './pipeline/validate/rules/sections.rules.js'
import {selfBlameRules} from './pipeline/validate/rules/self-blame.rules.js'

/**
 * Every rule and problem bounceback reports, from each rule module's own declaration: the
 * defaults, the config's checks, the per-entry levels, the drafts' leniency and the README's
 * tables all come from here. Data only: the config reads it without loading a single check.
 */
export const ruleTable = {
  ...frontmatterRules,
  ...sectionsRules,
  ...lessonsRules,
  ...actionsRules,
  ...selfBlameRules,
  ...commentRules,
  ...publishableRules,
  ...fileRules,
  ...assetRules
} satisfies Record<string, RuleDeclaration>

/** Every id a message can carry. */
export type RuleId = keyof typeof ruleTable

const declared: Readonly<Record<string, RuleDeclaration>> = ruleTable

/** Whether `id` names a rule a config may tune; `constructor`, `toString` and friends do not. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(declared, id) && declared[id]!.level !== 'always'
}

/** Whether `id` is a problem that is always an error: nothing turns it off. */
export function isAlwaysError(id: string): boolean {
  return Object.hasOwn(declared, id) && declared[id]!.level === 'always'
}

/** Whether one entry may set this rule's level itself. */
export function entryMayTune(id: string): boolean {
  return isRuleId(id) && declared[id]!.entry
}

/** Whether this rule's errors are warnings in a draft. */
export function softInDrafts(id: string): boolean {
  return Object.hasOwn(declared, id) && declared[id]!.drafts === 'warn'
}

/** What to do about a rule's problems, in one line, if its declaration says. */
export function ruleFix(id: string): string | undefined {
  return Object.hasOwn(declared, id) ? declared[id]!.fix : undefined
}

/** Every tunable rule and its default level. */
export const ruleDefaults: Readonly<Record<string, 'error' | 'warn' | 'info'>> = Object.fromEntries(
  Object.entries(declared).flatMap(([id, rule]) => (rule.level === 'always' ? [] : [[id, rule.level]]))
)

/** Why an entry may not set `id` itself, in `rules:` or a `bounceback-disable` comment (`undefined`: it may). */
export function entryTuneProblem(id: string): string | undefined {
  if (entryMayTune(id)) return undefined
  if (isRuleId(id))
    return `frontmatter checks apply to every entry, expected a rule such as \`language/self-blame\` (set \`${id}\` in the config's \`rules\` instead)`
  if (isAlwaysError(id)) return 'it is always an error, and nothing turns it off'
  const guess = closest(id, Object.keys(declared).filter(entryMayTune))
  return guess ? `did you mean \`${guess}\`?` : 'expected a rule id such as `language/self-blame`'
}
