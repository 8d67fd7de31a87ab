import type {Position} from 'unist'
import type {RuleContext, Report, Rule} from './context.js'
import {actionsRule} from './rules/actions.js'
import {frontmatterRule} from './rules/frontmatter.js'
import {lessonsRule} from './rules/lessons.js'
import {sectionsRule} from './rules/sections.js'
import {selfBlameRule} from './rules/self-blame.js'

export const rules: readonly Rule[] = [frontmatterRule, sectionsRule, lessonsRule, actionsRule, selfBlameRule]

/** Rules whose errors become warnings in a draft: an unfinished draft is expected to be unfinished. */
const relaxedInDrafts = new Set(['sections/missing', 'sections/empty', 'sections/recommended'])

/**
 * Run every rule on one entry. Each message goes on the vfile with its rule id; its level comes
 * from the config (`off` drops it, `error` marks it fatal). Problems that are not rules, such as
 * broken YAML, are always errors.
 */
export function validate(context: RuleContext, options: {draft: boolean}): void {
  const levels = context.config.rules
  const own = {...context.fields.meta.rules, ...disabledByComment(context)}
  const report: Report = (ruleId: string, reason: string, place: Position) => {
    const level = own[ruleId] ?? levels[ruleId]?.level ?? 'error'
    if (level === 'off') return
    const message = context.file.message(reason, {place, ruleId, source: 'bounceback'})
    message.fatal = level === 'error' && !(options.draft && relaxedInDrafts.has(ruleId))
  }
  for (const rule of rules) rule(context, report)
}

/** `<!-- bounceback-disable language/self-blame, lessons/list -->` anywhere in an entry. */
function disabledByComment(context: RuleContext): Record<string, 'off'> {
  const off: Record<string, 'off'> = {}
  for (const node of context.tree.children) {
    if (node.type !== 'html') continue
    for (const match of node.value.matchAll(/<!--\s*bounceback-disable\s+([^>]*?)\s*-->/g)) {
      for (const id of match[1]!.split(/[\s,]+/)) if (id) off[id] = 'off'
    }
  }
  return off
}
