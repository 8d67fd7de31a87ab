import type {Element, Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeStringify from 'rehype-stringify'
import rehypeSanitize, {defaultSchema, type Options as SanitizeSchema} from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {eachElement} from './each-element.js'
import {type BodyMark, markBody} from './body-marks.js'

/** GitHub's schema, plus the one class bounceback itself puts on links: lesson hashtags. */
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    // The first definition of a property wins, so extend GitHub's `className` rather than add one.
    a: (defaultSchema.attributes?.a ?? []).map((definition) =>
      Array.isArray(definition) && definition[0] === 'className' ? [...definition, 'hashtag'] : definition
    )
  }
}

// rehype-sanitize prefixes ids with `user-content-`; remark-rehype must not do it a second time.
// `---json` frontmatter is a node remark-rehype does not know (it ignores `yaml` and `toml`): not the body's.
const toHastOptions = {clobberPrefix: '', handlers: {json: () => undefined}}

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
    eachElement(tree, (node) => {
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
const markdownOnly = unified().use(remarkRehype, toHastOptions).freeze()

/** Markdown with raw HTML, parsed as a browser would. */
const withRawHtml = unified()
  .use(remarkRehype, {...toHastOptions, allowDangerousHtml: true})
  .use(rehypeRaw)
  .freeze()

/** Then, whatever the config's rehype plugins did, sanitised as GitHub does. */
const sanitize = unified().use(rehypeSanitize, schema).use(rehypeAfterSanitize).freeze()

/** Markdown tree to HTML tree; raw HTML in it is parsed as a browser would, when there is some. */
export function toHast(tree: Root, rawHtml: boolean): HastRoot {
  return (rawHtml ? withRawHtml : markdownOnly).runSync(tree) as HastRoot
}

/**
 * An HTML tree (after the config's rehype plugins, if any) sanitised and held as a hast root
 * with one `raw` node. Raw HTML is kept as far as GitHub's schema allows: scripts, event
 * handlers, styles and unsafe URLs never survive. Then the elements the entry's lessons and
 * commitments became are marked, so pages can put what is known of them where they are written.
 */
export function sanitiseBody(hast: HastRoot, marks: readonly BodyMark[] = []): HastRoot {
  const sanitised = sanitize.runSync(hast) as HastRoot
  markBody(sanitised, marks)
  return {type: 'root', children: [{type: 'raw', value: serialise.stringify(sanitised)}]}
}

/**
 * The sanitised tree is serialised where it was made (in a worker, for large builds) and kept
 * as one `raw` node: a string is a fraction of a tree's size in memory, in the cache and on its
 * way from a worker, and pages then serialise it by copying. Raw nodes are written as they are
 * only by the page serialiser, and this is the only one user content ever reaches.
 */
const serialise = unified().use(rehypeStringify).freeze()
