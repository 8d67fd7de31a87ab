import type {ListItem, Nodes, Paragraph, RootContent} from 'mdast'

/** A lesson as written, with the node it came from. */
export interface RawLesson {
  node: ListItem | Paragraph
  text: string
  hashtags: string[]
}

export interface LessonsRead {
  lessons: RawLesson[]
  /** The section was written as paragraphs rather than a list. */
  asParagraphs: boolean
}

/** `#estimation`, `#side-project`: a `#` at a word start, then a letter. */
export const hashtagPattern = /(^|\s)#(\p{L}[\p{L}\p{N}_-]*)/gu

/**
 * Every top-level list item of the lessons section is one lesson. A section with no list
 * gives one lesson per paragraph instead.
 */
export function readLessons(children: readonly RootContent[]): LessonsRead {
  const items = children.flatMap((node) => (node.type === 'list' ? node.children : []))
  if (items.length > 0) return {lessons: items.map(rawLesson), asParagraphs: false}
  const paragraphs = children.filter((node): node is Paragraph => node.type === 'paragraph')
  return {lessons: paragraphs.map(rawLesson), asParagraphs: paragraphs.length > 0}
}

/**
 * A lesson's plain text and hashtags. Nested lists are not part of it; `#` inside code or a
 * link is text, not a hashtag.
 */
function rawLesson(node: ListItem | Paragraph): RawLesson {
  const hashtags: string[] = []
  const parts: string[] = []
  const walk = (current: Nodes, literal: boolean) => {
    if (current.type === 'list') return
    if (current.type === 'text' || current.type === 'inlineCode' || current.type === 'code') {
      parts.push(
        literal || current.type !== 'text'
          ? current.value
          : current.value.replace(hashtagPattern, (_, space: string, tag: string) => {
              hashtags.push(tag.toLowerCase())
              return space
            })
      )
      return
    }
    if ('children' in current) {
      for (const child of current.children) walk(child, literal || current.type === 'link' || current.type === 'linkReference')
      if (current.type === 'paragraph') parts.push(' ')
    }
  }
  walk(node, false)
  return {node, text: parts.join('').replace(/\s+/g, ' ').trim(), hashtags: [...new Set(hashtags)]}
}
