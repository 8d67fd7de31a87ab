import type {SiteInfo} from '../config/types.js'
import type {Diagnostic, Entry, EntryResult} from '../types.js'

/** The whole site as later stages see it: published entries newest first. */
export interface Site {
  info: SiteInfo
  /** Published entries (drafts left out), newest first. */
  entries: Entry[]
  /** Every entry that was read, drafts included, in the same order. */
  all: Entry[]
}

export interface Aggregated {
  site: Site
  /** Problems only visible across entries, such as two entries with one slug. */
  messages: Diagnostic[]
}

/** A pure function of the entries: no I/O, and the same order whatever order they came in. */
export function aggregate(results: readonly EntryResult[], info: SiteInfo): Aggregated {
  const withEntry = results.filter((r): r is EntryResult & {entry: Entry} => r.entry !== undefined)
  const all = withEntry.map((r) => r.entry).sort(newestFirst)
  const messages = duplicateSlugs(withEntry)
  return {site: {info, entries: all.filter((e) => !e.meta.draft), all}, messages}
}

export function newestFirst(a: Entry, b: Entry): number {
  return compare(b.meta.date, a.meta.date) || compare(a.meta.title, b.meta.title) || compare(a.slug, b.slug) || compare(a.source, b.source)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

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
      const others = files.filter((f) => f !== file).map((f) => `\`${f}\``).join(', ')
      messages.push({file, line: 1, column: 1, severity: 'error', ruleId: 'slug/duplicate', message: `Unexpected duplicate slug \`${slug}\`, also made by ${others}: rename one of the files`})
    }
  }
  return messages
}
