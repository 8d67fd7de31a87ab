import type {Element, Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, {defaultSchema, type Options as SanitizeSchema} from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'

/** GitHub's schema, plus the one class bounceback itself puts on links: lesson hashtags. */
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    // The first definition of a property wins, so extend GitHub's `className` rather than add one.
    a: (defaultSchema.attributes?.a ?? []).map((definition) => (Array.isArray(definition) && definition[0] === 'className' ? [...definition, 'hashtag'] : definition))
  }
}

// rehype-sanitize prefixes ids with `user-content-`; remark-rehype must not do it a second time.
const toHast = {clobberPrefix: ''}

/**
 * After sanitising, in one pass: rehype-sanitize renames every id to `user-content-…` so an
 * entry cannot clobber the page's own ids, so in-page links (footnotes, `[see](#plan)`) follow
 * their target to its new name; and task-list checkboxes, which have no text of their own, say
 * what they show, for screen readers.
 */
function rehypeAfterSanitize() {
  return (tree: HastRoot) => {
    const ids = new Set<string>()
    const inPageLinks: Element[] = []
    visit(tree, 'element', (node) => {
      const {id, href} = node.properties
      if (typeof id === 'string') ids.add(id)
      if (typeof href === 'string' && href.startsWith('#')) inPageLinks.push(node)
      if (node.tagName === 'input' && node.properties.type === 'checkbox') node.properties.ariaLabel = node.properties.checked ? 'Done' : 'Not done'
    })
    for (const link of inPageLinks) {
      const target = String(link.properties.href).slice(1)
      if (!ids.has(target) && ids.has(`user-content-${target}`)) link.properties.href = `#user-content-${target}`
    }
  }
}

/** Markdown without raw HTML: the common case, and the cheap one. */
const markdownOnly = unified().use(remarkRehype, toHast).freeze()

/** Markdown with raw HTML, parsed as a browser would. */
const withRawHtml = unified().use(remarkRehype, {...toHast, allowDangerousHtml: true}).use(rehypeRaw).freeze()

/** Then, whatever the config's rehype plugins did, sanitised as GitHub does. */
const sanitize = unified().use(rehypeSanitize, schema).use(rehypeAfterSanitize).freeze()

/**
 * Markdown tree to sanitised HTML tree. Raw HTML is kept as far as GitHub's schema allows:
 * scripts, event handlers, styles and unsafe URLs never survive.
 */
export interface BodyOptions {
  rawHtml: boolean
  /** The config's rehype plugins, run before sanitising. */
  rehype?: (tree: HastRoot, file: VFile) => Promise<void>
  file?: VFile
}

export async function renderBody(tree: Root, options: BodyOptions): Promise<HastRoot> {
  const hast = (await (options.rawHtml ? withRawHtml : markdownOnly).run(tree)) as HastRoot
  if (options.rehype && options.file) await options.rehype(hast, options.file)
  const body = (await sanitize.run(hast)) as HastRoot
  removePositions(body)
  return body
}

/**
 * Positions served validation, which is over by now: without them a body is about half the
 * size, in memory and in the cache.
 */
function removePositions(node: {position?: unknown; children?: unknown[]}): void {
  delete node.position
  if (node.children) for (const child of node.children) removePositions(child as typeof node)
}
