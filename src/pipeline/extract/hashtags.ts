import type {PhrasingContent, RootContent, Text} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import {slugify} from './slug.js'
import {hashtagPattern} from '../parse/lessons.js'

/** The page of a tag, shared by entry tags and lesson hashtags. */
export function tagUrl(tag: string): string {
  return `/tags/${slugify(tag) || 'tag'}/`
}

/**
 * Turn `#estimation` in lesson text into a link to the tag's page, so readers see a link and
 * not raw `#` text. Text inside links and code is left alone.
 */
export function linkHashtags(children: RootContent[], base: string): void {
  for (const child of children) {
    visit(child, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'linkReference' || node.type === 'inlineCode' || node.type === 'code') return SKIP
      if (node.type !== 'text' || !parent || index === undefined) return
      const parts = splitHashtags(node, base)
      if (parts.length === 1) return
      parent.children.splice(index, 1, ...(parts as never[]))
      return [SKIP, index + parts.length]
    })
  }
}

function splitHashtags(node: Text, base: string): PhrasingContent[] {
  const parts: PhrasingContent[] = []
  let last = 0
  for (const match of node.value.matchAll(hashtagPattern)) {
    const start = match.index + match[1]!.length
    if (start > last) parts.push({type: 'text', value: node.value.slice(last, start)})
    const tag = match[2]!
    parts.push({
      type: 'link',
      url: base + tagUrl(tag.toLowerCase()).slice(1),
      children: [{type: 'text', value: tag}],
      data: {hProperties: {className: ['hashtag']}}
    })
    last = start + tag.length + 1
  }
  if (parts.length === 0) return [node]
  if (last < node.value.length) parts.push({type: 'text', value: node.value.slice(last)})
  return parts
}
