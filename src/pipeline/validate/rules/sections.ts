import type {Position} from 'unist'
import {isEmptySection} from '../../parse/sections.js'
import type {Rule} from '../context.js'
import type {sectionsRules} from './sections.rules.js'

/**
 * The review sections: `sections/missing` and `sections/recommended` at the end of the
 * frontmatter, `sections/empty` at the empty heading, `sections/duplicate` at the second one.
 */
export const sectionsRule: Rule<keyof typeof sectionsRules> = (context, report) => {
  const firstSeen = new Map<string, Position>()
  for (const section of context.sections) {
    if (section.id === null) continue
    const place = section.heading.position!
    const first = firstSeen.get(section.id)
    if (first) {
      report(
        'sections/duplicate',
        `Unexpected second \`${section.id}\` section, expected it once: merge it into the one at ${first.start.line}:${first.start.column}`,
        place
      )
      continue
    }
    firstSeen.set(section.id, place)
    if (isEmptySection(section.children)) {
      report(
        'sections/empty',
        `Unexpected empty section \`${section.id}\`, expected an answer under “${section.text.trim()}” (comments and placeholders such as TODO do not count)`,
        place
      )
    }
  }
  for (const spec of context.config.sections) {
    if (firstSeen.has(spec.id) || spec.presence === 'optional') continue
    const heading = spec.headings[0]
    if (spec.presence === 'required') {
      report('sections/missing', `Missing section \`${spec.id}\`, expected a \`## ${heading}\` heading with an answer under it`, context.frontmatterPlace)
    } else {
      report('sections/recommended', `Missing recommended section \`${spec.id}\`, expected a \`## ${heading}\` heading`, context.frontmatterPlace)
    }
  }
}
