import type {Element} from 'hast'
import {select, selectAll} from 'hast-util-select'
import {toString as hastToString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {niceMax, renderChart} from '../src/pipeline/render/charts/svg.js'

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
})
