import type {Diagnostic, Entry, EntryResult} from '../../types.js'
import {relatedEntries} from './related.js'
import type {AggregateOptions, Site} from './site.js'
import type {Tag} from './tags.js'
import type {LessonTheme} from './themes.js'

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

  private lastRelated: {input: string; themes: readonly LessonTheme[]; related: Map<string, string[]>} | undefined

  /**
   * Related entries, found again only when the order of entries, a tag's entries or a theme
   * changed (a theme is a new object whenever anything in it changed): a save that changes an
   * entry's outcome or cost, say, keeps them.
   */
  related(entries: readonly Entry[], tags: readonly Tag[], themes: readonly LessonTheme[]): Map<string, string[]> {
    const input = JSON.stringify([entries.map((e) => e.slug), tags.map((t) => t.entries)])
    const last = this.lastRelated
    if (last?.input === input && last.themes.length === themes.length && themes.every((t, i) => t === last.themes[i])) return last.related
    const related = relatedEntries(entries, tags, themes)
    this.lastRelated = {input, themes, related}
    return related
  }

  keep(results: readonly Read[], options: AggregateOptions, site: Site, duplicates: Diagnostic[]): void {
    this.last = {options, byFile: new Map(results.map((r) => [r.file, {entry: r.entry, inputs: inputsOf(r)}])), site, duplicates}
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

function sameOptions(a: AggregateOptions, b: AggregateOptions): boolean {
  const [x, y] = [a.grouping, b.grouping]
  return (
    a.info === b.info &&
    a.today === b.today &&
    a.suggest === b.suggest &&
    x?.threshold === y?.threshold &&
    x?.maxPostings === y?.maxPostings &&
    x?.lexicon === y?.lexicon &&
    x?.vectors === y?.vectors &&
    x?.similarity === y?.similarity
  )
}
