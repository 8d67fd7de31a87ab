import type {Rule} from '../context.js'
import type {lessonsRules} from './lessons.rules.js'

/** `lessons/list`: lessons written as paragraphs work, but a list says where each one ends. */
export const lessonsRule: Rule<keyof typeof lessonsRules> = (context, report) => {
  const read = context.lessons
  if (!read?.asParagraphs) return
  const first = read.lessons[0]!.node.position!
  report(
    'lessons/list',
    `Unexpected lessons written as ${read.lessons.length === 1 ? 'a paragraph' : `${read.lessons.length} paragraphs`}, expected a list with ` +
      `one lesson per item (\`- …\`)`,
    first
  )
}
