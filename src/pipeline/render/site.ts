import type {Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import type {Site} from '../aggregate/site.js'
import {BouncebackError} from '../../errors.js'
import {formatDate} from '../../schema/date.js'
import {bodyWithNotes} from './body-notes.js'
import {siteData} from './data-json.js'
import {absolute, atomFeed, sitemap} from './feeds.js'
import {tagUrl} from '../extract/hashtags.js'
import {MadeFile, PendingPage, PreviousFile} from './lazy-files.js'
import type {LayoutContext, LayoutName, PageDataByKind} from './page-data.js'
import {pageKeys, sharedData} from './page-keys.js'
import type {PlanMemo} from './plan-memo.js'
import {sitePages, type Page} from './pages.js'
import {searchShards, type Sharding} from './search-shards.js'
import type {OutputFile, Theme} from './theme.js'

// Entry bodies arrive as sanitised HTML in a raw node (see render/body.ts); theme code is trusted.
const htmlProcessor = unified().use(rehypeStringify, {allowDangerousHtml: true}).freeze()

/** What a publication knows of the files written last time: each one's key and size. */
export type PreviousRecord = (path: string) => {key: string; size: number} | undefined

export interface PlanOptions {
  /** What planning kept from the engine's last run. */
  memo: PlanMemo
  /** The salt every page's key includes: the settings, the theme, the date. */
  salt: string
  /** The previous output's files: a page whose key is the same is taken from there, not rendered. */
  previous?: PreviousRecord
  outDir: string
  /** How the search index is cut into shards (default: one). */
  sharding?: Sharding
}

/**
 * Every output file of the site, pages not yet rendered: each is rendered when the writer asks
 * for it, so a build holds only the pages being written. Every file has a key, a digest of what
 * it is made from (for a page: its data, with entries standing by their keys, and the salt; for
 * the rest: its bytes); a page whose key is the one the previous output recorded is not
 * rendered at all, but taken from there. Also how many shards the search index comes in.
 */
export function planSite(site: Site, theme: Theme, options: PlanOptions): {files: OutputFile[]; shards: number} {
  const pages = sitePages(site, options.memo, options.sharding)
  const pageKey = pageKeys(options.salt, options.memo, sharedData(site, pages))
  const files = withSiteFiles(
    site,
    theme,
    options.memo,
    pages,
    pages.map((page): OutputFile => {
      const render = () => renderPage(page, site, theme)
      const key = pageKey(page)
      const previous = options.previous?.(page.path)
      return previous?.key === key ? new PreviousFile(page.path, previous.size, options.outDir, render, key) : new PendingPage(page.path, render, key)
    })
  )
  options.memo.sweep(new Set(pages.map((page) => page.path)))
  // As the search page was told: the number of shards follows from the number of pages.
  return {files, shards: searchShards(pages.length, options.sharding)}
}

const whole = {fromWholeSite: true} as const

function withSiteFiles(site: Site, theme: Theme, memo: PlanMemo, pages: readonly Page[], files: OutputFile[]): OutputFile[] {
  return [
    ...files,
    // Made when first asked for: after the reload, in watch (see OutputFile.fromWholeSite).
    new MadeFile('data.json', () => siteData(site, memo.dataRecords), whole),
    new MadeFile('feed.xml', () => atomFeed(site), whole),
    // Sitemaps must hold absolute URLs: there is one only when the site's URL is known.
    ...(site.info.url ? [new MadeFile('sitemap.xml', () => sitemap(site, pages), whole)] : []),
    ...theme.assets.map((asset) => memo.asset(asset))
  ]
}

export function renderPage(page: Page, site: Site, theme: Theme): string {
  const base = site.info.base
  const context: LayoutContext = {
    h,
    site: site.info,
    today: site.today,
    url: (path) => (/^[a-z][a-z0-9+.-]*:/i.test(path) ? path : base + path.replace(/^\/+/, '')),
    formatDate: (date) => formatDate(date, site.info.lang),
    formatNumber: (value, options) => new Intl.NumberFormat(site.info.lang, {maximumFractionDigits: 1, ...options}).format(value),
    tagUrl,
    absoluteUrl: (path) => absolute(site, path),
    bodyWithNotes,
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
    throw new BouncebackError(
      'LAYOUT_FAILED',
      `Layout ${layout.file} returned ${tree === null ? 'null' : typeof tree} on page ${page.url}, expected a hast root (\`{type: 'root', children}\`)`
    )
  }
  return tree as HastRoot
}
