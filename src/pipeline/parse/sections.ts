import type {Heading, Nodes as MdastNodes, Root, RootContent} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {normalizeHeading, type SectionSpec} from '../../config/sections.js'
import {depthsOf} from '../../config/presets.js'
import {frontmatterTypes} from './processor.js'

/** A recognised heading (or a `##` of the writer's own) and the blocks under it, up to the next section. */
export interface RawSection {
  /** Matching section id, or `null` for a heading of the writer's own. */
  id: string | null
  heading: Heading
  text: string
  children: RootContent[]
  /** Recognised sections follow below it (`### What went well` under `## Lessons Learned`). */
  subsections: boolean
}

/** A heading that starts no recognised section: a near miss, perhaps, of one that does. */
export interface OtherHeading {
  heading: Heading
  text: string
  /** The section it names, when it names one at a depth that section is not found at. */
  wrongDepth?: string
}

export interface SectionIndex {
  /** Each accepted heading, normalised, to its section id and depths. */
  byHeading: ReadonlyMap<string, {id: string; depths: readonly number[]}>
}

/** Map each accepted heading, normalised, to its section id and the depths it is found at. */
export function headingIndex(specs: readonly SectionSpec[]): SectionIndex {
  const byHeading = new Map<string, {id: string; depths: readonly number[]}>()
  for (const spec of specs) for (const heading of spec.headings) byHeading.set(normalizeHeading(heading), {id: spec.id, depths: depthsOf(spec)})
  return {byHeading}
}

/**
 * Cut the body into sections. A recognised heading at one of its depths starts a section; any
 * other heading starts a section of the writer's own when it is `##` or no deeper than the
 * section it follows, and is part of that section otherwise. A `#` heading ends the section.
 */
export function splitSections(tree: Root, index: SectionIndex): {sections: RawSection[]; others: OtherHeading[]} {
  const sections: RawSection[] = []
  const others: OtherHeading[] = []
  let current: RawSection | undefined
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.depth === 1) {
        current = undefined
        continue
      }
      const text = mdastToString(node)
      const known = index.byHeading.get(normalizeHeading(text))
      if (known?.depths.includes(node.depth)) {
        if (current && node.depth > current.heading.depth) current.subsections = true
        current = {id: known.id, heading: node, text, children: [], subsections: false}
        sections.push(current)
        continue
      }
      others.push(known ? {heading: node, text, wrongDepth: known.id} : {heading: node, text})
      if (node.depth === 2 || (current && node.depth <= current.heading.depth)) {
        current = {id: null, heading: node, text, children: [], subsections: false}
        sections.push(current)
        continue
      }
    }
    if (current && !frontmatterTypes.has(node.type)) current.children.push(node)
  }
  return {sections, others}
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
  // Most answers are plainly more than a placeholder from their first words: only those that
  // could be one, or have no text at all, are written out whole.
  const start = textStart(meaningful).trimStart().slice(0, 32).replace(/\s+/g, ' ')
  if (start !== '' && (meaningful.length > 1 || !couldBePlaceholder.test(start))) return false
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

/** How every placeholder starts: a text that does not start so is none. */
const couldBePlaceholder = /^(?:[[(]?(?:todo|tbd|tbc|fixme|xxx)|\.{3}|…|-|\?)/i

/**
 * The start of the blocks' text as `blockText` joined by spaces would give it: at least 16
 * characters after any white space it opens with (or all of it, if shorter), without writing
 * out the rest.
 */
function textStart(nodes: readonly RootContent[]): string {
  let text = ''
  const enough = () => text.trimStart().length >= 16
  const add = (node: MdastNodes) => {
    if (enough()) return
    if ('value' in node) text += node.type === 'html' ? '' : node.value
    else if ('alt' in node && node.alt) text += node.alt
    else if ('children' in node) for (const child of node.children) add(child)
  }
  for (const [i, node] of nodes.entries()) {
    if (enough()) break
    if (i > 0) text += ' '
    if (node.type === 'html') text += blockText(node)
    else add(node)
  }
  return text
}

function blockText(node: RootContent): string {
  if (node.type === 'html') return node.value.replace(htmlComment, '').replace(/<[^>]*>/g, ' ')
  return mdastToString(node, {includeHtml: false})
}
