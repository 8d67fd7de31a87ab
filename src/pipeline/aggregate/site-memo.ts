import type {Diagnostic, Entry, EntryResult, Lesson, Severity} from '../../types.js'
import type {GroupingOptions} from './group-lessons.js'
import {relatedEntries} from './related.js'
import {similarLessons} from './similar-lessons.js'
import type {AggregateOptions, Site} from './site.js'
import type {Tag} from './tags.js'
import {lessonThemes, type LessonTheme} from './themes.js'

type Read = EntryResult & {entry: Entry}

interface LastRun {
  options: AggregateOptions
  /** Each file's entry, and what of it the site is made from. */
  byFile: Map<string, {entry: Entry; inputs: string}>
  site: Site
  /** The messages made from the files and slugs alone. */
  duplicates: Diagnostic[]
}

/**
 * The last site an engine aggregated, for watch, which aggregates after every save. Most saves
 * change an entry's prose and nothing the site is made from across entries (its date, title,
 * tags, lessons, commitments…): then the site is the last one with the new entry in its place,
 * and every theme, commitment, tag and growth figure is the same object as before, which lets
 * the pages made from them be kept too (see render/plan-memo.ts). Owned by one engine.
 */
export class SiteMemo {
  private last: LastRun | undefined

  /** The last site with these entries in it, when they differ from the last ones only in what no aggregate reads. */
  reuse(results: readonly Read[], options: AggregateOptions): {site: Site; duplicates: Diagnostic[]} | undefined {
    const last = this.last
    if (!last || !sameOptions(last.options, options) || results.length !== last.byFile.size) return undefined
    const swap = new Map<Entry, Entry>()
    for (const r of results) {
      const was = last.byFile.get(r.file)
      if (!was) return undefined
      if (was.entry !== r.entry) {
        if (inputsOf(r) !== was.inputs) return undefined
        swap.set(was.entry, r.entry)
      }
    }
    if (swap.size > 0) {
      for (const r of results) if (swap.has(last.byFile.get(r.file)!.entry)) last.byFile.get(r.file)!.entry = r.entry
      const swapped = (list: Entry[]) => list.map((entry) => swap.get(entry) ?? entry)
      last.site = {...last.site, entries: swapped(last.site.entries), all: swapped(last.site.all), revisitDue: swapped(last.site.revisitDue)}
    }
    return {site: last.site, duplicates: last.duplicates}
  }

  private lastThemes: {grouping: GroupingOptions | undefined; entries: readonly Entry[]; inputs: string[]; themes: LessonTheme[]} | undefined

  /**
   * Lesson themes, grouped again only when an entry's lessons, title, URL or date changed: a
   * save that leaves them keeps every theme the same object, so pages can tell. Grouped again,
   * a theme that says what it said (the same lessons of the same entries, with the same titles
   * and dates) is the same object as before: a new title makes new only the themes that name it.
   */
  themes(entries: readonly Entry[], grouping: GroupingOptions | undefined): LessonTheme[] {
    const last = this.lastThemes
    if (
      last &&
      sameGrouping(last.grouping, grouping) &&
      entries.length === last.entries.length &&
      entries.every((e, i) => e === last.entries[i] || this.themeInput(e) === last.inputs[i])
    ) {
      last.entries = [...entries]
      return [...last.themes]
    }
    const before = new Map(last?.themes.map((theme) => [theme.id, theme]))
    const themes = lessonThemes(entries, grouping).map((theme) => {
      const was = before.get(theme.id)
      return was && sameData(was, theme) ? was : theme
    })
    this.lastThemes = {grouping, entries: [...entries], inputs: entries.map((e) => this.themeInput(e)), themes}
    return [...themes]
  }

  private lastSuggestions:
    | {severity: Severity; grouping: GroupingOptions | undefined; files: string[]; lessons: (readonly Lesson[])[]; texts: string[]; messages: Diagnostic[]}
    | undefined

