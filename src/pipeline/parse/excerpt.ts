import type {Nodes, Root} from 'mdast'
import {frontmatterTypes} from './processor.js'

/** An excerpt is the author's choice of length, but a card or a feed item is not the place for a whole entry. */
const maxLength = 600

/** Nodes whose children are blocks: their texts are separated by a space. */
const blockParents = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition'])

/**
 * The text of an entry before its `<!--more-->` (at file offset `end`), as plain text: the
 * frontmatter, headings and HTML comments left out, white space collapsed, cut at a word if long.
 * Empty when there is no separator or nothing before it.
 */
export function excerptText(tree: Root, end: number | undefined): string {
  if (end === undefined) return ''
  const text = plainBefore(tree, end).replace(/\s+/g, ' ').trim()
  if (text.length <= maxLength) return text
  const cut = text.slice(0, maxLength)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2))}…`
}

function plainBefore(node: Nodes, end: number): string {
  // A heading before the separator is the section's name (`What was the goal?`), not the summary.
  if (node.type === 'html' || node.type === 'heading' || frontmatterTypes.has(node.type)) return ''
  if (node.type === 'break') return ' '
  if ('children' in node) {
    const parts: string[] = []
    for (const child of node.children) {
      if ((child.position?.start.offset ?? 0) >= end) break
      parts.push(plainBefore(child, end))
    }
    return parts.join(blockParents.has(node.type) ? ' ' : '')
  }
  if ('value' in node) return node.value
  return 'alt' in node ? (node.alt ?? '') : ''
}
