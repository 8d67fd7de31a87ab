import type {Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import rehypeSanitize, {defaultSchema, type Options as SanitizeSchema} from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'

/** GitHub's schema, plus the one class bounceback itself puts on links: lesson hashtags. */
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    // The first definition of a property wins, so extend GitHub's `className` rather than add one.
    a: (defaultSchema.attributes?.a ?? []).map((definition) => (Array.isArray(definition) && definition[0] === 'className' ? [...definition, 'hashtag'] : definition))
  }
}

/**
 * Markdown tree to sanitised HTML tree. Raw HTML in an entry is dropped, not passed through,
 * and rehype-sanitize removes scripts, event handlers and unsafe URLs.
 */
const bodyProcessor = unified().use(remarkRehype).use(rehypeSanitize, schema).freeze()

export async function renderBody(tree: Root): Promise<HastRoot> {
  return (await bodyProcessor.run(tree)) as HastRoot
}
