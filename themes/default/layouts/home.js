import {outcomeBadge, tagList} from './parts.js'

/**
 * The home page: a summary, what is due for a second look, and every entry, newest first.
 * @param {import('bounceback').HomePageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function home(data, ctx) {
  const {h, site, url, formatDate} = ctx
  const s = data.summary
  const figures = [
    // The entries are this page's own: that figure is not a link to where the reader is.
    [s.entries, s.entries === 1 ? 'post-mortem' : 'post-mortems', undefined],
    [s.lessons, s.lessons === 1 ? 'lesson' : 'lessons', '/lessons/'],
    [s.recurring, s.recurring === 1 ? 'recurring lesson' : 'recurring lessons', '/lessons/'],
    [s.open, s.open === 1 ? 'open commitment' : 'open commitments', '/actions/']
  ]
  const items = data.entries.map((entry) =>
    h('li.entry-card', [
      h('article', [
        h('h3', h('a', {href: url(entry.url)}, entry.title)),
        h('p.meta', [h('time', {dateTime: entry.date}, formatDate(entry.date)), ' ', outcomeBadge(ctx, entry.outcome)]),
        entry.summary ? h('p.summary', entry.summary) : undefined,
        tagList(ctx, entry.tags)
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
      h('section.summary-figures', {'aria-labelledby': 'summary-heading'}, [
        h('h2#summary-heading', 'At a glance'),
        h(
          'ul',
          figures.map(([count, label, href]) => {
            const content = [h('span.figure', String(count)), ' ', label]
            return h('li', href ? h('a', {href: url(href)}, content) : h('span', content))
          })
        ),
        s.overdue > 0
          ? h('p.muted', [h('a', {href: url('/actions/')}, `${s.overdue} ${s.overdue === 1 ? 'commitment is' : 'commitments are'} overdue`), '.'])
          : undefined
      ]),
      data.revisitDue.length > 0
        ? h('section.revisit', {'aria-labelledby': 'revisit-heading'}, [
            h('h2#revisit-heading', 'Due for a second look'),
            h('p.muted', 'You planned to look at these again with a clearer head.'),
            h(
              'ul.entry-links',
              data.revisitDue.map((e) =>
                h('li', [h('a', {href: url(e.url)}, e.title), ' ', h('span.muted', ['planned for ', h('time', {dateTime: e.revisit}, formatDate(e.revisit))])])
              )
            )
          ])
        : undefined,
      h('section', {'aria-labelledby': 'entries-heading'}, [
        h('h2#entries-heading', 'Post-mortems'),
        items.length > 0 ? h('ol.entry-list', items) : h('p', 'No entries yet.')
      ])
    ]
  })
}
