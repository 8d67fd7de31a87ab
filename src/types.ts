import type {Root as HastRoot} from 'hast'

export type {Cause, Cost, EntryMeta, Outcome} from './schema/field-table.js'
import type {EntryMeta} from './schema/field-table.js'

export interface Point {
  line: number
  column: number
}

/** `info`: a suggestion, below a warning: it fails nothing, not even `--max-warnings 0`. */
export type Severity = 'error' | 'warning' | 'info'

/** One problem in one file: plain data, safe to cache or send between threads. */
export interface Diagnostic {
  /** Path of the file, relative to the project root, with `/` separators. */
  file: string
  line: number
  column: number
  endLine?: number
  endColumn?: number
  severity: Severity
  message: string
  ruleId: string
}

/** A `##` section of an entry, recognised or not. */
export interface Section {
  /** The section id (`goal`, `lessons`…) or `null` for a heading of the writer's own. */
  id: string | null
  heading: string
  line: number
  empty: boolean
}

/** One lesson: a top-level list item (or paragraph) of the `lessons` section. */
export interface Lesson {
  /** Plain text, hashtags removed. */
  text: string
  /** Hashtags the writer put on it, lower-cased, without `#`. */
  hashtags: string[]
  line: number
}

/** One commitment: a task item of the `actions` section, or a row of a table there. */
export interface Action {
  /** Plain text, the `(due …)` marker removed. */
  text: string
  done: boolean
  /** `YYYY-MM-DD`, from an optional `(due YYYY-MM-DD)` or a table's Due column. */
  due?: string
  /** From a table's Owner column. */
  owner?: string
  /** From a table's Status column, as written. */
  status?: string
  line: number
}

/** Everything later stages need from one entry; the syntax tree is not kept. */
export interface Entry {
  /** The file's path and a digest of its bytes: what the entry is made from (see pipeline/entry-key.ts). */
  key: string
  /** Source path relative to the content folder, `/`-separated. */
  source: string
  slug: string
  /** Site-relative URL, always starting and ending with `/`. */
  url: string
  meta: EntryMeta
  sections: Section[]
  /** First sentence of the goal, as plain text. */
  summary: string
  lessons: Lesson[]
  actions: Action[]
  /** The rendered, sanitised body: a hast root holding one `raw` node with its HTML. */
  body: HastRoot
  /** Files of the content folder the body uses (images, PDFs…), copied into the output; absent when none. */
  assets?: EntryAsset[]
}

/** The result of the per-entry stages for one file. */
export interface EntryResult {
  /** Path relative to the project root, `/`-separated, for messages. */
  file: string
  messages: Diagnostic[]
  /** Missing when the file could not be read or parsed at all. */
  entry?: Entry
  /** Every file of the content folder the entry points at by a relative path, as found: a change to one reads the entry again. */
  uses?: FileUse[]
}

/** A file of the content folder an entry uses, and where it goes in the output. */
export interface EntryAsset {
  /** Relative to the content folder, `/`-separated. */
  source: string
  /** Relative to the output folder: `assets/files/<name>.<hash>.<ext>`. */
  output: string
  size: number
  /** SHA-1 of its bytes, hex. */
  hash: string
}

/** A file an entry points at, as it was when the entry was read (`size` -1: not there). */
export interface FileUse {
  /** Relative to the content folder, `/`-separated. */
  source: string
  size: number
  mtimeMs: number
}

/** A file to write into the output folder. */
export interface OutputFile {
  /** `/`-separated, relative to the output folder. */
  path: string
  contents: string | Uint8Array
  /** For a page: a digest of everything it was made from, when the page cache is in use. */
  key?: string
  /** The key is a digest of the bytes themselves: a new key is new bytes, with no need to compare them. */
  keyOfBytes?: true
  /**
   * Made from the whole site and read by no page (`data.json`, the feed, the sitemap): watch
   * writes it after the reload event, once the pages and the files they use are in place.
   */
  fromWholeSite?: true
  /**
   * Set when the same page, `size` bytes long, is in the previous output: it is linked from
   * there without comparing bytes, and `contents` is only read or rendered if that fails.
   */
  reuse?: {size: number}
}
