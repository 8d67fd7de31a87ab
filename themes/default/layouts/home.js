import {entryCards, pageNav, yearNav} from './lists.js'

/**
 * The home page: a summary, the first few entries due for a second look, and the newest
 * entries, with links to the rest of the archive by page and by year.
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
  return ctx.layout('base', {
    title: site.title,
    description: site.description,
    url: '/',
    pagination: data.pagination,
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
            ),
            data.revisitTotal > data.revisitDue.length ? h('p', h('a', {href: url('/revisit/')}, `All ${data.revisitTotal} due for a second look`)) : undefined
          ])
        : undefined,
      h('section', {'aria-labelledby': 'entries-heading'}, [
        h('h2#entries-heading', data.pagination.pages > 1 ? 'Newest post-mortems' : 'Post-mortems'),
        data.entries.length > 0 ? entryCards(ctx, data.entries) : h('p', 'No entries yet.'),
        pageNav(ctx, data.pagination, {label: 'Pages of post-mortems', previous: 'Newer', next: 'Older'})
      ]),
      data.years.length > 0
        ? h('section.archive-years', {'aria-labelledby': 'years-heading'}, [h('h2#years-heading', 'By year'), yearNav(ctx, data.years)])
        : undefined
    ]
  })
}
