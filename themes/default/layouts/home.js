import {outcomeBadge, tagList} from './outcome.js'

/**
 * The home page: every published entry, newest first.
 * @param {import('bounceback').HomePageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function home(data, ctx) {
  const {h, site, url, formatDate} = ctx
  const items = data.entries.map((entry) =>
    h('li.entry-card', [
      h('article', [
        h('h3', h('a', {href: url(entry.url)}, entry.title)),
        h('p.meta', [h('time', {dateTime: entry.date}, formatDate(entry.date)), ' ', outcomeBadge(h, entry.outcome)]),
        entry.summary ? h('p.summary', entry.summary) : undefined,
        tagList(h, entry.tags)
      ])
    ])
  )
  return ctx.layout('base', {
    title: site.title,
    description: site.description,
    url: '/',
    main: [
      h('h1', site.title),
      h('p.lead', site.description),
      h('section', {'aria-labelledby': 'entries-heading'}, [
        h('h2#entries-heading', 'Post-mortems'),
        items.length > 0 ? h('ol.entry-list', items) : h('p', 'No entries yet.')
      ])
    ]
  })
}
