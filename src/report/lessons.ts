import {themeRecord, type LessonTheme} from '../pipeline/aggregate/themes.js'
import type {LessonCandidates} from '../pipeline/aggregate/lesson-candidates.js'
import {printable} from './printable.js'

/** Lesson themes as terminal text, recurring first: a pure function from data to text, printable whatever the entries hold. */
export function formatLessons(themes: readonly LessonTheme[], options: {color?: boolean} = {}): string {
  const bold = (text: string) => (options.color ? `\u001B[1m${text}\u001B[22m` : text)
  const dim = (text: string) => (options.color ? `\u001B[2m${text}\u001B[22m` : text)
  const recurring = themes.filter((t) => t.recurring)
  const once = themes.filter((t) => !t.recurring)
  const lines: string[] = []
  const section = (title: string, list: readonly LessonTheme[]) => {
    lines.push(bold(`${title} (${list.length})`))
    const width = Math.max(0, ...list.map((t) => `${t.count}×`.length))
    for (const t of list) {
      const dates = t.first === t.last ? t.first : `${t.first} → ${t.last}`
      lines.push(`  ${`${t.count}×`.padStart(width)}  ${printable(t.text)}  ${dim(printable(`${dates}  /lessons/${t.id}/`))}`)
      if (t.recurring) for (const o of t.occurrences) lines.push(dim(`  ${' '.repeat(width)}    ${printable(`${o.date}  ${o.entryTitle}`)}`))
    }
    lines.push('')
  }
  section('Recurring lessons', recurring)
  section('Learned once', once)
  lines.push(`${themes.length} lesson themes, ${recurring.length} recurring`)
  return lines.join('\n')
}

/** The same themes as plain data, in the shape of `data.json`'s `lessons` (URLs without `base`). */
export function lessonsJson(themes: readonly LessonTheme[]): string {
  return JSON.stringify(
    themes.map((t) => themeRecord(t, t.url)),
    null,
    2
  )
}

/** `lessons --suggest`: tags to add and likely pairs, best first, each with its file and line. */
export function formatCandidates(candidates: LessonCandidates, options: {color?: boolean} = {}): string {
  const bold = (text: string) => (options.color ? `\u001B[1m${text}\u001B[22m` : text)
  const dim = (text: string) => (options.color ? `\u001B[2m${text}\u001B[22m` : text)
  const lines = [bold(`Tags to add (${candidates.tags.length})`)]
  for (const t of candidates.tags) {
    lines.push(`  ${t.score.toFixed(2)}  ${printable(`${t.file}:${t.line}  ${t.text}`)}`)
    lines.push(dim(`        add #${printable(t.tag)} (${t.count} ${t.count === 1 ? 'lesson' : 'lessons'}, e.g. “${printable(t.example)}”)`))
  }
  lines.push('', bold(`Likely the same lesson (${candidates.pairs.length})`))
  for (const p of candidates.pairs) {
    const [a, b] = p.lessons
    lines.push(`  ${p.score.toFixed(2)}  ${printable(`${a.file}:${a.line}  ${a.text}`)}`)
    lines.push(`        ${printable(`${b.file}:${b.line}  ${b.text}`)}`)
  }
  lines.push('', dim('Give lessons that say the same thing one #hashtag: they become one theme.'))
  return lines.join('\n')
}
