import type {ElementContent, Root as HastRoot} from 'hast'
import type {h} from 'hastscript'
import type {Commitment} from '../aggregate/commitments.js'
import type {LessonTheme} from '../aggregate/themes.js'
import type {Tag} from '../aggregate/tags.js'
import type {SiteInfo} from '../../config/types.js'
import type {Entry, Outcome} from '../../types.js'
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
  entries: EntryCard[]
  summary: SiteSummary
  /** Entries whose `revisit` date has come, earliest first. */
  revisitDue: EntryCard[]
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
}

export interface GrowthPageData {
  /** What each chart counts by: calendar quarters, or years when the entries span a decade or more. */
  period: 'quarter' | 'year'
  charts: Chart[]
}

export interface ActionsPageData {
  /** Oldest first. */
  open: Commitment[]
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
  entries: EntryCard[]
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
  /** The page's main holds a search box of its own: the header leaves its box out. */
  searchInMain?: boolean
}

export interface PageDataByKind {
  base: BasePageData
  home: HomePageData
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
