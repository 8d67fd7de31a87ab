import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'

const maxLength = 240
const segmenter = new Intl.Segmenter('en', {granularity: 'sentence'})

/** The first sentence of a section's first paragraph, as plain text, cut at a word if long. */
export function firstSentence(children: readonly RootContent[]): string {
  const paragraph = children.find((node) => node.type === 'paragraph') ?? children.find((node) => toString(node).trim() !== '')
  if (!paragraph) return ''
  const text = toString(paragraph).replace(/\s+/g, ' ').trim()
  const first = segmenter.segment(text)[Symbol.iterator]().next().value?.segment.trim() ?? text
  if (first.length <= maxLength) return first
  const cut = first.slice(0, maxLength)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2))}…`
}
