import {chartFigure} from './parts.js'

/**
 * Growth over time: six charts drawn at build time, each with its numbers as a table.
 * @param {import('bounceback').GrowthPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function growth(data, ctx) {
  const {h} = ctx
  return ctx.layout('base', {
    title: 'Growth',
    description: `Failing better over time: entries, outcomes, causes, lessons, commitments and money, per ${data.period}.`,
    url: '/growth/',
    main: [
      h('h1', 'Growth'),
      h('p.lead', `Am I failing better over time? Each chart counts by calendar ${data.period}.`),
      ...data.charts.map((chart) => chartFigure(ctx, chart))
    ]
  })
}
