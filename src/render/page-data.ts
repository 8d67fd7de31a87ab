import type {ElementContent, Root as HastRoot} from 'hast'
import type {h} from 'hastscript'
import type {SiteInfo} from '../config/types.js'
import type {Entry, Outcome} from '../types.js'

/** What the home page lists of each entry. */
export interface EntryCard {
  title: string
  date: string
  url: string
  outcome?: Outcome
  tags: string[]
  summary: string
}

export interface HomePageData {
  entries: EntryCard[]
}

export interface EntryPageData {
  entry: Entry
  previous?: EntryCard
  next?: EntryCard
}

export type NotFoundPageData = Record<string, never>

/** What the `base` layout wraps around every page's own content. */
export interface BasePageData {
  title: string
  description: string
  /** The page's site-relative URL, such as `/2025/newsletter-launch/`. */
  url: string
  main: ElementContent[]
}

export interface PageDataByKind {
  base: BasePageData
  home: HomePageData
  entry: EntryPageData
  'not-found': NotFoundPageData
}

export type LayoutName = keyof PageDataByKind

/** Helpers every layout receives with its data. */
export interface LayoutContext {
  /** hastscript's `h`: build elements as trees, never as strings. */
  h: typeof h
  site: SiteInfo
  /** Prefix a site-relative URL with the configured `base`. */
  url(path: string): string
  /** A date as words in the site's language, never shifted by a time zone. */
  formatDate(date: string): string
  /** Call another layout of the theme, such as `base`. */
  layout<K extends LayoutName>(name: K, data: PageDataByKind[K]): HastRoot
}

/** A layout is a function from page data to a hast tree. */
export type Layout<K extends LayoutName> = (data: PageDataByKind[K], context: LayoutContext) => HastRoot
