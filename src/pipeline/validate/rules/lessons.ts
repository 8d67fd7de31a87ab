import type {Rule} from '../context.js'
import type {lessonsRules} from './lessons.rules.js'

/**
 * `lessons/list`: lessons written as paragraphs work, but a list says where each one ends.
 * `lessons/none`: a lessons section that only holds sections (What went well, What went wrong)
 * gives no lessons, since those are what happened, not what was learned.
 */
export const lessonsRule: Rule<keyof typeof lessonsRules> = (context, report) => {
  const read = context.lessons
  const section = context.sections.find((s) => s.id === 'lessons')
  if (section?.subsections && (read?.lessons.length ?? 0) === 0) {
    report(
      'lessons/none',
      `Unexpected “${section.text.trim()}” with no lesson of its own, expected a list of what you learned right under it: the sections ` +
        'below it are shown, not counted as lessons',
      section.heading.position!
    )
  }
  if (!read?.asParagraphs) return
  const first = read.lessons[0]!.node.position!
  report(
    'lessons/list',
    `Unexpected lessons written as ${read.lessons.length === 1 ? 'a paragraph' : `${read.lessons.length} paragraphs`}, expected a list with ` +
      `one lesson per item (\`- …\`)`,
    first
  )
}
