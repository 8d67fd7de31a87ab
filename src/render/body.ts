import type {Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, {defaultSchema, type Options as SanitizeSchema} from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {visit, EXIT} from 'unist-util-visit'

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
 * rehype-sanitize renames every id to `user-content-…` so an entry cannot clobber the page's own
 * ids; in-page links (footnotes, `[see](#plan)`) follow their target to its new name.
 */
function rehypeFollowClobberedIds() {
  return (tree: HastRoot) => {
    const ids = new Set<string>()
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id)
    })
    visit(tree, 'element', (node) => {
      const href = node.properties.href
      if (typeof href === 'string' && href.startsWith('#') && !ids.has(href.slice(1)) && ids.has(`user-content-${href.slice(1)}`)) {
        node.properties.href = `#user-content-${href.slice(1)}`
      }
    })
  }
}

/** Task-list checkboxes have no text of their own: say what they show, for screen readers. */
function rehypeLabelTasks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'input' && node.properties.type === 'checkbox') node.properties.ariaLabel = node.properties.checked ? 'Done' : 'Not done'
    })
  }
}

/** Markdown without raw HTML: the common case, and the cheap one. */
const markdownOnly = unified().use(remarkRehype, toHast).use(rehypeSanitize, schema).use(rehypeFollowClobberedIds).use(rehypeLabelTasks).freeze()

/** Markdown with raw HTML, parsed as a browser would, then sanitised as GitHub does. */
const withRawHtml = unified()
  .use(remarkRehype, {...toHast, allowDangerousHtml: true})
  .use(rehypeRaw)
  .use(rehypeSanitize, schema)
  .use(rehypeFollowClobberedIds)
  .use(rehypeLabelTasks)
  .freeze()

/**
 * Markdown tree to sanitised HTML tree. Raw HTML is kept as far as GitHub's schema allows:
 * scripts, event handlers, styles and unsafe URLs never survive.
 */
export async function renderBody(tree: Root): Promise<HastRoot> {
  const processor = hasRawHtml(tree) ? withRawHtml : markdownOnly
  return (await processor.run(tree)) as HastRoot
}

function hasRawHtml(tree: Root): boolean {
  let found = false
  visit(tree, 'html', () => {
    found = true
    return EXIT
  })
  return found
}
