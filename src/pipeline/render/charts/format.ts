/** Numbers as the site's language writes them: `14,480`, `50%`, `20K`. */
export interface NumberFormat {
  number(value: number): string
  /** A value from 0 to 100 as a percentage. */
  percent(value: number): string
  /** Short, for axis labels: `20K` from 10,000 up. */
  compact(value: number): string
}

const formats = new Map<string, NumberFormat>()

export function numberFormat(lang = 'en'): NumberFormat {
  let format = formats.get(lang)
  if (!format) {
    const plain = new Intl.NumberFormat(lang, {maximumFractionDigits: 1})
    const percent = new Intl.NumberFormat(lang, {style: 'percent', maximumFractionDigits: 0})
    const compact = new Intl.NumberFormat(lang, {notation: 'compact', maximumFractionDigits: 1})
    format = {
      number: (value) => plain.format(value),
      percent: (value) => percent.format(value / 100),
      compact: (value) => (Math.abs(value) >= 10_000 ? compact.format(value) : plain.format(value))
    }
    formats.set(lang, format)
  }
  return format
}

/** A round upper bound for the axis: 1, 2, 5, 10, 20, 50… and never 0. */
export function niceMax(value: number): number {
  if (value <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const factor of [1, 2, 5, 10]) if (value <= factor * power) return factor * power
  return 10 * power
}

/**
 * Ticks from 0 to a round maximum at or above `max`, at most six of them. With `whole`, every
 * tick is a whole number (counts have no half entries).
 */
export function axisTicks(max: number, whole: boolean): number[] {
  const top = whole ? Math.max(1, niceMax(Math.ceil(max))) : niceMax(max)
  const power = 10 ** Math.floor(Math.log10(top))
  let step = top
  for (const factor of [0.2, 0.5, 1, 2, 5]) {
    const candidate = factor * power
    if (whole && !Number.isInteger(candidate)) continue
    if (top / candidate <= 5 && Number.isInteger(Math.round((top / candidate) * 1e9) / 1e9)) {
      step = candidate
      break
    }
  }
  const ticks: number[] = []
  for (let n = 0; n * step <= top * (1 + 1e-9); n++) ticks.push(Math.round(n * step * 1e9) / 1e9)
  return ticks
}
