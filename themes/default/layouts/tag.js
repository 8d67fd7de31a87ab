import {entriesByYear} from './parts.js'

/**
 * One tag: the entries that carry it and the lessons tagged with it.
 * @param {import('bounceback').TagPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function tag(data, ctx) {
  const {h, url} = ctx
  return ctx.layout('base', {
    title: `Tagged ${data.tag.name}`,
    description: `Entries and lessons tagged ${data.tag.name}.`,
    url: data.tag.url,
    main: [
      h('p.crumbs', h('a', {href: url('/tags/')}, 'Tags')),
      h('h1', ['Tagged ', h('em', data.tag.name)]),
      data.entries.length > 0
        ? h('section', {'aria-labelledby': 'tag-entries'}, [h('h2#tag-entries', 'Entries'), entriesByYear(ctx, data.entries, 'h3')])
        : undefined,
      data.themes.length > 0
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
