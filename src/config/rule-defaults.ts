import type {RuleLevel} from './types.js'

/**
 * Every rule a config may tune, with its default level. Problems that make a file unusable
 * (unreadable bytes, broken YAML, a clashing slug) are not rules: they are always errors.
 */
export const ruleDefaults: Readonly<Record<string, RuleLevel>> = {
  'frontmatter/required': 'error',
  'frontmatter/type': 'error',
  'frontmatter/date': 'error',
  'frontmatter/value': 'error',
  'frontmatter/unknown-field': 'warn',
  'sections/missing': 'error',
  'sections/empty': 'error',
  'sections/duplicate': 'error',
  'sections/recommended': 'warn',
  'lessons/list': 'warn',
  'actions/task-list': 'warn',
  'actions/due': 'error',
  'language/self-blame': 'warn'
}