  /** `lessons/similar`'s suggestions, made again only when a lesson changed, its line included. */
  suggestions(results: readonly Read[], severity: Severity, grouping: GroupingOptions | undefined): Diagnostic[] {
    const last = this.lastSuggestions
    if (
      last?.severity === severity &&
      sameGrouping(last.grouping, grouping) &&
      last.files.length === results.length &&
      results.every((r, i) => r.file === last.files[i] && (r.entry.lessons === last.lessons[i] || this.lessonsText(r.entry.lessons) === last.texts[i]))
    )
      return [...last.messages]
    const messages = similarLessons(results, severity, grouping)
    this.lastSuggestions = {
      severity,
      grouping,
      files: results.map((r) => r.file),
      lessons: results.map((r) => r.entry.lessons),
      texts: results.map((r) => this.lessonsText(r.entry.lessons)),
      messages
    }
    return [...messages]
  }

  private lastRelated: {input: string; related: Map<string, string[]>} | undefined

  /**
   * Related entries, found again only when the order of entries, a tag's entries or a theme's
   * entries changed: they are all related entries are made from. A save that changes an entry's
   * outcome, or its title (which makes new themes, with the same entries in them), keeps them.
   */
  related(entries: readonly Entry[], tags: readonly Tag[], themes: readonly LessonTheme[]): Map<string, string[]> {
    const input = JSON.stringify([entries.map((e) => e.slug), tags.map((t) => t.entries), themes.map((t) => t.occurrences.map((o) => o.entry))])
    if (this.lastRelated?.input === input) return this.lastRelated.related
    const related = relatedEntries(entries, tags, themes)
    this.lastRelated = {input, related}
    return related
  }

  private readonly themeInputs = new WeakMap<Entry, string>()
  private readonly lessonTexts = new WeakMap<readonly Lesson[], string>()

  /** An entry's lessons written out, their lines included, once per list. */
  private lessonsText(lessons: readonly Lesson[]): string {
    let text = this.lessonTexts.get(lessons)
    if (text === undefined) this.lessonTexts.set(lessons, (text = JSON.stringify(lessons)))
    return text
  }

  /** What of an entry its lessons' themes are made from, written out once per entry object. */
  private themeInput(entry: Entry): string {
    let input = this.themeInputs.get(entry)
    if (input === undefined) this.themeInputs.set(entry, (input = themeInputOf(entry)))
    return input
  }

  keep(results: readonly Read[], options: AggregateOptions, site: Site, duplicates: Diagnostic[]): void {
    const was = this.last?.byFile
    const byFile = new Map<string, {entry: Entry; inputs: string}>()
    for (const r of results) {
      const kept = was?.get(r.file)
      byFile.set(r.file, {entry: r.entry, inputs: kept?.entry === r.entry ? kept.inputs : inputsOf(r)})
    }
    this.last = {options, byFile, site, duplicates}
  }
}

/**
 * What of an entry the site is made from: everything but its prose, summary and body, and the
 * lines its lessons and commitments stand on. A site holds entries only in `entries`, `all` and
 * `revisitDue`; everything else it holds is made from this.
 */
function inputsOf(r: Read): string {
  const {source, slug, url, meta, lessons, actions} = r.entry
  return JSON.stringify([r.file, source, slug, url, meta, lessons.map((l) => [l.text, l.hashtags]), actions.map(({line: _, ...action}) => action)])
}

/** What of an entry its lessons' themes are made from. */
const themeInputOf = (entry: Entry) =>
  JSON.stringify([entry.slug, entry.meta.title, entry.url, entry.meta.date, entry.lessons.map((l) => [l.text, l.hashtags])])

/** Plain data (objects, arrays, strings, numbers, booleans) that says the same, all the way down. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

function sameOptions(a: AggregateOptions, b: AggregateOptions): boolean {
  return a.info === b.info && a.today === b.today && a.suggest === b.suggest && sameGrouping(a.grouping, b.grouping)
}

function sameGrouping(x: GroupingOptions | undefined, y: GroupingOptions | undefined): boolean {
  return (
    x?.threshold === y?.threshold &&
    x?.maxPostings === y?.maxPostings &&
    x?.lexicon === y?.lexicon &&
    x?.vectors === y?.vectors &&
    x?.similarity === y?.similarity
  )
}
