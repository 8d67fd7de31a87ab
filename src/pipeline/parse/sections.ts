import type {Heading, Root, RootContent} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {normalizeHeading, type SectionSpec} from '../../config/sections.js'

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
        const text = mdastToString(node)
        current = {id: index.get(normalizeHeading(text)) ?? null, heading: node, text, children: []}
        sections.push(current)
      }
    } else if (current && node.type !== 'yaml') {
      current.children.push(node)
    }
  }
  return sections
}

/** A whole answer that is only a placeholder: `TODO`, `tbd.`, `[TBC]`, `…`, `?`. */
const placeholderOnly = /^(?:[[(]?(?:todo|tbd|tbc|fixme|xxx)[\])]?[.!]*|\.{3}|…|-|\?)$/i
/** A placeholder with a note after it, in capitals and with a colon: `TODO: write this`. */
const placeholderNote = /^[[(]?(?:TODO|TBD|TBC|FIXME|XXX)[\])]?\s*:/
const htmlComment = /<!--[\s\S]*?(?:-->|$)/g

/**
 * A section is empty when it holds nothing but white space, HTML comments (such as the prompts
 * `bounceback new` writes) or a placeholder like `TODO` or `TBD: write this`. An image counts as
 * an answer even without alt text; raw HTML counts by its text.
 */
export function isEmptySection(children: readonly RootContent[]): boolean {
  const meaningful = children.filter((node) => !(node.type === 'html' && node.value.replace(htmlComment, '').trim() === ''))
  if (meaningful.length === 0) return true
  const text = meaningful.map(blockText).join(' ').replace(/\s+/g, ' ').trim()
  const placeholder = text === '' || (meaningful.length === 1 && (placeholderOnly.test(text) || placeholderNote.test(text)))
  // Text that is more than a placeholder is an answer; without it, an image still is one.
  if (!placeholder) return false
  let hasImage = false
  for (const node of meaningful) {
    visit(node, (child) => {
      if (child.type === 'image' || child.type === 'imageReference') hasImage = true
    })
  }
  return !hasImage
}

function blockText(node: RootContent): string {
  if (node.type === 'html') return node.value.replace(htmlComment, '').replace(/<[^>]*>/g, ' ')
  return mdastToString(node, {includeHtml: false})
}
