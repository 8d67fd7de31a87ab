import type {ListItem, Paragraph, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'

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
  if (items.length > 0) return {lessons: items.map((item) => rawLesson(item, ownText(item))), asParagraphs: false}
  const paragraphs = children.filter((node): node is Paragraph => node.type === 'paragraph')
  return {lessons: paragraphs.map((p) => rawLesson(p, toString(p))), asParagraphs: paragraphs.length > 0}
}

/** A list item's own text, without the lists nested in it. */
function ownText(item: ListItem): string {
  return item.children
    .filter((child) => child.type !== 'list')
    .map((child) => toString(child))
    .join(' ')
}

function rawLesson(node: ListItem | Paragraph, raw: string): RawLesson {
  const hashtags: string[] = []
  const text = raw
    .replace(hashtagPattern, (_, space: string, tag: string) => {
      hashtags.push(tag.toLowerCase())
      return space
    })
    .replace(/\s+/g, ' ')
    .trim()
  return {node, text, hashtags: [...new Set(hashtags)]}
}
