import type {SiteInfo} from '../../config/types.js'
import type {Diagnostic, Entry, EntryResult, Severity} from '../../types.js'
import {similarLessons} from './similar-lessons.js'
import type {SiteMemo} from './site-memo.js'
import {collectCommitments, openCommitments, type Commitment} from './commitments.js'
import type {GroupingOptions} from './group-lessons.js'
import {computeGrowth, type Growth} from './growth.js'
import {relatedEntries} from './related.js'
import {collectTags, type Tag} from './tags.js'
import {lessonThemes, type LessonTheme} from './themes.js'

/** The whole site as later stages see it. Everything is computed from published entries. */
export interface Site {
  info: SiteInfo
  /** The date the site was built for, `YYYY-MM-DD`: what "overdue" and "due" compare with. */
  today: string
  /** Published entries (drafts left out), newest first. */
  entries: Entry[]
  /** Every entry that was read, drafts included, in the same order. */
  all: Entry[]
  themes: LessonTheme[]
  /** Every commitment, oldest first. */
  commitments: Commitment[]
  /** Open commitments, oldest first. */
  open: Commitment[]
  growth: Growth
  tags: Tag[]
  /** Slugs of related entries, by entry slug. */
  related: Map<string, string[]>
  /** Entries whose `revisit` date has come, earliest first. */
  revisitDue: Entry[]
}

export interface AggregateOptions {
  info: SiteInfo
  today: string
  grouping?: GroupingOptions
  /** Suggest hashtags for untagged lessons (`lessons/similar`), at this severity. */
  suggest?: Severity
  /** The last site aggregated, kept by the engine (watch): see site-memo.ts. */
  memo?: SiteMemo
}

export interface Aggregated {
  site: Site
  /** Problems only visible across entries, such as two entries with one slug. */
  messages: Diagnostic[]
}

/** A pure function of the entries: no I/O, and the same result whatever order they came in. */
export function aggregate(results: readonly EntryResult[], options: AggregateOptions): Aggregated {
  const withEntry = results.filter((r): r is EntryResult & {entry: Entry} => r.entry !== undefined)
  const kept = options.memo?.reuse(withEntry, options)
  const site = kept?.site ?? siteOf(withEntry, options)
  const duplicates = kept?.duplicates ?? duplicateSlugs(withEntry)
  if (!kept) options.memo?.keep(withEntry, options, site, duplicates)
  const messages = [...duplicates]
  if (options.suggest) {
    const {suggest, grouping, memo} = options
    messages.push(...(memo ? memo.suggestions(withEntry, suggest, grouping) : similarLessons(withEntry, suggest, grouping)))
  }
  return {site, messages}
}

function siteOf(withEntry: readonly (EntryResult & {entry: Entry})[], options: AggregateOptions): Site {
  const all = withEntry.map((r) => r.entry).sort(newestFirst)
  const entries = all.filter((e) => !e.meta.draft)
  const themes = options.memo ? options.memo.themes(entries, options.grouping) : lessonThemes(entries, options.grouping)
  const commitments = collectCommitments(entries, options.today)
  const tags = collectTags(entries, themes)
  return {
    info: options.info,
    today: options.today,
    entries,
    all,
    themes,
    commitments,
    open: openCommitments(commitments),
    growth: computeGrowth(entries, themes, commitments),
    tags,
    related: options.memo ? options.memo.related(entries, tags, themes) : relatedEntries(entries, tags, themes),
    revisitDue: entries
      .filter((e) => e.meta.revisit !== undefined && e.meta.revisit <= options.today)
      .sort((a, b) => (a.meta.revisit! < b.meta.revisit! ? -1 : 1))
  }
}

export function newestFirst(a: Entry, b: Entry): number {
  return compare(b.meta.date, a.meta.date) || compare(a.meta.title, b.meta.title) || compare(a.slug, b.slug) || compare(a.source, b.source)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** How many of the other files a duplicate slug's message names. */
const namedClashes = 3

function duplicateSlugs(results: readonly (EntryResult & {entry: Entry})[]): Diagnostic[] {
  const bySlug = new Map<string, string[]>()
  for (const r of results) {
    const files = bySlug.get(r.entry.slug) ?? []
    files.push(r.file)
    bySlug.set(r.entry.slug, files)
  }
  const messages: Diagnostic[] = []
  for (const [slug, files] of bySlug) {
    if (files.length < 2) continue
    files.sort()
    for (const file of files) {
      // A few names, not all: among hundreds of imported entries, every message naming every other file would be quadratic.
      const named = files
        .slice(0, namedClashes + 1)
        .filter((f) => f !== file)
        .slice(0, namedClashes)
        .map((f) => `\`${f}\``)
      const rest = files.length - 1 - named.length
      const list = rest > 0 ? `${named.join(', ')} and ${rest} other ${rest === 1 ? 'file' : 'files'}` : named.join(', ')
      messages.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'slug/duplicate',
        message: `Unexpected duplicate slug \`${slug}\`, also made by ${list}: rename one of the files`
      })
    }
  }
  return messages
}
