import type {Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import type {Site} from '../aggregate/site.js'
import {BouncebackError} from '../errors.js'
import {formatDate} from '../schema/date.js'
import type {Entry} from '../types.js'
import type {EntryCard, LayoutContext, LayoutName, PageDataByKind} from './page-data.js'
import type {OutputFile, Theme} from './theme.js'

const htmlProcessor = unified().use(rehypeStringify).freeze()

/** One page of the site before it is serialised. */
export interface Page<K extends LayoutName = LayoutName> {
  kind: K
  /** Site-relative URL. */
  url: string
  /** Output path, relative to the output folder. */
  path: string
  data: PageDataByKind[K]
}

/** Every page the site has, in a stable order. */
export function sitePages(site: Site): Page[] {
  const pages: Page[] = [{kind: 'home', url: '/', path: 'index.html', data: {entries: site.entries.map(entryCard)}}]
  site.entries.forEach((entry, i) => {
    const data: PageDataByKind['entry'] = {entry}
    const newer = site.entries[i - 1]
    const older = site.entries[i + 1]
    if (older) data.previous = entryCard(older)
    if (newer) data.next = entryCard(newer)
    pages.push({kind: 'entry', url: entry.url, path: `${entry.url.slice(1)}index.html`, data})
  })
  pages.push({kind: 'not-found', url: '/404.html', path: '404.html', data: {}})
  return pages
}

export function entryCard(entry: Entry): EntryCard {
  const card: EntryCard = {title: entry.meta.title, date: entry.meta.date, url: entry.url, tags: entry.meta.tags, summary: entry.summary}
  if (entry.meta.outcome) card.outcome = entry.meta.outcome
  return card
}

/** Render every page through the theme's layouts, then serialise with rehype-stringify. */
export function renderSite(site: Site, theme: Theme): OutputFile[] {
  const files: OutputFile[] = sitePages(site).map((page) => ({path: page.path, contents: renderPage(page, site, theme)}))
  return [...files, ...theme.assets]
}

export function renderPage(page: Page, site: Site, theme: Theme): string {
  const base = site.info.base
  const context: LayoutContext = {
    h,
    site: site.info,
    url: (path) => (/^[a-z][a-z0-9+.-]*:/i.test(path) ? path : base + path.replace(/^\/+/, '')),
    formatDate: (date) => formatDate(date, site.info.lang),
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
