import type {Position} from 'unist'
import {depthsOf} from '../../../config/presets.js'
import {normalizeHeading, type SectionSpec} from '../../../config/sections.js'
import {editDistance} from '../../../schema/suggest.js'
import {isEmptySection, type OtherHeading} from '../../parse/sections.js'
import type {Rule} from '../context.js'
import type {sectionsRules} from './sections.rules.js'

/**
 * The review sections: `sections/missing` and `sections/recommended` at the end of the
 * frontmatter (or at the heading that nearly names the section, with a "did you mean"),
 * `sections/empty` at the empty heading, `sections/duplicate` at the second one.
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
    if (!section.subsections && isEmptySection(section.children)) {
      // A section that may be left out may be left empty: a warning at most.
      const required = context.config.sections.find((s) => s.id === section.id)?.presence === 'required'
      report(
        required ? 'sections/empty' : 'sections/recommended',
        `Unexpected empty ${required ? '' : 'recommended '}section \`${section.id}\`, expected an answer under “${section.text.trim()}” ` +
          '(comments and placeholders such as TODO do not count)',
        place
      )
    }
  }
  const unused = [...context.others]
  for (const spec of context.config.sections) {
    if (firstSeen.has(spec.id) || spec.presence === 'optional') continue
    const ruleId = spec.presence === 'required' ? 'sections/missing' : 'sections/recommended'
    const what = spec.presence === 'required' ? 'Missing section' : 'Missing recommended section'
    const hashes = '#'.repeat(depthsOf(spec)[0]!)
    const heading = `${hashes} ${spec.headings[0]}`
    const near = nearMiss(spec, unused)
    if (near) {
      const {other} = near
      unused.splice(unused.indexOf(other), 1)
      const found = `${'#'.repeat(other.heading.depth)} ${other.text.trim()}`
      const why = other.wrongDepth === spec.id ? `at depth ${other.heading.depth}, expected ${depthsText(spec)}` : 'spelled differently'
      report(ruleId, `${what} \`${spec.id}\`: did you mean \`${hashes} ${near.heading}\`? This heading, \`${found}\`, is ${why}`, other.heading.position!)
      continue
    }
    const answer = spec.presence === 'required' ? ' with an answer under it' : ''
    report(ruleId, `${what} \`${spec.id}\`, expected a \`${heading}\` heading${answer}`, context.frontmatterPlace)
  }
}

/**
 * A heading that names this section at a depth it is not found at, or nearly spells one of its
 * headings; with the heading it should be.
 */
function nearMiss(spec: SectionSpec, others: readonly OtherHeading[]): {other: OtherHeading; heading: string} | undefined {
  const wrongDepth = others.find((other) => other.wrongDepth === spec.id)
  if (wrongDepth) return {other: wrongDepth, heading: wrongDepth.text.trim()}
  let best: {other: OtherHeading; heading: string} | undefined
  let bestDistance = Infinity
  for (const other of others) {
    if (other.wrongDepth !== undefined) continue
    const text = normalizeHeading(other.text)
    for (const heading of spec.headings) {
      const wanted = normalizeHeading(heading)
      const distance = editDistance(text, wanted)
      // A typo or two, not another question: at most a fifth of the heading, and never more than 4.
      if (distance < bestDistance && distance <= Math.min(4, Math.max(1, Math.floor(wanted.length / 5)))) {
        best = {other, heading}
        bestDistance = distance
      }
    }
  }
  return best
}

function depthsText(spec: SectionSpec): string {
  return depthsOf(spec)
    .map((d) => `\`${'#'.repeat(d)}\``)
    .join(' or ')
}
