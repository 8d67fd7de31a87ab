import {pageNav, pageTitle} from './lists.js'

/**
 * One lesson theme: its first wording, and every time it was written down (over several pages
 * when there are many). A wording the same as the theme's is not quoted again: the entry says it.
 * @param {import('bounceback').LessonThemePageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function lesson(data, ctx) {
  const {h, url, formatDate, tagUrl} = ctx
  const t = data.theme
  const p = data.pagination
  const same = (text) => text.trim().toLowerCase() === t.text.trim().toLowerCase()
  return ctx.layout('base', {
    title: pageTitle(t.text, p),
    description: `A lesson learned ${t.count} ${t.count === 1 ? 'time' : 'times'}.`,
    url: p.urls[p.page - 1],
    pagination: p,
    main: [
      h('p.crumbs', h('a', {href: url('/lessons/')}, 'Lessons')),
      // Only the first page is indexed for search: the others hold the same lesson.
      h('div', p.page === 1 ? {'data-pagefind-body': '', 'data-pagefind-meta': 'kind:Lesson theme'} : {}, [
        h('h1', {'data-pagefind-meta': 'title'}, t.text),
        p.page > 1 ? h('p.muted', `Page ${p.page} of ${p.pages}`) : undefined,
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
          {start: p.page > 1 ? (p.page - 1) * ctx.site.pageSize + 1 : undefined},
          data.occurrences.map((o) => {
            const source = [h('a', {href: url(o.entryUrl)}, o.entryTitle), ', ', h('time', {dateTime: o.date}, formatDate(o.date))]
            return h(
              'li',
              same(o.text)
                ? h('p', {'data-pagefind-ignore': ''}, source)
                : [h('blockquote', h('p', o.text)), h('p.muted', {'data-pagefind-ignore': ''}, ['— ', ...source])]
            )
          })
        ),
        pageNav(ctx, p, {label: 'Pages of this lesson'})
      ])
    ]
  })
}
