import type {Position} from 'unist'
import {entryMayTune, entryTuneProblem, isAlwaysError, isRuleId, ruleTable, softInDrafts, type RuleId} from '../../rules.js'
import type {RuleLevel} from '../../config/types.js'
import type {RuleContext, Report, Rule} from './context.js'
import {actionsRule} from './rules/actions.js'
import {frontmatterRule} from './rules/frontmatter.js'
import {lessonsRule} from './rules/lessons.js'
import {publishableRule} from './rules/publishable.js'
import {sectionsRule} from './rules/sections.js'
import {selfBlameRule} from './rules/self-blame.js'

// The publishable check last: it speaks only when nothing else stops the entry.
export const rules: readonly Rule[] = [frontmatterRule, sectionsRule, lessonsRule, actionsRule, selfBlameRule, publishableRule]

/**
 * Run every rule on one entry. Each message goes on the vfile with its rule id; its level comes
 * from the config, or from the entry itself for the rules an entry may tune (`off` drops it,
 * `error` marks it fatal). Problems that are not rules, such as broken YAML, are always errors:
 * no config, `rules:` field or comment turns them off.
 */
export function validate(context: RuleContext, options: {draft: boolean}): void {
  const levels = context.config.rules
  const comments = disableComments(context)
  const own: Record<string, RuleLevel> = Object.assign(Object.create(null) as Record<string, RuleLevel>, context.fields.meta.rules, comments.off)
  const report: Report = (ruleId: RuleId, reason: string, place: Position) => {
    const level = !isRuleId(ruleId) ? 'error' : ((entryMayTune(ruleId) ? own[ruleId] : undefined) ?? levels[ruleId]?.level ?? ruleTable[ruleId].level)
    if (level === 'off') return
    const message = context.file.message(reason, {place, ruleId, source: 'bounceback'})
    message.fatal = level === 'info' ? undefined : level === 'error' && !(options.draft && softInDrafts(ruleId))
  }
  for (const rule of rules) rule(context, report)
  for (const problem of comments.problems) report('comment/disable', problem.reason, problem.place)
}

interface DisableComments {
  off: Record<string, 'off'>
  problems: {reason: string; place: Position}[]
}

/**
 * `<!-- bounceback-disable language/self-blame, lessons/list -->` anywhere in an entry. A name
 * that is no rule, or a rule an entry may not turn off, is reported and changes nothing.
 */
function disableComments(context: RuleContext): DisableComments {
  const result: DisableComments = {off: Object.create(null) as Record<string, 'off'>, problems: []}
  for (const node of context.tree.children) {
    if (node.type !== 'html') continue
    for (const match of node.value.matchAll(/<!--\s*bounceback-disable\s+([^>]*?)\s*-->/g)) {
      for (const id of match[1]!.split(/[\s,]+/)) {
        if (!id) continue
        if (entryMayTune(id)) result.off[id] = 'off'
        else result.problems.push({reason: disableProblem(id), place: node.position!})
      }
    }
  }
  return result
}

function disableProblem(id: string): string {
  const why = entryTuneProblem(id)!
  return isRuleId(id) || isAlwaysError(id)
    ? `Unexpected \`${id}\` in \`bounceback-disable\`: ${why}`
    : `Unexpected unknown rule \`${id}\` in \`bounceback-disable\`, ${why}`
}
