import matter from 'gray-matter'
import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'

/**
 * What gray-matter finds in an entry: where the author's summary ends, when a `<!--more-->`
 * comment follows the frontmatter. The frontmatter block itself is the one remark-frontmatter
 * found (exact places) and parseFrontmatter parsed (every problem at its place): gray-matter's
 * engines here parse nothing, and none of them can run code.
 */
export interface MatterRead {
  /** File offset of the `<!--more-->` that ends the excerpt, if the body has one. */
  excerptEnd?: number
}

/** Hugo's summary divider, with or without spaces inside: `<!--more-->`, `<!-- more -->`. */
const excerptSeparator = /<!--[ \t]*more[ \t]*-->/gi

/** gray-matter's engines only say "this language is read"; the text is parsed elsewhere, with places. */
const readElsewhere = () => ({})
/** gray-matter's own `javascript` engine calls `eval`: every code language is replaced by one that refuses. */
const refuse = () => {
  throw new Error('code in frontmatter is never run')
}
const engines = {
  yaml: readElsewhere,
  json: readElsewhere,
  toml: readElsewhere,
  javascript: refuse,
  js: refuse,
  coffee: refuse,
  coffeescript: refuse,
  cson: refuse
}

/**
 * Run gray-matter on an entry: `---` (YAML or `---json`) or `+++` (TOML) fences, and the
 * excerpt. An options object is always passed: called without one, gray-matter keeps every
 * result in a cache shared by the whole process, keyed by the text. A language gray-matter
 * has no engine for throws ("engine … is not registered"), as do the refused ones: such a
 * block is reported by `parseFrontmatter`, which recognises only the three languages, so
 * here it only means there is no excerpt.
 */
export function readMatter(text: string, tree: Root): MatterRead {
  // Most entries have no separator at all: then there is nothing to find (and nothing else is read here).
  if (text.search(excerptSeparator) < 0) return {}
  const comments = commentStarts(tree)
  const read: MatterRead = {}
  const fence = text.startsWith('+++') ? '+++' : '---'
  const options = {
    delimiters: fence,
    language: fence === '+++' ? 'toml' : 'yaml',
    engines,
    // The body after the frontmatter; a separator counts only where Markdown has an HTML comment (not in code).
    excerpt(file: {content: string}) {
      const body = text.length - file.content.length
      for (const match of file.content.matchAll(excerptSeparator)) {
        if (comments.has(body + match.index)) {
          read.excerptEnd = body + match.index
          break
        }
      }
    }
  }
  try {
    matter(text, options as never)
  } catch {
    return {}
  }
  return read
}

/** File offsets where an HTML comment starts, from the Markdown tree (flow and inline HTML). */
function commentStarts(tree: Root): Set<number> {
  const starts = new Set<number>()
  visit(tree, 'html', (node) => {
    const start = node.position?.start.offset
    if (start === undefined || !node.value.includes('<!--')) return
    starts.add(start + node.value.length - node.value.trimStart().length)
  })
  return starts
}
