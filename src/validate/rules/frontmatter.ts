import type {Rule} from '../context.js'

/**
 * Frontmatter syntax and fields: `frontmatter/yaml`, `frontmatter/required`, `frontmatter/type`,
 * `frontmatter/date`, `frontmatter/value` and `frontmatter/unknown-field`, each at the key or
 * value at fault.
 */
export const frontmatterRule: Rule = (context, report) => {
  const {frontmatter} = context
  if (frontmatter.kind === 'none') {
    if (frontmatter.problem) {
      report('frontmatter/yaml', frontmatter.problem.reason, context.place(frontmatter.problem.start, frontmatter.problem.end))
    } else {
      report('frontmatter/required', 'Missing frontmatter, expected a YAML block between two `---` lines first in the file, with `title` and `date`', context.frontmatterPlace)
    }
    return
  }
  for (const problem of frontmatter.problems) {
    report('frontmatter/yaml', problem.reason, context.place(problem.start, problem.end))
  }
  const offset = frontmatter.frontmatter.offset
  for (const issue of context.fields.issues) {
    const place = issue.start < 0 ? context.frontmatterPlace : context.place(offset + issue.start, offset + issue.end)
    report(issue.ruleId, issue.reason, place)
  }
}
