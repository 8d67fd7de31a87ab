import {entriesByYear} from './parts.js'
import {pageNav, pageTitle} from './lists.js'

/**
 * One tag: the entries that carry it (over several pages when there are many) and, on the first
 * page, the lessons tagged with it.
 * @param {import('bounceback').TagPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function tag(data, ctx) {
  const {h, url} = ctx
  const p = data.pagination
  return ctx.layout('base', {
    title: pageTitle(`Tagged ${data.tag.name}`, p),
    description: `Entries and lessons tagged ${data.tag.name}.`,
    url: p.urls[p.page - 1],
    pagination: p,
    main: [
      h('p.crumbs', h('a', {href: url('/tags/')}, 'Tags')),
      h('h1', ['Tagged ', h('em', data.tag.name), p.page > 1 ? `, page ${p.page} of ${p.pages}` : '']),
      data.entries.length > 0
        ? h('section', {'aria-labelledby': 'tag-entries'}, [
            h('h2#tag-entries', 'Entries'),
            entriesByYear(ctx, data.entries, 'h3'),
            pageNav(ctx, p, {label: `Pages of entries tagged ${data.tag.name}`, previous: 'Newer', next: 'Older'})
          ])
        : undefined,
      data.themes.length > 0 && p.page === 1
        ? h('section', {'aria-labelledby': 'tag-lessons'}, [
            h('h2#tag-lessons', 'Lessons'),
            h(
              'ul',
              data.themes.map((t) => h('li', h('a', {href: url(t.url)}, t.text)))
            )
          ])
        : undefined
    ]
  })
}
