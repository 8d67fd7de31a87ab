import type {Element} from 'hast'

/** One named series of numbers, one per category. */
export interface Series {
  name: string
  values: number[]
}

/** Numbers for a chart: categories on the x axis (quarters or years), one or more series. */
export interface ChartData {
  id: string
  title: string
  /** A sentence saying what the chart shows, for people who cannot see it. */
  description: string
  categories: string[]
  series: Series[]
  kind: 'bars' | 'stacked' | 'lines'
  /** Unit for values in the table, such as `EUR`. */
  unit?: string
}

/** A chart ready for a layout: the SVG, and the same numbers as a table. */
export interface Chart extends ChartData {
  svg: Element
  table: Element
}
