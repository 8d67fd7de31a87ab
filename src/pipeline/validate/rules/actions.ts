import {isEmptySection} from '../../parse/sections.js'
import {dateProblem} from '../../../schema/date.js'
import type {Rule} from '../context.js'
import type {actionsRules} from './actions.rules.js'

/**
 * `actions/task-list`: commitments are task items (`- [ ] …`), so they can be counted as kept;
 * `actions/due`: a `(due …)` marker must hold a real `YYYY-MM-DD` date.
 */
export const actionsRule: Rule<keyof typeof actionsRules> = (context, report) => {
  const section = context.sections.find((s) => s.id === 'actions')
  if (section && context.actions.length === 0 && !isEmptySection(section.children)) {
    report(
      'actions/task-list',
      'Unexpected actions written without a list, expected a task list (one `- [ ] …` per commitment) or an action-items table',
      section.heading.position!
    )
  }
  for (const action of context.actions) {
    const place = action.node.position!
    if (action.done === undefined) {
      report('actions/task-list', `Unexpected list item without a checkbox, expected a task: \`- [ ] ${shorten(action.text)}\``, place)
    }
    if (action.due !== undefined) {
      const why = dateProblem(action.due)
      if (why) report('actions/due', `Unexpected due date \`${action.due}\`: ${why}, as in \`(due 2025-06-30)\``, place)
    }
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
