import type {Rule} from '../context.js'
import type {publishableRules} from './publishable.rules.js'

/**
 * `entry/no-date`: an entry whose page would have no date (none valid in its frontmatter, none
 * in its file name) cannot be published, since its URL is `/<year>/<slug>/`. Not a rule that
 * can be turned off; said only when nothing else already stops the entry.
 */
export const publishableRule: Rule<keyof typeof publishableRules> = (context, report) => {
  if (context.fields.meta.draft === true || context.fields.meta.date !== undefined || context.fallback.date !== undefined) return
  if (context.file.messages.some((message) => message.fatal === true)) return
  report(
    'entry/no-date',
    'Missing a valid `date`, and the file name starts with none: an entry is published at `/<year>/<slug>/`, expected `date: YYYY-MM-DD` in its frontmatter',
    context.frontmatterPlace
  )
}
