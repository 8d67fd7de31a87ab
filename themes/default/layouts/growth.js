import {growthAnswer, periodEntries} from './growth-answer.js'
import {chartFigure} from './parts.js'

/**
 * Growth over time: the answer in words first (the latest period against the one before, each
 * figure linking to the entries behind it), then charts drawn at build time, each with its numbers as a table.
 * @param {import('bounceback').GrowthPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function growth(data, ctx) {
  const {h} = ctx
  const periods = [data.latest, data.previous].filter((p) => p !== undefined)
  return ctx.layout('base', {
    title: 'Growth',
    description: `Failing better over time: failures, causes, commitments kept and recurring lessons, per ${data.period}.`,
    url: '/growth/',
    main: [
      h('h1', 'Growth'),
      h('p.lead', `Am I failing better over time? The latest ${data.period} against the one before, then every ${data.period} in charts.`),
      h('section', {ariaLabelledBy: 'answer-heading'}, growthAnswer(ctx, data)),
      h('section', {ariaLabelledBy: 'charts-heading'}, [
        h('h2#charts-heading', `Every ${data.period}`),
        ...data.charts.map((chart) => chartFigure(ctx, chart))
      ]),
      periods.length > 0
        ? h('section', {ariaLabelledBy: 'behind-heading'}, [
            h('h2#behind-heading', 'The entries behind the figures'),
            ...periods.map((p) => periodEntries(ctx, p))
          ])
        : ''
    ]
  })
}
