import {outcomeBadge, tagList} from './outcome.js'

/**
 * One post-mortem: its facts, then the review as written.
 * @param {import('bounceback').EntryPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function entry(data, ctx) {
  const {h, url, formatDate} = ctx
  const {meta} = data.entry
  const facts = [
    ['Date', h('time', {dateTime: meta.date}, formatDate(meta.date))],
    meta.outcome ? ['Outcome', outcomeBadge(h, meta.outcome)] : undefined,
    meta.cause ? ['Cause', meta.cause] : undefined,
    meta.cost ? ['Cost', costText(meta.cost)] : undefined,
    meta.feedback.length > 0 ? ['Feedback from', meta.feedback.join(', ')] : undefined,
    meta.revisit ? ['Revisit', h('time', {dateTime: meta.revisit}, formatDate(meta.revisit))] : undefined
  ].filter(Boolean)
  const pager = [
    data.previous ? h('a', {href: url(data.previous.url), rel: 'prev'}, ['← ', data.previous.title]) : undefined,
    data.next ? h('a', {href: url(data.next.url), rel: 'next'}, [data.next.title, ' →']) : undefined
  ].filter(Boolean)
  return ctx.layout('base', {
    title: meta.title,
    description: data.entry.summary || meta.title,
    url: data.entry.url,
    main: [
      h('article.entry', [
        h('header', [
          h('h1', meta.title),
          h('dl.facts', facts.flatMap(([term, value]) => [h('dt', term), h('dd', value)])),
          tagList(h, meta.tags)
        ]),
        h('div.entry-body', data.entry.body.children)
      ]),
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
