import type {Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import rehypeSanitize from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'

/**
 * Markdown tree to sanitised HTML tree. Raw HTML in an entry is dropped, not passed through,
 * and rehype-sanitize (GitHub's schema) removes scripts, event handlers and unsafe URLs.
 */
const bodyProcessor = unified().use(remarkRehype).use(rehypeSanitize).freeze()

export async function renderBody(tree: Root): Promise<HastRoot> {
  return (await bodyProcessor.run(tree)) as HastRoot
}
