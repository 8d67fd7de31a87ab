import type {Root} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import {dateProblem} from '../../schema/date.js'

/** What an entry's title and date fall back to when its frontmatter has none (or none valid). */
export interface Fallback {
  /** The first `#` heading, else the file name in words: always something. */
  title: string
  /** The title is the entry's first `#` heading. */
  fromHeading: boolean
  /** The file name's `YYYY-MM-DD` prefix, when it is a real date. */
  date: string | undefined
}

const datePrefix = /^(\d{4}-\d{2}-\d{2})(?:[-_ .]+|$)/

/**
 * An entry's page is never made from a missing value. These fall-backs are used only when the
 * config lets an entry go without `title` or `date` (`frontmatter/required` below `error`);
 * an entry with no date anywhere is not published (see the `entry/no-date` check).
 */
export function fallbackOf(tree: Root, source: string): Fallback {
  const name = source.slice(source.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '')
  const prefix = datePrefix.exec(name)
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1)
  const fromHeading = heading ? mdastToString(heading).replace(/\s+/g, ' ').trim() : ''
  const words = name
    .replace(datePrefix, '')
    .replace(/[-_.\s]+/g, ' ')
    .trim()
  const fromName = words ? words[0]!.toUpperCase() + words.slice(1) : name
  return {title: fromHeading || fromName, fromHeading: fromHeading !== '', date: prefix && dateProblem(prefix[1]!) === undefined ? prefix[1] : undefined}
}
