import {chartFigure, commitmentItem} from './parts.js'

/**
 * Open commitments across entries, oldest first, and how many were kept.
 * @param {import('bounceback').ActionsPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function actions(data, ctx) {
  const {h} = ctx
  const share = data.made > 0 ? Math.round((data.kept / data.made) * 100) : 0
  return ctx.layout('base', {
    title: 'Actions',
    description: 'Promises to do better that are still open, oldest first.',
    url: '/actions/',
    main: [
      h('h1', 'Actions'),
      h('p.lead', [
        `${data.open.length} open ${data.open.length === 1 ? 'commitment' : 'commitments'}`,
        data.overdue > 0 ? `, ${data.overdue} overdue` : '',
        `. ${data.kept} of ${data.made} kept (${share}%).`
      ]),
      h('section', {'aria-labelledby': 'open-heading'}, [
        h('h2#open-heading', 'Still open'),
        data.open.length > 0
          ? h(
              'ul.commitments',
              data.open.map((c) => commitmentItem(ctx, c, true))
            )
          : h('p', 'Nothing open: every commitment is kept.')
      ]),
      h('section', {'aria-labelledby': 'kept-heading'}, [h('h2#kept-heading', 'Kept over time'), chartFigure(ctx, data.chart)])
    ]
  })
}
