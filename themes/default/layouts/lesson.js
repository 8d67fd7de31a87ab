/**
 * One lesson theme: its first wording, and every time it was written down.
 * @param {import('bounceback').LessonThemePageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function lesson(data, ctx) {
  const {h, url, formatDate, tagUrl} = ctx
  const t = data.theme
  return ctx.layout('base', {
    title: t.text,
    description: `A lesson learned ${t.count} ${t.count === 1 ? 'time' : 'times'}.`,
    url: t.url,
    main: [
      h('p.crumbs', h('a', {href: url('/lessons/')}, 'Lessons')),
      h('div', {'data-pagefind-body': ''}, [
        h('h1', {'data-pagefind-meta': 'title'}, t.text),
        h('p.meta', [
          t.recurring ? [h('span.badge', 'recurring'), ' '] : undefined,
          `Learned ${t.count} ${t.count === 1 ? 'time' : 'times'}${t.entryCount > 1 ? ` in ${t.entryCount} entries` : ''}, first on `,
          h('time', {dateTime: t.first}, formatDate(t.first)),
          t.last !== t.first ? [', last on ', h('time', {dateTime: t.last}, formatDate(t.last))] : '',
          '.'
        ]),
        t.hashtags.length > 0
          ? h(
              'ul.tags',
              {'aria-label': 'Tags'},
              t.hashtags.map((tag) => h('li', h('a', {href: url(tagUrl(tag))}, tag)))
            )
          : undefined,
        h('h2', 'Every time'),
        h(
          'ol.occurrences',
          t.occurrences.map((o) =>
            h('li', [
              h('blockquote', h('p', o.text)),
              h('p.muted', ['— ', h('a', {href: url(o.entryUrl)}, o.entryTitle), ', ', h('time', {dateTime: o.date}, formatDate(o.date))])
            ])
          )
        )
      ])
    ]
  })
}
