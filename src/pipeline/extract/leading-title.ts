import type {Root} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import {normalizeHeading} from '../../config/sections.js'
import {frontmatterTypes} from '../parse/processor.js'

/**
 * Templates start with `# Title`, and the page already shows the entry's title as its `<h1>`:
 * a first `#` heading (before any other block) that says the same as the title is taken out of
 * the body, so it is neither shown nor indexed twice. Any other `#` heading stays.
 */
export function leadingTitle(tree: Root, title: string): void {
  const first = tree.children.findIndex((node) => !frontmatterTypes.has(node.type) && node.type !== 'definition' && !isComment(node))
  const node = tree.children[first]
  if (node?.type !== 'heading' || node.depth !== 1) return
  if (normalizeHeading(mdastToString(node)) === normalizeHeading(title)) tree.children.splice(first, 1)
}

function isComment(node: Root['children'][number]): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)
}
