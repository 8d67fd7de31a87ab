import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {linkBareUrls, remarkGfmLean} from './gfm.js'

/** Markdown with YAML frontmatter and GitHub's extensions (task lists, tables): built once, frozen. */
export const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmLean).freeze()

const withoutFrontmatter = unified().use(remarkParse).use(remarkGfmLean).freeze()

/**
 * Parse an entry. An opening `---` that is never closed makes micromark's frontmatter
 * extension stop recognising lists for the rest of the file (micromark-extension-frontmatter
 * issue 5), so such a file is parsed again without it: the fence is reported, and the rest of
 * the entry is still checked as written.
 */
export function parseMarkdown(file: VFile): {tree: Root; rawHtml: boolean} {
  let tree = markdownProcessor.parse(file)
  if (tree.children[0]?.type !== 'yaml' && /^---[ \t]*\r?\n/.test(String(file.value))) tree = withoutFrontmatter.parse(file)
  const {rawHtml} = linkBareUrls(tree)
  return {tree, rawHtml}
}
