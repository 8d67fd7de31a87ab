const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * The years a post-mortem's dates may fall in: wide enough for any review a person writes,
 * narrow enough that a chart of them stays small (a typo such as `0224` is caught, not drawn).
 */
export const firstYear = 1900
export const lastYear = 2199

/** Why `text` is not a real `YYYY-MM-DD` calendar date, or `undefined` when it is one. */
export function dateProblem(text: string): string | undefined {
  const match = isoDate.exec(text)
  if (!match) return 'expected a date as `YYYY-MM-DD`'
  const year = Number(match[1])
  if (year < firstYear || year > lastYear) return `expected a year from ${firstYear} to ${lastYear}`
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12) return `there is no month ${match[2]}, expected a month from 01 to 12`
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) return `${monthNames[month - 1]} ${year} has ${days} days, expected a day from 01 to ${days}`
  return undefined
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** A UTC date for any year: `Date.UTC` reads years 0 to 99 as 1900 to 1999. */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date
}

/** Dates as written compare as strings; this is their human form, never shifted by a time zone. */
export function formatDate(date: string, lang = 'en'): string {
  const key = `${lang}\u0000${date}`
  let formatted = formattedDates.get(key)
  if (formatted === undefined) {
    formatted = formatUncached(date, lang)
    if (formattedDates.size > 100_000) formattedDates.clear()
    formattedDates.set(key, formatted)
  }
  return formatted
}

/** A site shows the same few thousand dates many times over. */
const formattedDates = new Map<string, string>()

function formatUncached(date: string, lang: string): string {
  const match = isoDate.exec(date)
  if (!match) return date
  const utc = utcDate(Number(match[1]), Number(match[2]), Number(match[3]))
  let format = formats.get(lang)
  if (!format) formats.set(lang, (format = new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'})))
  return format.format(utc)
}

/** Building a formatter costs far more than using one. */
const formats = new Map<string, Intl.DateTimeFormat>()

/** Today's date where the build runs, as `YYYY-MM-DD` in the local time zone. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
