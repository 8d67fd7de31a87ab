import {closest} from '../schema/suggest.js'
import type {RuleLevel} from './types.js'

/** What a config may know of a rule besides its id. */
export interface RuleInfo {
  /** Its level unless the config says otherwise. */
  level: RuleLevel
  /**
   * Whether one entry may set its own level (`rules:` in its frontmatter, or a
   * `bounceback-disable` comment). Frontmatter rules may not: what a page is made of (its title,
   * its date, its URL) is the project's decision, not one entry's.
   */
  entry: boolean
}

/**
 * Every rule a config may tune. Problems that make a file unusable (unreadable bytes, broken
 * YAML, a clashing slug, no date to put in its URL) are not rules: they are always errors, and
 * nothing turns them off.
 */
export const ruleTable: Readonly<Record<string, RuleInfo>> = {
  'frontmatter/required': {level: 'error', entry: false},
  'frontmatter/type': {level: 'error', entry: false},
  'frontmatter/date': {level: 'error', entry: false},
  'frontmatter/value': {level: 'error', entry: false},
  'frontmatter/unknown-field': {level: 'warn', entry: true},
  'sections/missing': {level: 'error', entry: true},
  'sections/empty': {level: 'error', entry: true},
  'sections/duplicate': {level: 'error', entry: true},
  'sections/recommended': {level: 'warn', entry: true},
  'lessons/list': {level: 'warn', entry: true},
  'actions/task-list': {level: 'warn', entry: true},
  'actions/due': {level: 'error', entry: true},
  'language/self-blame': {level: 'warn', entry: true},
  'comment/disable': {level: 'warn', entry: false}
}

export const ruleDefaults: Readonly<Record<string, RuleLevel>> = Object.fromEntries(Object.entries(ruleTable).map(([id, info]) => [id, info.level]))

/** Whether `id` names a rule; `constructor`, `toString` and friends do not. */
export function isRuleId(id: string): boolean {
  return Object.hasOwn(ruleTable, id)
}

/** Whether one entry may set this rule's level itself. */
export function entryMayTune(id: string): boolean {
  return isRuleId(id) && ruleTable[id]!.entry
}

/** Ids of problems that are always errors: the file cannot be read, or no page can be made of it. */
export function isAlwaysError(id: string): boolean {
  return /^(?:file|slug|entry)\/|^frontmatter\/(?:yaml|too-large)$/.test(id)
}

/** Why an entry may not set `id` itself, in `rules:` or a `bounceback-disable` comment (`undefined`: it may). */
export function entryTuneProblem(id: string): string | undefined {
  if (entryMayTune(id)) return undefined
  if (isRuleId(id)) return `frontmatter checks apply to every entry, expected a rule such as \`language/self-blame\` (set \`${id}\` in the config's \`rules\` instead)`
  if (isAlwaysError(id)) return 'it is always an error, and nothing turns it off'
  const guess = closest(id, Object.keys(ruleTable).filter(entryMayTune))
  return guess ? `did you mean \`${guess}\`?` : 'expected a rule id such as `language/self-blame`'
}
