import type {RootContent} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'

const maxLength = 240
const segmenter = new Intl.Segmenter('en', {granularity: 'sentence'})

/** Abbreviations after which a full stop does not end a sentence. */
const abbreviation = /(?:^|\s)(?:dr|mr|mrs|ms|prof|st|vs|etc|e\.g|i\.e|approx|no|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/i

/**
 * The first sentence of a section, as plain text, cut at a word if long: from its first
 * paragraph, or the first item of a list when the section starts with one.
 */
export function firstSentence(children: readonly RootContent[]): string {
  const block = children.find((node) => (node.type === 'paragraph' || node.type === 'list') && mdastToString(node).trim() !== '')
  if (!block) return ''
  const source = block.type === 'list' ? (block.children[0]?.children.find((c) => c.type === 'paragraph') ?? block.children[0]!) : block
  const text = mdastToString(source).replace(/\s+/g, ' ').trim()
  let first = ''
  for (const {segment} of segmenter.segment(text)) {
    first += segment
    if (!abbreviation.test(first.trim())) break
  }
  first = first.trim() || text
  if (first.length <= maxLength) return first
  const cut = first.slice(0, maxLength)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2))}…`
}
