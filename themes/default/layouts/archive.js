import {entryCards, pageNav, pageTitle, yearNav} from './lists.js'

/**
 * A page of entries: the home page's later pages (`/page/2/`), a year (`/2025/`), or what is due
 * for a second look (`/revisit/`).
 * @param {import('bounceback').ArchivePageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function archive(data, ctx) {
  const {h, formatDate} = ctx
  const p = data.pagination
  const count = (n) => `${n} ${n === 1 ? 'post-mortem' : 'post-mortems'}`
  const list = {
    entries: {heading: 'Post-mortems', lead: 'Every post-mortem, newest first.', label: 'Pages of post-mortems'},
    year: {
      heading: data.year ?? '',
      lead: `${count(data.years.find((y) => y.year === data.year)?.count ?? 0)} from ${data.year}, newest first.`,
      label: `Pages of ${data.year}`
    },
    revisit: {
      heading: 'Due for a second look',
      lead: 'You planned to look at these again with a clearer head.',
      label: 'Pages of entries due for a second look'
    }
  }[data.list]
  const note = data.list === 'revisit' ? (e) => h('p.muted', ['Planned for ', h('time', {dateTime: e.revisit}, formatDate(e.revisit)), '.']) : undefined
  const newerOlder = data.list === 'revisit' ? {label: list.label} : {label: list.label, previous: 'Newer', next: 'Older'}
  return ctx.layout('base', {
    title: pageTitle(list.heading, p),
    description: list.lead,
    url: p.urls[p.page - 1],
    pagination: p,
    main: [
      h('h1', pageTitle(list.heading, p)),
      h('p.lead', list.lead),
      data.entries.length > 0 ? entryCards(ctx, data.entries, {note, level: 'h2'}) : h('p', 'Nothing here.'),
      pageNav(ctx, p, newerOlder),
      data.list === 'revisit'
        ? undefined
        : h('section.archive-years', {'aria-labelledby': 'years-heading'}, [h('h2#years-heading', 'By year'), yearNav(ctx, data.years, data.year)])
    ]
  })
}
