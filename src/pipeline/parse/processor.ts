import type {Literal, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {linkBareUrls, remarkGfmLean} from './gfm.js'

/**
 * The frontmatter blocks an entry may start with, as mdast node types: YAML between `---`
 * lines, JSON after `---json`, TOML between `+++` lines (Hugo's). Each is one node, so none of
 * them is ever read as the entry's text.
 */
export const frontmatterTypes = new Set(['yaml', 'json', 'toml'])

/** `---json` frontmatter: JSON text between `---json` and `---`. */
export interface JsonFrontmatter extends Literal {
  type: 'json'
}

declare module 'mdast' {
  interface RootContentMap {
    json: JsonFrontmatter
  }
}
const matters = ['yaml', 'toml', {type: 'json', fence: {open: '---json', close: '---'}}] as const

/** Markdown with frontmatter and GitHub's extensions (task lists, tables): built once, frozen. */
export const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, [...matters])
  .use(remarkGfmLean)
  .freeze()

const withoutFrontmatter = unified().use(remarkParse).use(remarkGfmLean).freeze()

/** A first line that opens a frontmatter block. */
export const frontmatterOpening = /^(?:---(?:json)?|\+\+\+)[ \t]*\r?\n/

/**
 * Parse an entry. An opening fence that is never closed makes micromark's frontmatter
 * extension stop recognising lists for the rest of the file (micromark-extension-frontmatter
 * issue 5), so such a file is parsed again without it: the fence is reported, and the rest of
 * the entry is still checked as written.
 */
export function parseMarkdown(file: VFile): {tree: Root; rawHtml: boolean} {
  let tree = markdownProcessor.parse(file)
  if (!frontmatterTypes.has(tree.children[0]?.type ?? '') && frontmatterOpening.test(String(file.value))) tree = withoutFrontmatter.parse(file)
  const {rawHtml} = linkBareUrls(tree)
  return {tree, rawHtml}
}
