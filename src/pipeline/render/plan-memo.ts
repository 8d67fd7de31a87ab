import type {Growth} from '../aggregate/growth.js'
import type {Site} from '../aggregate/site.js'
import type {LessonTheme} from '../aggregate/themes.js'
import type {Chart} from './charts/chart.js'
import {growthCharts} from './charts/growth-charts.js'
import {CardCache} from './cards.js'
import type {Page} from './pages.js'

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
  /** Each theme's pages, for the page size they were cut with. */
  readonly lessonPages = new WeakMap<LessonTheme, {size: number; pages: Page<'lesson'>[]}>()
  /** The occurrences nearest in time to each occurrence of a theme, by its index. */
  readonly nearest = new WeakMap<LessonTheme, Map<number, {slugs: string[]; more: number}>>()
  /** Each occurrence's date as a number, by theme. */
  readonly themeTimes = new WeakMap<LessonTheme, number[]>()
  /** Each page's key, by output path. */
  readonly keys = new Map<string, KeptKey>()
  /** The token of each object many pages show, once written out (see page-keys.ts). */
  readonly sharedTokens = new WeakMap<object, string>()

  private lastCharts: {growth: Growth; themes: readonly LessonTheme[]; lang: string; charts: Chart[]} | undefined

  /** The growth charts, made again only when the figures or themes they are drawn from are new objects. */
  charts(site: Site): Chart[] {
    const last = this.lastCharts
    if (last?.growth === site.growth && last.themes === site.themes && last.lang === site.info.lang) return last.charts
    const charts = growthCharts(site.growth, site.themes, site.info.lang)
    this.lastCharts = {growth: site.growth, themes: site.themes, lang: site.info.lang, charts}
    return charts
  }

  /** Forget the pages not planned this time (an entry removed, a list grown shorter), and the cards no page asked for. */
  sweep(planned: ReadonlySet<string>): void {
    for (const path of this.entryPages.keys()) if (!planned.has(path)) this.entryPages.delete(path)
    for (const path of this.keys.keys()) if (!planned.has(path)) this.keys.delete(path)
    this.cards.sweep()
  }
}
