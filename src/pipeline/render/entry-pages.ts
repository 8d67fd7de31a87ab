import type {Commitment} from '../aggregate/commitments.js'
import type {Site} from '../aggregate/site.js'
import type {LessonTheme} from '../aggregate/themes.js'
import type {Entry} from '../../types.js'
import type {EntryLesson, PageDataByKind} from './page-data.js'
import type {Page} from './pages.js'
import {pathOf} from './paginate.js'
import {sameItems, type Occurrence, type Occurrences, type PlanMemo} from './plan-memo.js'

/** An entry page names at most this many other entries per lesson; the theme page has all. */
const maxAlsoIn = 5

/**
 * Every entry's page, newest first. A page is made from its entry, the entries beside it, its
 * related entries, and for each lesson its theme and the entries nearest in time in that theme.
 * When every one of those is the same object as when the page was last made (and the date is
 * the same: commitments fall overdue), the page made then is the page now: watch, after a save,
 * makes only the pages of the entries the save touched.
 */
export function entryPages(site: Site, memo: PlanMemo, commitmentsOf: ReadonlyMap<string, Commitment[]>): Page<'entry'>[] {
  const last = memo.lastEntryPages
  // The same themes and related entries as last time, for as many entries (watch, after a save
  // that changed only prose: see aggregate/site-memo.ts): a page is kept when it and its
  // neighbours are the same entries and it names none of the entries replaced.
  const replaced =
    last?.themes === site.themes && last.related === site.related && last.today === site.today && last.entries.length === site.entries.length
      ? new Set(last.entries.filter((entry, i) => site.entries[i] !== entry))
      : undefined
  const unchanged = (i: number) => i < 0 || i >= site.entries.length || site.entries[i] === last!.entries[i]
  let make: ((entry: Entry, i: number) => Page<'entry'>) | undefined
  const pages = site.entries.map((entry, i) => {
    if (replaced && unchanged(i - 1) && unchanged(i) && unchanged(i + 1)) {
      const page = last!.pages[i]!
      const made = memo.entryPages.get(page.path)
      if (made?.page === page && (replaced.size === 0 || !made.inputs.some((input) => replaced.has(input as Entry)))) return page
    }
    make ??= pageMaker(site, memo, commitmentsOf)
    return make(entry, i)
  })
  memo.lastEntryPages = {entries: site.entries, themes: site.themes, related: site.related, today: site.today, pages}
  return pages
}

/** Makes an entry's page, or gives the one made before from the same objects. */
function pageMaker(site: Site, memo: PlanMemo, commitmentsOf: ReadonlyMap<string, Commitment[]>): (entry: Entry, i: number) => Page<'entry'> {
  const bySlug = new Map(site.entries.map((e) => [e.slug, e]))
  const themesOf = memo.occurrences(site.themes, occurrencesBySlug)
  const card = (entry: Entry) => memo.cards.card(entry)
  return (entry, i) => {
    const newer = site.entries[i - 1]
    const older = site.entries[i + 1]
    const related = (site.related.get(entry.slug) ?? []).map((slug) => bySlug.get(slug)!)
    const lessons = entry.lessons.map((lesson) => {
      const {theme, index} = findOccurrence(themesOf.get(entry.slug), lesson.text)
      const others = nearest(memo, theme, index)
      return {theme, others, entries: others.slugs.map((slug) => bySlug.get(slug)!)}
    })
    const inputs: unknown[] = [site.today, entry, newer, older, related.length, ...related]
    for (const lesson of lessons) inputs.push(lesson.theme, lesson.others, ...lesson.entries)
    const path = pathOf(entry.url)
    const kept = memo.entryPages.get(path)
    if (kept && sameItems(kept.inputs, inputs)) return kept.page
    const data: PageDataByKind['entry'] = {
      entry,
      lessons: entry.lessons.map(
        (lesson, n): EntryLesson => ({
          text: lesson.text,
          hashtags: lesson.hashtags,
          theme: themeSummary(lessons[n]!.theme),
          alsoIn: lessons[n]!.entries.map(card),
          alsoInMore: lessons[n]!.others.more
        })
      ),
      commitments: commitmentsOf.get(entry.slug) ?? [],
      related: related.map(card)
    }
    if (older) data.previous = card(older)
    if (newer) data.next = card(newer)
    const page: Page<'entry'> = {kind: 'entry', url: entry.url, path, data}
    memo.entryPages.set(path, {inputs, page})
    return page
  }
}

function themeSummary(theme: LessonTheme): EntryLesson['theme'] {
  return {id: theme.id, url: theme.url, text: theme.text, recurring: theme.recurring, count: theme.count, entryCount: theme.entryCount}
}

/** Each entry's lessons among the themes: the theme, and where in it, with the lesson's text. */
function occurrencesBySlug(themes: readonly LessonTheme[]): Occurrences {
  const bySlug: Occurrences = new Map()
  for (const theme of themes) {
    theme.occurrences.forEach((o, index) => {
      const list = bySlug.get(o.entry)
      if (list) list.push({theme, index, text: o.text})
      else bySlug.set(o.entry, [{theme, index, text: o.text}])
    })
  }
  return bySlug
}

/** The occurrence of a lesson's text among an entry's: the last one, when an entry says the same lesson twice. */
function findOccurrence(list: readonly Occurrence[] | undefined, text: string): {theme: LessonTheme; index: number} {
  const found = list?.findLast((o) => o.text === text)
  if (!found) throw new Error(`No lesson theme holds the lesson "${text}"`)
  return found
}

/**
 * The other entries of a theme nearest in time to the occurrence at `index`, and how many are
 * left out. Occurrences are oldest first, so the nearest lie on either side of it. Kept by theme:
 * a theme is a new object whenever anything in it changed.
 */
function nearest(memo: PlanMemo, theme: LessonTheme, index: number): {slugs: string[]; more: number} {
  let byIndex = memo.nearest.get(theme)
  if (!byIndex) memo.nearest.set(theme, (byIndex = new Map()))
  const kept = byIndex.get(index)
  if (kept) return kept
  const occurrences = theme.occurrences
  const self = occurrences[index]!.entry
  const slugs: string[] = []
  const seen = new Set([self])
  const times = timesOf(memo, theme)
  const at = times[index]!
  let left = index - 1
  let right = index + 1
  while (slugs.length < maxAlsoIn && (left >= 0 || right < occurrences.length)) {
    const takeLeft = right >= occurrences.length || (left >= 0 && at - times[left]! <= times[right]! - at)
    const i = takeLeft ? left-- : right++
    const slug = occurrences[i]!.entry
    if (!seen.has(slug)) {
      seen.add(slug)
      slugs.push(slug)
    }
  }
  const found = {slugs, more: Math.max(0, theme.entryCount - 1 - slugs.length)}
  byIndex.set(index, found)
  return found
}

/** Each occurrence's date as a number, worked out once per theme. */
function timesOf(memo: PlanMemo, theme: LessonTheme): number[] {
  let times = memo.themeTimes.get(theme)
  if (!times) memo.themeTimes.set(theme, (times = theme.occurrences.map((o) => Date.parse(o.date))))
  return times
}
