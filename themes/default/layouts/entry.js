import {commitmentItem, entryLinks, outcomeBadge, tagList} from './parts.js'

/**
 * One post-mortem: its facts, the review as written, then what it connects to.
 * @param {import('bounceback').EntryPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function entry(data, ctx) {
  const {h, url, formatDate} = ctx
  const {meta} = data.entry
  const facts = [
    ['Date', h('time', {dateTime: meta.date}, formatDate(meta.date))],
    meta.outcome ? ['Outcome', outcomeBadge(ctx, meta.outcome)] : undefined,
    meta.cause ? ['Cause', meta.cause] : undefined,
    meta.cost ? ['Cost', costText(meta.cost)] : undefined,
    meta.feedback.length > 0 ? ['Feedback from', meta.feedback.join(', ')] : undefined,
    meta.revisit ? ['Revisit', h('time', {dateTime: meta.revisit}, formatDate(meta.revisit))] : undefined
  ].filter(Boolean)
  const lessons = data.lessons.map((lesson) =>
    h('li', [
      h('a', {href: url(lesson.theme.url)}, lesson.text),
      lesson.theme.recurring ? [' ', h('span.badge', 'recurring')] : undefined,
      lesson.alsoIn.length > 0
        ? h('span.also', [
            ' Also learned in ',
            ...lesson.alsoIn.flatMap((e, i) => [i > 0 ? ', ' : '', h('a', {href: url(e.url)}, e.title)]),
            lesson.alsoInMore > 0 ? [' and ', h('a', {href: url(lesson.theme.url)}, `${lesson.alsoInMore} more`)] : '',
            '.'
          ])
        : undefined
    ])
  )
  const pager = [
    data.previous ? h('a', {href: url(data.previous.url), rel: 'prev'}, ['← ', data.previous.title]) : undefined,
    data.next ? h('a', {href: url(data.next.url), rel: 'next'}, [data.next.title, ' →']) : undefined
  ].filter(Boolean)
  return ctx.layout('base', {
    title: meta.title,
    description: data.entry.summary || meta.title,
    url: data.entry.url,
    main: [
      h('article.entry', {'data-pagefind-body': ''}, [
        h('header', [
          h('h1', meta.title),
          h(
            'dl.facts',
            {'data-pagefind-ignore': ''},
            facts.flatMap(([term, value]) => [h('dt', term), h('dd', value)])
          ),
          h('div', {'data-pagefind-ignore': ''}, tagList(ctx, meta.tags))
        ]),
        h('div.entry-body', data.entry.body.children)
      ]),
      lessons.length > 0
        ? h('section.connections', {'aria-labelledby': 'lessons-heading'}, [h('h2#lessons-heading', 'Lessons, across entries'), h('ul', lessons)])
        : undefined,
      data.commitments.length > 0
        ? h('section.connections', {'aria-labelledby': 'commitments-heading'}, [
            h('h2#commitments-heading', 'Commitments'),
            h(
              'ul.commitments',
              data.commitments.map((c) => commitmentItem(ctx, c, false))
            )
          ])
        : undefined,
      data.related.length > 0
        ? h('section.connections', {'aria-labelledby': 'related-heading'}, [h('h2#related-heading', 'Related entries'), entryLinks(ctx, data.related)])
        : undefined,
      pager.length > 0 ? h('nav.pager', {'aria-label': 'Older and newer entries'}, pager) : undefined
    ]
  })
}

function costText(cost) {
  const currency = cost.currency ? ` ${cost.currency}` : ''
  const parts = []
  if (cost.spent !== undefined) parts.push(`spent ${cost.spent}${currency}`)
  if (cost.earned !== undefined) parts.push(`earned ${cost.earned}${currency}`)
  return parts.join(', ')
}
