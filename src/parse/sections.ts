import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {normalizeHeading, type SectionSpec} from '../config/sections.js'

/** A `##` heading and the blocks under it, up to the next heading of depth 1 or 2. */
export interface RawSection {
  /** Matching section id, or `null` for a heading of the writer's own. */
  id: string | null
  heading: Heading
  text: string
  children: RootContent[]
}

/** Map each accepted heading, normalised, to its section id. */
export function headingIndex(specs: readonly SectionSpec[]): Map<string, string> {
  const index = new Map<string, string>()
  for (const spec of specs) for (const heading of spec.headings) index.set(normalizeHeading(heading), spec.id)
  return index
}

export function splitSections(tree: Root, index: ReadonlyMap<string, string>): RawSection[] {
  const sections: RawSection[] = []
  let current: RawSection | undefined
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      current = undefined
      if (node.depth === 2) {
        const text = toString(node)
        current = {id: index.get(normalizeHeading(text)) ?? null, heading: node, text, children: []}
        sections.push(current)
      }
    } else if (current && node.type !== 'yaml') {
      current.children.push(node)
    }
  }
  return sections
}

const placeholder = /^(?:(?:todo|tbd|tbc|fixme|xxx)(?:[\s:.!-].{0,80})?|\.\.\.|…|-|\?)$/is
const htmlComment = /^\s*(?:<!--[\s\S]*?-->\s*)+$/

/**
 * A section is empty when it holds nothing but white space, HTML comments (such as the prompts
 * `bounceback new` writes) or a placeholder like `TODO` or `TBD: write this`.
 */
export function isEmptySection(children: readonly RootContent[]): boolean {
  const meaningful = children.filter((node) => !(node.type === 'html' && htmlComment.test(node.value)))
  if (meaningful.length === 0) return true
  const text = meaningful.map((node) => toString(node)).join(' ').trim()
  if (text === '') return true
  return meaningful.length === 1 && placeholder.test(text)
}
