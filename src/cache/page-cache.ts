import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {readCacheFile} from './read-cache-file.js'
import {saveJson} from './save-json.js'
import {outputStamp} from '../folders/output-stamp.js'
import {toolVersion} from '../config/version.js'

const format = 'bounceback-page-cache'
const fileName = 'pages.json'

/** One page as the previous build wrote it: what it was made from, and its size in bytes. */
export interface PageRecord {
  key: string
  size: number
}

/**
 * What the previous build rendered, so that a page made from the same data, by the same theme,
 * with the same settings, on the same day, is taken from the previous output instead of being
 * rendered again. The record is tied to one output folder (its identity on disk, which every
 * build and every write of `watch` changes: see `outputStamp`), so output written by `watch`,
 * by `--no-cache` or by any other build makes it useless, never wrong.
 */
export class PageCache {
  private constructor(
    private readonly file: string,
    readonly salt: string,
    private readonly pages: Map<string, PageRecord>,
    /** The previous build's site key and every file it wrote, with its size. */
    private readonly last?: {site: string; files: [string, number][]}
  ) {}

  /** Read the record in `dir`; one that is corrupt, foreign or made for another output is ignored. */
  static async load(dir: string, outDir: string, salt: string): Promise<PageCache> {
    const file = path.join(dir, fileName)
    const pages = new Map<string, PageRecord>()
    let last: {site: string; files: [string, number][]} | undefined
    try {
      const data = JSON.parse((await readCacheFile(file)) ?? 'null') as Record<string, unknown>
      const stamp = await outputStamp(outDir)
      if (
        data.format === format &&
        data.version === toolVersion &&
        data.salt === salt &&
        stamp !== undefined &&
        data.stamp === stamp &&
        isRecordMap(data.pages)
      ) {
        for (const [page, [key, size]] of Object.entries(data.pages)) pages.set(page, {key, size})
        if (typeof data.site === 'string' && isFileList(data.files)) last = {site: data.site, files: data.files}
      }
    } catch {
      // Nothing to reuse: every page is rendered.
    }
    return new PageCache(file, salt, pages, last)
  }

  previous(page: string): PageRecord | undefined {
    return this.pages.get(page)
  }

  /** Every file the previous build recorded (the search index aside), by its key. */
  keys(): Map<string, string> {
    return new Map([...this.pages].map(([page, record]) => [page, record.key]))
  }

  /**
   * Every file (and its size) the previous build wrote, when it was made from the same site: the
   * same site key (see `siteKey`), in the output folder there is now. Nothing then needs making.
   */
  sameSite(site: string): readonly [string, number][] | undefined {
    return this.last?.site === site ? this.last.files : undefined
  }

  /**
   * Whether the record knows every file the previous build wrote into the output folder there is
   * now: then a build moves only what changed into that folder (see `updateOutput`).
   */
  knowsOutput(): boolean {
    return this.last !== undefined
  }

  /**
   * Record the pages of the output folder just written, the site they were made from, and every
   * file with its size. A record that cannot be written is skipped.
   */
  async save(stamp: string | undefined, pages: ReadonlyMap<string, PageRecord>, written?: {site: string; files: [string, number][]}): Promise<void> {
    if (stamp === undefined) return this.forget()
    const data = {
      format,
      version: toolVersion,
      salt: this.salt,
      stamp,
      pages: Object.fromEntries([...pages].map(([page, r]) => [page, [r.key, r.size]])),
      ...written
    }
    await saveJson(this.file, data)
  }

  /** The output no longer matches any record: remove it. */
  async forget(): Promise<void> {
    await fs.rm(this.file, {force: true}).catch(() => undefined)
  }
}

/** What, besides a page's own data, shapes every page: settings, the theme's files, the date. */
export function pageSalt(parts: {config: string; theme: string; site: unknown; today: string}): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex')
}

/**
 * What the whole site is made from: the salt every page depends on, the settings (lesson
 * grouping included), the shards of the search index, and each published entry by its cache key.
 * `undefined` when some entry has no key (read without the cache).
 */
export function siteKey(salt: string, settings: unknown, entryKeys: readonly (string | undefined)[]): string | undefined {
  if (entryKeys.some((key) => key === undefined)) return undefined
  const hash = createHash('sha1')
    .update(salt)
    .update('\u0000')
    .update(JSON.stringify(settings, (_, v: unknown) => (typeof v === 'function' ? String(v) : v)))
  for (const key of entryKeys) hash.update('\u0000').update(key!)
  return hash.digest('hex')
}

/** `[text, number]`: a page's key and size, or a file's path and size. */
function isPair(value: unknown): value is [string, number] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'number'
}

function isFileList(value: unknown): value is [string, number][] {
  return Array.isArray(value) && value.every(isPair)
}

function isRecordMap(value: unknown): value is Record<string, [string, number]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  return Object.values(value).every(isPair)
}
