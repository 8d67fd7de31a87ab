import type {Element} from 'hast'

/** One named series of numbers, one per category; `null` where there is nothing to show. */
export interface Series {
  name: string
  values: (number | null)[]
  /** Its colour's name, such as `failed` (the outcome badges' colour); else its place. */
  key?: string
}

/** Numbers for a chart: categories on the x axis (quarters, years or decades), one or more series. */
export interface ChartData {
  id: string
  title: string
  /** A sentence saying what the chart shows, for people who cannot see it. */
  description: string
  categories: string[]
  series: Series[]
  /** `shares`: 100 % stacked bars, each category's series as shares of its total. */
  kind: 'bars' | 'stacked' | 'shares' | 'lines'
  /** Unit for values in the table, such as `EUR`. */
  unit?: string
  /** Values are percentages, from 0 to 100. */
  percent?: boolean
  /** Columns the table shows before the series', such as the counts a share is of. */
  columns?: Series[]
  /** The table's first heading: `Quarter`, `Year`… */
  categoryName?: string
}

/** A chart ready for a layout: the SVG, its legend and the same numbers as a table. */
export interface Chart {
  id: string
  title: string
  description: string
  kind: ChartData['kind'] | 'timeline'
  svg: Element
  table: Element
  /** The series' names beside their colours, as HTML (it stays readable on a phone). */
  legend?: Element
}

/** The class that gives a series its colour in the theme's stylesheet. */
export function seriesClass(series: Series, n: number): string {
  return `series-${series.key ?? n}`
}
