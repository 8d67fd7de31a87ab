import type {Commitment} from '../aggregate/commitments.js'
import type {Growth} from '../aggregate/growth.js'
import type {Site} from '../aggregate/site.js'
import type {LessonTheme} from '../aggregate/themes.js'
import type {Chart} from './charts/chart.js'
import {growthCharts} from './charts/growth-charts.js'
import type {Entry} from '../../types.js'
import {CardCache} from './cards.js'
import type {DataRecords} from './data-json.js'
import {MadeFile} from './lazy-files.js'
import type {Page} from './pages.js'
import type {LastPlan} from './swapped-pages.js'
import type {OutputFile} from './theme.js'

/** A lesson among the themes: its theme, where in it, and the lesson's text. */
export interface Occurrence {
  theme: LessonTheme
  index: number
  text: string
}

/** Each entry's lessons among the themes, by slug. */
export type Occurrences = Map<string, Occurrence[]>

/** A page's key and what it was made from: the page itself, and its data as a flat list (see page-keys.ts). */
export interface KeptKey {
  page: Page
  salt: string
  leaves: unknown[] | undefined
  key: string
}

/**
 * What planning the site keeps between runs of one engine. Watch plans every page on every
 * save, and most pages are made from the same objects as last time: an entry is the same object
 * until its file changes, a lesson theme until a lesson in it changes. A page made from the same
 * objects is the same page, and keeps its key without being looked through again. Owned by one
 * engine, never module state.
 */
export class PlanMemo {
  readonly cards = new CardCache()
  /** Each entry's page, by output path, with the objects it was made from. */
  readonly entryPages = new Map<string, {inputs: unknown[]; page: Page<'entry'>}>()
  /** The entry pages last planned, and what they were planned from. */
  lastEntryPages:
    | {entries: readonly Entry[]; themes: readonly LessonTheme[]; related: ReadonlyMap<string, string[]>; today: string; pages: Page<'entry'>[]}
    | undefined
  /** Each theme's pages, for the page size they were cut with. */
  readonly lessonPages = new WeakMap<LessonTheme, {size: number; pages: Page<'lesson'>[]}>()
  /** The occurrences nearest in time to each occurrence of a theme, by its index. */
  readonly nearest = new WeakMap<LessonTheme, Map<number, {slugs: string[]; more: number}>>()
  /** Each occurrence's date as a number, by theme. */
  readonly themeTimes = new WeakMap<LessonTheme, number[]>()
  /** The other pages as last planned, by output path. */
  private readonly lists = new Map<string, Page>()
  /** Each page's key, by output path. */
  readonly keys = new Map<string, KeptKey>()
  /** The token of each object many pages show, once written out (see page-keys.ts). */
  readonly sharedTokens = new WeakMap<object, string>()

  private readonly assets = new WeakMap<OutputFile, MadeFile>()

  /** The site and pages planned last, when the engine runs again (see swapped-pages.ts). */
  lastPlan: LastPlan | undefined
  /** Set when some page's data has a shape the walk of swapped-pages.ts does not look through. */
  unwalkable = false

  /** Each record of `data.json` as written out, when the engine runs again (see data-json.ts). */
  readonly dataRecords: DataRecords | undefined

  /**
   * `lasting`: the engine runs again (watch), so what a later run compares with is kept: each
   * page's data as a flat list (see page-keys.ts), some 2.6 KB a page. A build that runs once
   * neither makes nor keeps it (18 MB at 5,000 entries, in a heap snapshot).
   */
  constructor(readonly options: {lasting: boolean} = {lasting: true}) {
    if (options.lasting) this.dataRecords = new Map()
  }

  /** A theme's asset, keyed by its bytes once: the theme is loaded once per engine, and watch plans the site on every save. */
  asset(asset: OutputFile): MadeFile {
    let file = this.assets.get(asset)
    if (!file) this.assets.set(asset, (file = new MadeFile(asset.path, () => asset.contents)))
    return file
  }

  private lastOccurrences: {themes: readonly LessonTheme[]; occurrences: Occurrences} | undefined

  /** Each entry's lessons among `themes`, found again only when the themes are a new list. */
  occurrences(themes: readonly LessonTheme[], find: (themes: readonly LessonTheme[]) => Occurrences): Occurrences {
    if (this.lastOccurrences?.themes !== themes) this.lastOccurrences = {themes, occurrences: find(themes)}
    return this.lastOccurrences.occurrences
  }

  private lastCommitments: {commitments: readonly Commitment[]; bySlug: Map<string, Commitment[]>} | undefined

  /** Each entry's commitments, by slug, gathered again only when the commitments are a new list. */
  commitmentsOf(commitments: readonly Commitment[]): Map<string, Commitment[]> {
    if (this.lastCommitments?.commitments === commitments) return this.lastCommitments.bySlug
    const bySlug = new Map<string, Commitment[]>()
    for (const c of commitments) {
      const list = bySlug.get(c.entry)
      if (list) list.push(c)
      else bySlug.set(c.entry, [c])
    }
    this.lastCommitments = {commitments, bySlug}
    return bySlug
  }

  private lastCharts: {growth: Growth; themes: readonly LessonTheme[]; lang: string; charts: Chart[]} | undefined

  /** The growth charts, made again only when the figures or themes they are drawn from are new objects. */
  charts(site: Site): Chart[] {
    const last = this.lastCharts
    if (last?.growth === site.growth && last.themes === site.themes && last.lang === site.info.lang) return last.charts
    const charts = growthCharts(site.growth, site.themes, site.info.lang)
    this.lastCharts = {growth: site.growth, themes: site.themes, lang: site.info.lang, charts}
    return charts
  }

  /**
   * The page planned last time at this path, when its data says the same as `page`'s down to
   * the same entries' cards and the same themes and tags (a list page is cut anew on every
   * save, but most lists hold what they held): a kept page keeps its key. Else `page`.
   */
  keep<P extends Page>(page: P): P {
    const kept = this.lists.get(page.path)
    if (kept?.kind === page.kind && sameValue(kept.data, page.data, 0)) return kept as P
    this.lists.set(page.path, page)
    return page
  }

  /** Forget the pages not planned this time (an entry removed, a list grown shorter). */
  sweep(planned: ReadonlySet<string>): void {
    for (const path of this.entryPages.keys()) if (!planned.has(path)) this.entryPages.delete(path)
    for (const path of this.keys.keys()) if (!planned.has(path)) this.keys.delete(path)
    for (const path of this.lists.keys()) if (!planned.has(path)) this.lists.delete(path)
  }
}

/** How deep `sameValue` looks before it gives up (and says not the same): a list page's data is shallow, its items kept objects. */
const maxDepth = 3

/** The same object, or arrays and plain objects holding the same values, down to `maxDepth`. */
function sameValue(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth === maxDepth) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i], depth + 1)) return false
    return true
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  for (const key of keys)
    if (!Object.hasOwn(b, key) || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1)) return false
  return true
}

/** The same values in the same order (NaN the same as NaN). */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false
  return true
}
