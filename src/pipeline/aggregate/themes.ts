import {slugify} from '../extract/slug.js'
import type {Entry} from '../../types.js'
import {groupLessons, type GroupingOptions} from './group-lessons.js'

/** One time a lesson was written down. */
export interface LessonOccurrence {
  entry: string
  entryTitle: string
  entryUrl: string
  date: string
  text: string
}

/** Lessons from one or more entries that say the same thing. */
export interface LessonTheme {
  /** Stable, URL-safe: the theme's most used hashtag, else its earliest wording. */
  id: string
  url: string
  /** The earliest wording. */
  text: string
  hashtags: string[]
  /** Seen in two or more entries: a lesson learned twice was not learned the first time. */
  recurring: boolean
  count: number
  entryCount: number
  first: string
  last: string
  /** Oldest first. */
  occurrences: LessonOccurrence[]
}

/**
 * Group the lessons of the given entries into themes. Occurrences are ordered oldest first, and
 * themes recurring first, then by how many entries they come from, then most recent.
 */
export function lessonThemes(entries: readonly Entry[], options?: GroupingOptions): LessonTheme[] {
  const chronological = [...entries].sort((a, b) => (a.meta.date < b.meta.date ? -1 : a.meta.date > b.meta.date ? 1 : a.slug < b.slug ? -1 : 1))
  const flat = chronological.flatMap((entry) => entry.lessons.map((lesson) => ({entry, lesson})))
  const groups = groupLessons(
    flat.map((f) => f.lesson),
    options
  )
  const members = new Map<number, typeof flat>()
  flat.forEach((item, i) => {
    const list = members.get(groups[i]!) ?? []
    list.push(item)
    members.set(groups[i]!, list)
  })

  const themes: Omit<LessonTheme, 'id' | 'url'>[] = []
  const preferredIds: string[] = []
  for (const items of members.values()) {
    const hashtagCounts = new Map<string, number>()
    for (const {lesson} of items) for (const tag of lesson.hashtags) hashtagCounts.set(tag, (hashtagCounts.get(tag) ?? 0) + 1)
    const hashtags = [...hashtagCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([tag]) => tag)
    const entryCount = new Set(items.map((i) => i.entry.slug)).size
    themes.push({
      text: items[0]!.lesson.text,
      hashtags,
      recurring: entryCount >= 2,
      count: items.length,
      entryCount,
      first: items[0]!.entry.meta.date,
      last: items.at(-1)!.entry.meta.date,
      occurrences: items.map(({entry, lesson}) => ({
        entry: entry.slug,
        entryTitle: entry.meta.title,
        entryUrl: entry.url,
        date: entry.meta.date,
        text: lesson.text
      }))
    })
    preferredIds.push(hashtags[0] ? slugify(hashtags[0]) : shortSlug(items[0]!.lesson.text))
  }

  const used = new Set<string>()
  // The next number to try after each base id: thousands of themes with one base stay linear.
  const next = new Map<string, number>()
  const withIds = themes.map((theme, i) => {
    const base = preferredIds[i] || 'lesson'
    let id = base
    let n = next.get(base) ?? 2
    while (used.has(id)) id = `${base}-${n++}`
    next.set(base, n)
    used.add(id)
    return {id, url: `/lessons/${id}/`, ...theme}
  })
  return withIds.sort(
    (a, b) =>
      Number(b.recurring) - Number(a.recurring) || b.entryCount - a.entryCount || (a.last < b.last ? 1 : a.last > b.last ? -1 : 0) || (a.id < b.id ? -1 : 1)
  )
}

/** A slug of at most six words, so theme URLs stay readable. */
function shortSlug(text: string): string {
  return slugify(text.split(/\s+/).slice(0, 6).join(' ')).slice(0, 60).replace(/-+$/, '')
}

/** A theme as plain data for other tools (`data.json`, `bounceback lessons --json`). */
export function themeRecord(t: LessonTheme, url: string) {
  return {
    id: t.id,
    url,
    text: t.text,
    hashtags: t.hashtags,
    recurring: t.recurring,
    count: t.count,
    first: t.first,
    last: t.last,
    occurrences: t.occurrences.map((o) => ({entry: o.entry, date: o.date, text: o.text}))
  }
}
