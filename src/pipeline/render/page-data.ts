import type {ElementContent, Root as HastRoot} from 'hast'
import type {h} from 'hastscript'
import type {Commitment} from '../aggregate/commitments.js'
import type {PeriodFigures} from '../aggregate/growth-summary.js'
import type {Period} from '../aggregate/periods.js'
import type {LessonTheme} from '../aggregate/themes.js'
import type {Tag} from '../aggregate/tags.js'
import type {SiteInfo} from '../../config/types.js'
import type {Cause, Entry, Outcome} from '../../types.js'
import type {BodyNotes, NotedBody} from './body-notes.js'
import type {Chart} from './charts/chart.js'

/** What lists show of an entry. */
export interface EntryCard {
  slug: string
  title: string
  date: string
  url: string
  outcome?: Outcome
  tags: string[]
  summary: string
  revisit?: string
}

export interface SiteSummary {
  entries: number
  lessons: number
  themes: number
  recurring: number
  open: number
  overdue: number
}

export interface HomePageData {
  /** The newest entries: the first page of the archive. */
  entries: EntryCard[]
  summary: SiteSummary
  /** The first few entries whose `revisit` date has come, earliest first. */
  revisitDue: EntryCard[]
  /** How many are due in all: `/revisit/` lists them. */
  revisitTotal: number
  /** The pages of the archive, this one first. */
  pagination: Pagination
  /** Every year with entries, newest first. */
  years: YearLink[]
}

/** Where a page stands in a list split over several pages. */
export interface Pagination {
  /** From 1. */
  page: number
  pages: number
  /** The site-relative URL of every page of the list, in order: `/`, `/page/2/`… */
  urls: string[]
  /** The page before and after this one, when there is one. */
  previous?: string
  next?: string
}

/** A year's archive, with how many entries it holds. */
export interface YearLink {
  year: string
  url: string
  count: number
}

/**
 * A page of entries: the home page's later pages (`/page/2/`), a year's archive (`/2025/`), or
 * the entries due for a second look (`/revisit/`).
 */
export interface ArchivePageData {
  list: 'entries' | 'year' | 'revisit'
  /** The year, for a year's archive. */
  year?: string
  entries: EntryCard[]
  pagination: Pagination
  years: YearLink[]
}

/** One lesson of an entry, with the theme it belongs to. */
export interface EntryLesson {
  text: string
  hashtags: string[]
  theme: Pick<LessonTheme, 'id' | 'url' | 'text' | 'recurring' | 'count' | 'entryCount'>
  /** Up to five other entries with a lesson of the same theme, nearest in time first. */
  alsoIn: EntryCard[]
  /** How many more there are: the theme's page lists them all. */
  alsoInMore: number
}

export interface EntryPageData {
  entry: Entry
  /** The next older entry. */
  previous?: EntryCard
  /** The next newer entry. */
  next?: EntryCard
  lessons: EntryLesson[]
  commitments: Commitment[]
  related: EntryCard[]
}

export interface LessonsPageData {
  /** Recurring first. */
  themes: LessonTheme[]
}

export interface LessonThemePageData {
  theme: LessonTheme
  /** This page's share of the theme's occurrences, oldest first. */
  occurrences: LessonTheme['occurrences']
  pagination: Pagination
}

/** An entry behind the growth page's figures, with what they count of it. */
export interface GrowthEntry {
  card: EntryCard
  cause?: Cause
  /** Its commitments, and how many are done. */
  made: number
  kept: number
}

/** One of the two periods the growth page compares: its figures and the entries behind them. */
export interface GrowthPeriod extends Omit<PeriodFigures, 'entries'> {
  /** `Q3 2024`, `2024` or `2020s`. */
  label: string
  /** The id of the page's list of its entries, where its figures link to. */
  anchor: string
  /** Oldest first. */
  entries: GrowthEntry[]
}

export interface GrowthPageData {
  /** What each chart counts by: calendar quarters for up to four years, years up to forty, decades beyond. */
  period: Period
  /** The period of the latest entry, and the one before it. */
  latest?: GrowthPeriod
  previous?: GrowthPeriod
  /**
   * Recurring lesson themes as of the latest entry (`asOf`): written down again within the year
   * before it (`still`), or not for a year or more (`quiet`).
   */
  recurring: {asOf?: string; still: LessonTheme[]; quiet: LessonTheme[]}
  charts: Chart[]
}

export interface ActionsPageData {
  /** This page's open commitments: past their due date first (most overdue first), then by due date, then the rest oldest first. */
  open: Commitment[]
  /** Open commitments on every page. */
  openTotal: number
  pagination: Pagination
  overdue: number
  made: number
  kept: number
  /** The commitments chart: made and kept per quarter. */
  chart: Chart
}

export interface TagsPageData {
  tags: Tag[]
}

export interface TagPageData {
  tag: Tag
  /** This page's entries. */
  entries: EntryCard[]
  pagination: Pagination
  themes: LessonTheme[]
}

export type NotFoundPageData = Record<string, never>

/**
 * The search page: Pagefind's interface fills it in the browser. A large site's index comes in
 * shards: the main one at `/pagefind/`, and `indexes`, the site-relative URLs of the others, to
 * be merged into it (Pagefind's `mergeIndex`).
 */
export interface SearchPageData {
  indexes: string[]
}

/** What the `base` layout wraps around every page's own content. */
export interface BasePageData {
  title: string
  description: string
  /** The page's site-relative URL, such as `/2025/newsletter-launch/`. */
  url: string
  main: ElementContent[]
  /** For a page of a list: the head links its neighbours (`rel="prev"`, `rel="next"`). */
  pagination?: Pagination
  /** The page's main holds a search box of its own: the header leaves its box out. */
  searchInMain?: boolean
}

export interface PageDataByKind {
  base: BasePageData
  home: HomePageData
  archive: ArchivePageData
  entry: EntryPageData
  lessons: LessonsPageData
  lesson: LessonThemePageData
  growth: GrowthPageData
  actions: ActionsPageData
  tags: TagsPageData
  tag: TagPageData
  search: SearchPageData
  'not-found': NotFoundPageData
}

export type LayoutName = keyof PageDataByKind

/** Helpers every layout receives with its data. */
export interface LayoutContext {
  /** hastscript's `h`: build elements as trees, never as strings. */
  h: typeof h
  site: SiteInfo
  /** The date the site was built for, `YYYY-MM-DD`. */
  today: string
  /** Prefix a site-relative URL with the configured `base`. */
  url(path: string): string
  /** A date as words in the site's language, never shifted by a time zone. */
  formatDate(date: string): string
  /** A number as the site's language writes it (`14,480`); `{style: 'percent'}` writes a share from 0 to 1 as `50%`. */
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string
  /** The site-relative URL of a tag's page. */
  tagUrl(tag: string): string
  /** The absolute URL of a site path when the site's URL is known (`base` given as a URL), else the path with `base`. */
  absoluteUrl(path: string): string
  /**
   * An entry's body with notes where it writes each lesson and commitment (`lesson(i)` for
   * `entry.lessons[i]`, `commitment(i)` for `entry.actions[i]`), and which were found there.
   */
  bodyWithNotes(body: HastRoot, notes: BodyNotes): NotedBody
  /** Call another layout of the theme, such as `base`. */
  layout<K extends LayoutName>(name: K, data: PageDataByKind[K]): HastRoot
}

/** A layout is a function from page data to a hast tree. */
export type Layout<K extends LayoutName> = (data: PageDataByKind[K], context: LayoutContext) => HastRoot
