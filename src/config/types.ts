import type {SectionSpec} from './sections.js'
import type {PresetName} from './presets.js'
import type {FieldName} from '../schema/field-table.js'
import type {Places} from '../folders/places.js'

import type {Pluggable} from 'unified'

export type RuleLevel = 'off' | 'info' | 'warn' | 'error'
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>?]

/** What people write in `bounceback.config.*`. Every key is optional. */
export interface UserConfig {
  /** The site's title, shown in every page's header. */
  title?: string
  description?: string
  author?: string
  /** The site's language, for `<html lang>` and dates. */
  lang?: string
  /** Path prefix the site is served under, such as `/lessons/`, or the site's whole URL. */
  base?: string
  /** Entries per page of the home page and of every list of the site (archives, actions, tags, lesson themes); default 20. */
  pageSize?: number
  /** Folders, relative to the project root. */
  content?: string
  output?: string
  /** `'default'` or a folder path relative to the project root. */
  theme?: string
  /** Folder copied into the output as it is (`CNAME`, `robots.txt`, a logo), relative to the project root (default `public`). */
  public?: string
  /**
   * Replace the output folder even when it holds files bounceback did not write (by default
   * such a folder is refused). The root of the file system, system folders, the home folder,
   * the project and its content, theme and cache are refused all the same.
   */
  replaceOutput?: boolean
  /** The template entries are written in (default `'questions'`): its sections and where lessons, commitments and the summary are. */
  preset?: PresetName
  /** Replaces the preset's sections when given. */
  sections?: SectionSpec[]
  /**
   * Where each field is read from, first present wins: `{date: ['date', 'start_time'], title: ['title', 'company']}`.
   * A field's own name is always read first unless the list puts it elsewhere.
   */
  fields?: Partial<Record<FieldName, string | string[]>>
  rules?: Record<string, RuleSetting>
  /** Limits on what one entry may cost; an entry over a limit gets a message, not a page. */
  limits?: {
    /** Largest entry file, in bytes (default 1 MB). */
    fileSize?: number
    /** Largest frontmatter block, in bytes (default 64 KB). */
    frontmatterSize?: number
    /** Deepest nesting of block quotes and lists, and longest run of `*` or `_` (default 100 and 500). */
    nesting?: number
    emphasisRun?: number
    /** Longest an entry may take to read, in ms (default 10 s): then it is stopped. */
    timeBudget?: number
    /** Most memory one entry may take to read, in MB (default 512): then it is stopped. */
    memory?: number
    /** Largest image or file an entry links to, and file of the public folder, in bytes (default 20 MB). */
    assetSize?: number
  }
  /** unified plugins run on each entry's Markdown tree after parsing, before it is checked. */
  remarkPlugins?: Pluggable[]
  /** unified plugins run on each entry's HTML tree before it is sanitised. */
  rehypePlugins?: Pluggable[]
  /** How lessons are grouped into themes. */
  lessons?: {
    /** Weighted overlap of stems at which two lessons are one theme, from 0 to 1 (default 0.6). */
    threshold?: number
    /** More synonyms, one list per concept, added to the built-in ones. */
    synonyms?: string[][]
    /**
     * Sentence embeddings for lessons: given texts, their vectors (one per text, all one
     * length). Lessons whose vectors are close enough (cosine, `similarity`) are one theme too,
     * and closer ones are suggested. Vectors are cached by text, so a build asks only for new
     * wordings. bounceback downloads nothing: the function is yours (a local model, a service).
     */
    embed?: (texts: string[]) => Promise<number[][]> | number[][]
    /** Cosine similarity at which two lessons' vectors make one theme (default 0.85). */
    similarity?: number
  }
}

export interface ResolvedRule {
  level: RuleLevel
  options: Record<string, unknown>
}

export interface SiteInfo {
  readonly title: string
  readonly description: string
  readonly author: string
  readonly lang: string
  /** Always starts and ends with `/`. */
  readonly base: string
  /** The site's absolute URL when `base` was given as one (`https://…/lessons/`), else `''`. */
  readonly url: string
  /** Items per page of every list: the newest entries on the home page, archives, actions, tags, lesson themes. */
  readonly pageSize: number
}

/** The configuration every stage reads: defaults filled in, paths absolute. */
export interface ResolvedConfig {
  readonly root: string
  readonly contentDir: string
  readonly outDir: string
  readonly themeDir: string
  /** Copied into the output as it is; it need not exist. */
  readonly publicDir: string
  /** The package's own default theme, which fills in any layout a theme leaves out. */
  readonly defaultThemeDir: string
  readonly configFile: string | undefined
  /** Where per-entry results and page records are kept; `undefined` with the cache off. */
  readonly cacheDir: string | undefined
  /** Replace an output folder that holds files bounceback did not write. */
  readonly replaceOutput: boolean
  /** Every folder the output and cache must keep clear of, for the write stage's own checks. */
  readonly places: Readonly<Places>
  readonly site: SiteInfo
  readonly preset: PresetName
  readonly sections: readonly SectionSpec[]
  /** The section whose first sentence is an entry's summary when its frontmatter has none. */
  readonly summarySection: string
  /** For each field, the frontmatter keys it is read from, in order (its own name included). */
  readonly fields: Readonly<Record<FieldName, readonly string[]>>
  readonly rules: Readonly<Record<string, ResolvedRule>>
  readonly lessons: {
    readonly threshold: number
    readonly synonyms: readonly (readonly string[])[]
    readonly embed?: (texts: string[]) => Promise<number[][]> | number[][]
    readonly similarity: number
  }
  readonly limits: Readonly<Limits>
  readonly remarkPlugins: readonly Pluggable[]
  readonly rehypePlugins: readonly Pluggable[]
}

export interface Limits {
  fileSize: number
  frontmatterSize: number
  nesting: number
  emphasisRun: number
  timeBudget: number
  memory: number
  assetSize: number
}
