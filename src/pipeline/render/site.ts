import {createHash} from 'node:crypto'
import path from 'node:path'
import type {Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import type {Site} from '../aggregate/site.js'
import {entryKeys} from '../../cache/entry-cache.js'
import type {PageCache} from '../../cache/page-cache.js'
import {BouncebackError} from '../../errors.js'
import {formatDate} from '../../schema/date.js'
import {siteData} from './data-json.js'
import {absolute, atomFeed, sitemap} from './feeds.js'
import {tagUrl} from '../extract/hashtags.js'
import {PendingPage, PreviousFile} from './lazy-files.js'
import type {EntryCard, LayoutContext, LayoutName, PageDataByKind} from './page-data.js'
import {cardId, cardText, sitePages, type Page} from './pages.js'
import {searchShards} from './search-shards.js'
import type {OutputFile, Theme} from './theme.js'

// Entry bodies arrive as sanitised HTML in a raw node (see render/body.ts); theme code is trusted.
const htmlProcessor = unified().use(rehypeStringify, {allowDangerousHtml: true}).freeze()

/**
 * Pages rendered before, by output path: `watch` keeps it between rebuilds so that a page is
 * rendered again only when its data changed. An entry page's entry is compared by identity
 * (kept results are reused as they are), the rest of any page's data by value.
 */
export type RenderMemo = Map<string, {entry: unknown; key: string; contents: string}>

/** Render every page through the theme's layouts, then serialise with rehype-stringify. */
export function renderSite(site: Site, theme: Theme, memo?: RenderMemo): OutputFile[] {
  const pages = sitePages(site)
  return withSiteFiles(site, theme, pages, pages.map((page) => ({path: page.path, contents: memo ? renderMemoised(page, site, theme, memo) : renderPage(page, site, theme)})))
}

/**
 * Every output file of the site for `build`, pages not yet rendered: each is rendered when the
 * writer asks for it, so a build holds only the pages being written. With the page cache, a
 * page whose key (its data, with entries standing by their cache key) is the one the previous
 * build recorded for it is not rendered at all, but linked from `outDir`. Also how many shards
 * the search index comes in.
 */
export function planSite(site: Site, theme: Theme, options: {cache?: PageCache; outDir: string; shardSize?: number}): {files: OutputFile[]; shards: number} {
  const pages = sitePages(site, options.shardSize)
  const {cache, outDir} = options
  const files = withSiteFiles(
    site,
    theme,
    pages,
    pages.map((page): OutputFile => {
      const render = () => renderPage(page, site, theme)
      if (!cache) return new PendingPage(page.path, render)
      const key = pageKey(page, cache.salt)
      const previous = cache.previous(page.path)
      return previous?.key === key ? new PreviousFile(page.path, previous.size, outDir, render, key) : new PendingPage(page.path, render, key)
    })
  )
  // As the search page was told: the number of shards follows from the number of pages.
  return {files, shards: searchShards(pages.length, options.shardSize)}
}

/**
 * A digest of what a page is made from: its data, with entries standing by
 * their cache key (their file's bytes, which with the settings determine them), and the salt:
 * the settings, the theme and the date every page depends on.
 */
function pageKey(page: Page, salt: string): string {
  const json = JSON.stringify([page.kind, page.url, page.data], (_, value: unknown) => {
    if (value === null || typeof value !== 'object') return value
    const key = entryKeys.get(value)
    if (key !== undefined) return `entry\u0000${key}`
    // Cards by what they say, not by their entry: a change below an entry's summary leaves
    // the pages that list it as they were.
    const card = cardText(value)
    if (card !== undefined) return `card\u0000${card}`
    // JSON would write these as `{}`: a page made from them would look unchanged.
    if (value instanceof Map || value instanceof Set) return [value.constructor.name, ...value]
    return value
  })
  return createHash('sha1').update(salt).update(json).digest('hex')
}

function withSiteFiles(site: Site, theme: Theme, pages: readonly Page[], files: OutputFile[]): OutputFile[] {
  return [
    ...files,
    {path: 'data.json', contents: siteData(site)},
    {path: 'feed.xml', contents: atomFeed(site)},
    // Sitemaps must hold absolute URLs: there is one only when the site's URL is known.
    ...(site.info.url ? [{path: 'sitemap.xml', contents: sitemap(site, pages)}] : []),
    ...theme.assets
  ]
}

function renderMemoised(page: Page, site: Site, theme: Theme, memo: RenderMemo): string {
  const {entry, ...rest} = page.data as Partial<PageDataByKind['entry']>
  // Cards stand for entries: the same card object means the same entry, so its id is enough.
  const key = JSON.stringify(rest, (name, value: unknown) => {
    if (name === 'svg' || name === 'table') return undefined
    const id = value !== null && typeof value === 'object' ? cardId(value as EntryCard) : undefined
    return id === undefined ? value : id
  })
  const previous = memo.get(page.path)
  if (previous && previous.entry === entry && previous.key === key) return previous.contents
  const contents = renderPage(page, site, theme)
  memo.set(page.path, {entry, key, contents})
  return contents
}

export function renderPage(page: Page, site: Site, theme: Theme): string {
  const base = site.info.base
  const context: LayoutContext = {
    h,
    site: site.info,
    today: site.today,
    url: (path) => (/^[a-z][a-z0-9+.-]*:/i.test(path) ? path : base + path.replace(/^\/+/, '')),
    formatDate: (date) => formatDate(date, site.info.lang),
    tagUrl,
    absoluteUrl: (path) => absolute(site, path),
    layout: (name, data) => callLayout(name, data, context, theme, page)
  }
  const tree = callLayout(page.kind, page.data, context, theme, page)
  return htmlProcessor.stringify(tree)
}

function callLayout<K extends LayoutName>(name: K, data: PageDataByKind[K], context: LayoutContext, theme: Theme, page: Page): HastRoot {
  const layout = theme.layouts[name]
  let tree: unknown
  try {
    tree = layout.fn(data as never, context)
  } catch (error) {
    if (error instanceof BouncebackError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new BouncebackError('LAYOUT_FAILED', `Layout ${layout.file} failed on page ${page.url}: ${reason}`, {cause: error})
  }
  if (!tree || typeof tree !== 'object' || (tree as HastRoot).type !== 'root') {
    throw new BouncebackError('LAYOUT_FAILED', `Layout ${layout.file} returned ${tree === null ? 'null' : typeof tree} on page ${page.url}, expected a hast root (\`{type: 'root', children}\`)`)
  }
  return tree as HastRoot
}
