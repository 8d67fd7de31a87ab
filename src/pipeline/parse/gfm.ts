import type {Link, Nodes, Parent, Root, Text} from 'mdast'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import type {Processor} from 'unified'

/**
 * GitHub's Markdown extensions, the parsing half of remark-gfm, with bare-URL autolinking done
 * differently: micromark's autolink-literal extension checks every character for a possible
 * link, and costs as much as every other construct together (bench/results.md). Here bare
 * `https://…` and `www.…` URLs become links in one regular-expression pass over the finished
 * tree's text instead.
 */
export function remarkGfmLean(this: Processor) {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown())
}

/** A bare URL: `https://…`, `http://…` or `www.…`, not ending in punctuation that ends a sentence. */
const bareUrl = /(?<![@\w./-])(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,:;"'!?\]*_~]/gi

/**
 * Turn bare URLs in text into links (text inside links and code is left alone), and say whether
 * the tree holds raw HTML, which rendering needs to know: one walk for both.
 */
export function linkBareUrls(tree: Root): {rawHtml: boolean} {
  let rawHtml = false
  // A plain loop, not unist-util-visit: this runs over every node of every entry. Inside a link
  // nothing is linked, but raw HTML is still looked for (`[<em>x</em>](…)`).
  const walk = (parent: Parent, linking: boolean) => {
    const children = parent.children as Nodes[]
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!
      if (node.type === 'html') rawHtml = true
      else if (node.type === 'text') {
        if (!linking || !/https?:|www\./i.test(node.value)) continue
        const parts = splitUrls(node)
        if (parts.length === 1 && parts[0] === node) continue
        children.splice(index, 1, ...parts)
        index += parts.length - 1
      } else if ('children' in node) walk(node, linking && node.type !== 'link' && node.type !== 'linkReference')
    }
  }
  walk(tree, true)
  return {rawHtml}
}

function splitUrls(node: Text): (Text | Link)[] {
  const parts: (Text | Link)[] = []
  let last = 0
  for (const match of node.value.matchAll(bareUrl)) {
    let url = match[0]
    // A closing parenthesis belongs to the URL only when it opened one inside it.
    while (url.endsWith(')') && (url.match(/\)/g)?.length ?? 0) > (url.match(/\(/g)?.length ?? 0)) url = url.slice(0, -1)
    if (match.index > last) parts.push({type: 'text', value: node.value.slice(last, match.index)})
    // Schemes are case-insensitive, but sanitisers compare them lower-cased.
    const href = url.toLowerCase().startsWith('www.') ? `http://${url}` : url.replace(/^https?:/i, (scheme) => scheme.toLowerCase())
    parts.push({type: 'link', url: href, children: [{type: 'text', value: url}]})
    last = match.index + url.length
  }
  if (parts.length === 0) return [node]
  if (last < node.value.length) parts.push({type: 'text', value: node.value.slice(last)})
  return parts
}
