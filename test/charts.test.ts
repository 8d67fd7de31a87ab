import type {Element} from 'hast'
import {select, selectAll} from 'hast-util-select'
import {toString as hastToString} from 'hast-util-to-string'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {axisTicks, niceMax} from '../src/pipeline/render/charts/format.js'
import {renderChart} from '../src/pipeline/render/charts/svg.js'
import {renderTimeline} from '../src/pipeline/render/charts/timeline.js'

const data = {
  id: 'chart-x',
  title: 'Outcomes per quarter',
  description: 'How entries turned out.',
  categories: ['2024-Q1', '2024-Q2', '2024-Q3'],
  series: [
    {name: 'Failed', values: [2, 0, 1]},
    {name: 'Succeeded', values: [1, 3, 0]}
  ]
}
const root = (element: Element) => ({type: 'root' as const, children: [element]})

describe('charts', () => {
  it('are SVG images with a title and a description that name them', () => {
    const chart = renderChart({...data, kind: 'stacked'})
    expect(chart.svg.properties).toMatchObject({role: 'img', ariaLabelledBy: ['chart-x-title', 'chart-x-desc']})
    expect(hastToString(select('title#chart-x-title', root(chart.svg))!)).toBe('Outcomes per quarter')
    expect(hastToString(select('desc#chart-x-desc', root(chart.svg))!)).toBe('How entries turned out.')
  })

  it('draw one bar per non-zero value, stacked to the total, each labelled with its number', () => {
    const chart = renderChart({...data, kind: 'stacked'})
    const bars = selectAll('g.marks rect', root(chart.svg))
    expect(bars).toHaveLength(4)
    expect(bars.map((bar) => hastToString(bar))).toEqual(['Q1 2024, Failed: 2', 'Q1 2024, Succeeded: 1', 'Q2 2024, Succeeded: 3', 'Q3 2024, Failed: 1'])
    // Axis max is 5 (the nice bound above 3); 3 units stacked in Q1 reach 3/5 of the plot height.
    const [first, second] = bars
    const height = (bar: Element) => Number(bar.properties.height)
    expect(height(second!) / height(first!)).toBeCloseTo(0.5, 1)
    expect(Number(first!.properties.y)).toBeCloseTo(Number(second!.properties.y) + height(second!), 0)
  })

  it('draw lines with one point per category', () => {
    const chart = renderChart({...data, kind: 'lines'})
    expect(selectAll('polyline', root(chart.svg))).toHaveLength(2)
    expect(selectAll('circle', root(chart.svg))).toHaveLength(6)
  })

  it('come with the same numbers as an accessible table', () => {
    const chart = renderChart({...data, kind: 'bars', unit: 'EUR'})
    const table = root(chart.table)
    expect(hastToString(select('caption', table)!)).toBe('Outcomes per quarter: the numbers')
    expect(selectAll('thead th', table).map((th) => [hastToString(th), th.properties.scope])).toEqual([
      ['Quarter', 'col'],
      ['Failed (EUR)', 'col'],
      ['Succeeded (EUR)', 'col']
    ])
    expect(selectAll('tbody tr', table).map((tr) => selectAll('th, td', tr).map((cell) => hastToString(cell)))).toEqual([
      ['Q1 2024', '2', '1'],
      ['Q2 2024', '0', '3'],
      ['Q3 2024', '1', '0']
    ])
  })

  it('round the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.4, 3, 7, 12, 14480].map(niceMax)).toEqual([1, 0.5, 5, 10, 20, 20000])
  })

  it('tick counts at whole numbers only, at most six ticks', () => {
    expect(axisTicks(1, true)).toEqual([0, 1])
    expect(axisTicks(2, true)).toEqual([0, 1, 2])
    expect(axisTicks(3, true)).toEqual([0, 1, 2, 3, 4, 5])
    expect(axisTicks(7, true)).toEqual([0, 2, 4, 6, 8, 10])
    expect(axisTicks(14480, true)).toEqual([0, 5000, 10000, 15000, 20000])
    expect(axisTicks(0.4, false)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5])
    const chart = renderChart({...data, kind: 'stacked'})
    expect(selectAll('g.tick text', root(chart.svg)).map((t) => hastToString(t))).toEqual(['0', '1', '2', '3', '4', '5'])
  })

  it('write numbers with thousands separators, and axis labels short', () => {
    const chart = renderChart({...data, kind: 'lines', series: [{name: 'Spent', values: [1200, 14480, 3000]}]}, 'en')
    expect(selectAll('tbody td', root(chart.table)).map((td) => hastToString(td))).toEqual(['1,200', '14,480', '3,000'])
    expect(selectAll('g.tick text', root(chart.svg)).map((t) => hastToString(t))).toEqual(['0', '5,000', '10K', '15K', '20K'])
    expect(hastToString(select('circle title', root(chart.svg))!)).toBe('Q1 2024, Spent: 1,200')
  })

  it('draw shares as 100 % stacked bars in the outcome badges’ colours, with counts and shares in the table', () => {
    const series = [
      {name: 'Failed', key: 'failed', values: [2, 0, 1]},
      {name: 'Succeeded', key: 'succeeded', values: [1, 3, 0]}
    ]
    const chart = renderChart({...data, kind: 'shares', series, columns: [{name: 'With an outcome', values: [3, 3, 1]}]})
    const bars = selectAll('g.marks rect', root(chart.svg))
    expect(bars.map((bar) => bar.properties.className)).toEqual([['series-failed'], ['series-succeeded'], ['series-succeeded'], ['series-failed']])
    expect(bars.map((bar) => hastToString(bar))).toEqual([
      'Q1 2024, Failed: 2 of 3 (67%)',
      'Q1 2024, Succeeded: 1 of 3 (33%)',
      'Q2 2024, Succeeded: 3 of 3 (100%)',
      'Q3 2024, Failed: 1 of 1 (100%)'
    ])
    // Every period's bar reaches the top: the shares add up to 100 %.
    const fullHeight = Number(bars[2]!.properties.height)
    expect(Number(bars[0]!.properties.height) + Number(bars[1]!.properties.height)).toBeCloseTo(fullHeight, 0)
    expect(Number(bars[3]!.properties.height)).toBeCloseTo(fullHeight, 0)
    expect(selectAll('g.tick text', root(chart.svg)).map((t) => hastToString(t))).toEqual(['0%', '25%', '50%', '75%', '100%'])
    expect(selectAll('tbody tr', root(chart.table)).map((tr) => selectAll('th, td', tr).map((cell) => hastToString(cell)))).toEqual([
      ['Q1 2024', '3', '2 (67%)', '1 (33%)'],
      ['Q2 2024', '3', '0 (0%)', '3 (100%)'],
      ['Q3 2024', '1', '1 (100%)', '0 (0%)']
    ])
    expect(selectAll('.chart-legend li', root(chart.legend!)).map((li) => [hastToString(li), select('.swatch', li)!.properties.className])).toEqual([
      ['Failed', ['swatch', 'series-failed']],
      ['Succeeded', ['swatch', 'series-succeeded']]
    ])
    const css = fs.readFileSync(path.join(import.meta.dirname, '..', 'themes', 'default', 'assets', 'style.css'), 'utf8')
    for (const outcome of ['failed', 'mixed', 'succeeded']) {
      expect(css).toContain(`.outcome-${outcome} { color: var(--${outcome}); }`)
      expect(css).toContain(`.series-${outcome} { --series: var(--${outcome}); }`)
    }
  })

  it('draw a rate as a line that breaks where a period has nothing to divide', () => {
    const chart = renderChart({...data, kind: 'lines', percent: true, series: [{name: 'Kept share', values: [50, null, 100]}]})
    expect(selectAll('polyline', root(chart.svg))).toHaveLength(0)
    expect(selectAll('circle', root(chart.svg)).map((c) => hastToString(c))).toEqual(['Q1 2024, Kept share: 50%', 'Q3 2024, Kept share: 100%'])
    expect(selectAll('tbody td', root(chart.table)).map((td) => hastToString(td))).toEqual(['50%', '–', '100%'])
    const empty = renderChart({...data, kind: 'shares', series: [{name: 'Failed', values: [0, 0, 1]}]})
    expect(selectAll('tbody td', root(empty.table)).map((td) => hastToString(td))).toEqual(['0', '0', '1 (100%)'])
    const joined = renderChart({...data, kind: 'lines', percent: true, series: [{name: 'Kept share', values: [50, 75, null]}]})
    expect(selectAll('polyline', root(joined.svg))).toHaveLength(1)
  })

  it('put each recurring lesson on a time line, a dot each time it was written down, in the period it falls in', () => {
    const chart = renderTimeline({
      id: 'chart-recurring',
      title: 'Recurring lessons over time',
      description: 'Each time.',
      period: 'quarter',
      categories: ['2024-Q1', '2024-Q2', '2024-Q3'],
      rows: [
        {label: 'Pad estimates.', dates: ['2024-01-01', '2024-09-30'], quiet: false},
        {label: 'Check the budget weekly, every single week, without fail.', dates: ['2024-01-01', '2024-02-15'], quiet: true}
      ]
    })
    const rows = selectAll('g.timeline-row', root(chart.svg))
    expect(rows.map((row) => [hastToString(select('text', row)!), selectAll('circle', row).length, row.properties.className])).toEqual([
      ['Pad estimates.', 2, ['timeline-row']],
      ['Check the budget weekly, every single w…', 2, ['timeline-row', 'is-quiet']]
    ])
    const xs = selectAll('circle', rows[0]!).map((c) => Number(c.properties.cx))
    const labels = selectAll('g.labels text', root(chart.svg)).map((t) => Number(t.properties.x))
    // The first dot sits at the start of Q1, the last at the end of Q3: around the Q1 and Q3 label centres.
    expect(xs[0]!).toBeLessThan(labels[0]!)
    expect(xs[1]!).toBeGreaterThan(labels[2]!)
    expect(selectAll('tbody tr', root(chart.table)).map((tr) => selectAll('th, td', tr).map((cell) => hastToString(cell)))).toEqual([
      ['Pad estimates.', '2', 'January 1, 2024', 'September 30, 2024', 'Still'],
      ['Check the budget weekly, every single week, without fail.', '2', 'January 1, 2024', 'February 15, 2024', 'Not for a year']
    ])
  })

  it('draws one larger dot for a period in which a lesson was written down many times, so a large site stays small', () => {
    const many = Array.from({length: 12}, (_, i) => `2024-04-${String(i + 1).padStart(2, '0')}`)
    const chart = renderTimeline({
      id: 'chart-recurring',
      title: 'Recurring lessons over time',
      description: 'Each time.',
      period: 'quarter',
      categories: ['2024-Q1', '2024-Q2'],
      rows: [{label: 'Pad estimates.', dates: ['2024-01-05', ...many], quiet: false}]
    })
    const circles = selectAll('circle', root(chart.svg))
    expect(circles.map((c) => hastToString(c))).toEqual(['Pad estimates.: January 5, 2024', 'Pad estimates.: 12 times, 2024-Q2'])
    expect(Number(circles[1]!.properties.r)).toBeGreaterThan(Number(circles[0]!.properties.r))
    // The table still counts every time.
    expect(selectAll('tbody td', root(chart.table)).map((td) => hastToString(td))[0]).toBe('13')
  })
})
