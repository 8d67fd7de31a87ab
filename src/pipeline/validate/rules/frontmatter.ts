import {isMap, type Node as YamlNode, type Pair} from 'yaml'
import type {FieldIssue} from '../../../schema/fields.js'
import {fieldWritten, type Frontmatter} from '../../parse/frontmatter.js'
import type {Rule} from '../context.js'
import type {frontmatterRules} from './frontmatter.rules.js'

/**
 * Frontmatter syntax and fields: `frontmatter/yaml`, `frontmatter/required`, `frontmatter/type`,
 * `frontmatter/date`, `frontmatter/value` and `frontmatter/unknown-field`, each at the key or
 * value at fault.
 */
export const frontmatterRule: Rule<keyof typeof frontmatterRules> = (context, report) => {
  const {frontmatter} = context
  if (frontmatter.kind === 'none') {
    if (frontmatter.problem) {
      report('frontmatter/yaml', frontmatter.problem.reason, context.place(frontmatter.problem.start, frontmatter.problem.end))
    } else {
      report(
        'frontmatter/required',
        'Missing frontmatter, expected a YAML block between two `---` lines first in the file, with `title` and `date`',
        context.frontmatterPlace
      )
    }
    return
  }
  for (const problem of frontmatter.problems) {
    report('frontmatter/yaml', problem.reason, context.place(problem.start, problem.end))
  }
  const offset = frontmatter.frontmatter.offset
  const issues = frontmatter.broken ? afterSyntaxError(context.fields.issues, frontmatter.frontmatter) : context.fields.issues
  for (const issue of issues) {
    const place = issue.start < 0 ? context.frontmatterPlace : context.place(offset + issue.start, offset + issue.end)
    report(issue.ruleId, issue.reason, place)
  }
}

/**
 * After a syntax error, what the parser made of the text is a guess: a field the writer
 * plainly wrote may have landed inside another's value. So a field whose `key:` starts a line
 * is not called missing, and nothing is said of a field whose text holds the error.
 */
function afterSyntaxError(issues: readonly FieldIssue[], frontmatter: Frontmatter): FieldIssue[] {
  const errors = frontmatter.doc.errors.map((error) => error.pos[0])
  const contents = frontmatter.doc.contents
  const broken = isMap(contents)
    ? (contents.items as Pair<YamlNode, YamlNode | null>[]).flatMap((pair) => {
        const start = pair.key?.range?.[0] ?? 0
        const end = pair.value?.range?.[2] ?? pair.key?.range?.[2] ?? start
        return errors.some((at) => at >= start && at <= end) ? [[start, end] as const] : []
      })
    : []
  return issues.filter((issue) => {
    if (issue.missing !== undefined) return !fieldWritten(frontmatter, issue.missing)
    return !broken.some(([start, end]) => issue.start >= start && issue.start <= end)
  })
}
