import {chartFigure, commitmentItem} from './parts.js'
import {pageNav, pageTitle} from './lists.js'

/**
 * Open commitments across entries, those past their date first, and how many were kept; a long
 * list over several pages, the chart on the first.
 * @param {import('bounceback').ActionsPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function actions(data, ctx) {
  const {h} = ctx
  const p = data.pagination
  const share = data.made > 0 ? Math.round((data.kept / data.made) * 100) : 0
  const late = data.open.filter((c) => c.overdue)
  const open = data.open.filter((c) => !c.overdue)
  const group = (id, heading, list) =>
    list.length > 0
      ? h('section', {'aria-labelledby': id}, [
          h(`h2#${id}`, heading),
          h(
            'ul.commitments',
            list.map((c) => commitmentItem(ctx, c, true))
          )
        ])
      : undefined
  return ctx.layout('base', {
    title: pageTitle('Actions', p),
    description: 'Promises to do better that are still open, those past their date first.',
    url: p.urls[p.page - 1],
    pagination: p,
    main: [
      h('h1', pageTitle('Actions', p)),
      h('p.lead', [
        `${data.openTotal} open ${data.openTotal === 1 ? 'commitment' : 'commitments'}`,
        data.overdue > 0 ? `, ${data.overdue} overdue` : '',
        `. ${data.kept} of ${data.made} kept (${share}%).`
      ]),
      data.openTotal === 0
        ? h('section', {'aria-labelledby': 'open-heading'}, [h('h2#open-heading', 'Still open'), h('p', 'Nothing open: every commitment is kept.')])
        : undefined,
      group('late-heading', 'Past the date you set', late),
      group('open-heading', 'Still open', open),
      pageNav(ctx, p, {label: 'Pages of open commitments'}),
      p.page === 1 ? h('section', {'aria-labelledby': 'kept-heading'}, [h('h2#kept-heading', 'Kept over time'), chartFigure(ctx, data.chart)]) : undefined
    ]
  })
}
