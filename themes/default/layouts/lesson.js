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
      h('div', {'data-pagefind-body': '', 'data-pagefind-meta': 'kind:Lesson theme'}, [
        h('h1', {'data-pagefind-meta': 'title'}, t.text),
        // What the page says about the lesson is not the lesson: search indexes only its wordings.
        h('p.meta', {'data-pagefind-ignore': ''}, [
          t.recurring ? [h('span.badge', 'recurring'), ' '] : undefined,
          h(
            'span',
            {'data-pagefind-meta': 'learned'},
            `Learned ${t.count} ${t.count === 1 ? 'time' : 'times'}${t.entryCount > 1 ? ` in ${t.entryCount} entries` : ''}`
          ),
          ', first on ',
          h('time', {dateTime: t.first, 'data-pagefind-meta': t.last === t.first ? 'date[datetime]' : undefined}, formatDate(t.first)),
          t.last !== t.first ? [', last on ', h('time', {dateTime: t.last, 'data-pagefind-meta': 'date[datetime]'}, formatDate(t.last))] : '',
          '.'
        ]),
        t.hashtags.length > 0
          ? h(
              'ul.tags',
              {'aria-label': 'Tags', 'data-pagefind-ignore': ''},
              t.hashtags.map((tag) => h('li', h('a', {href: url(tagUrl(tag))}, tag)))
            )
          : undefined,
        h('h2', {'data-pagefind-ignore': ''}, 'Every time'),
        h(
          'ol.occurrences',
          t.occurrences.map((o) =>
            h('li', [
              h('blockquote', h('p', o.text)),
              h('p.muted', {'data-pagefind-ignore': ''}, [
                '— ',
                h('a', {href: url(o.entryUrl)}, o.entryTitle),
                ', ',
                h('time', {dateTime: o.date}, formatDate(o.date))
              ])
            ])
          )
        )
      ])
    ]
  })
}
