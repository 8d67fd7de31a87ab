import {toXml} from 'xast-util-to-xml'
import {x} from 'xastscript'
import type {Site} from '../aggregate/site.js'
import {loneSurrogate} from '../extract/entry.js'
import type {Page} from './pages.js'

/** How a site-relative path is written in feeds: absolute when the site's URL is known. */
export function absolute(site: Site, path: string): string {
  const local = site.info.base + path.replace(/^\/+/, '')
  return site.info.url ? new URL(local, site.info.url).href : local
}

/** An Atom feed of the newest published entries, built as an xast tree. */
export function atomFeed(site: Site, limit = 50): string {
  const entries = site.entries.slice(0, limit)
  const id = (path: string) => (site.info.url ? absolute(site, path) : `urn:bounceback:${path}`)
  const updated = `${entries[0]?.meta.date ?? '1970-01-01'}T00:00:00Z`
  const tree = x(null, [
    {type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"'},
    {type: 'text', value: '\n'},
    x('feed', {xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': site.info.lang}, [
      x('title', site.info.title),
      x('subtitle', site.info.description),
      x('link', {href: absolute(site, '/feed.xml'), rel: 'self', type: 'application/atom+xml'}),
      x('link', {href: absolute(site, '/'), rel: 'alternate', type: 'text/html'}),
      x('id', id('/')),
      x('updated', updated),
      x('author', [x('name', site.info.author || site.info.title)]),
      x('generator', 'bounceback'),
      ...entries.map((e) =>
        x('entry', [
          x('title', e.meta.title),
          x('link', {href: absolute(site, e.url), rel: 'alternate', type: 'text/html'}),
          x('id', id(e.url)),
          x('published', `${e.meta.date}T00:00:00Z`),
          x('updated', `${e.meta.date}T00:00:00Z`),
          x('summary', e.summary || e.meta.title),
          ...e.meta.tags.map((tag) => x('category', {term: tag}))
        ])
      )
    ])
  ])
  return wellFormed(toXml(tree, {closeEmptyElements: true}))
}

/**
 * XML as its parsers require it: `]]>` may not appear in text (xast writes `>` as it is), and
 * lone surrogates, U+FFFE and U+FFFF are not XML characters at all (xast drops only C0 controls).
 */
function wellFormed(xml: string): string {
  return `${xml
    .replace(loneSurrogate, '\ufffd')
    .replace(/\]\]>/g, ']]&gt;')
    .replace(/[\ufffe\uffff]/g, '\ufffd')}\n`
}

/** Every page but the 404 page, for search engines. */
export function sitemap(site: Site, pages: readonly Page[]): string {
  const tree = x(null, [
    {type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"'},
    {type: 'text', value: '\n'},
    x(
      'urlset',
      {xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9'},
      pages
        .filter((page) => page.kind !== 'not-found')
        .map((page) =>
          x('url', [x('loc', absolute(site, page.url)), page.kind === 'entry' ? x('lastmod', (page as Page<'entry'>).data.entry.meta.date) : undefined])
        )
    )
  ])
  return wellFormed(toXml(tree, {closeEmptyElements: true}))
}
