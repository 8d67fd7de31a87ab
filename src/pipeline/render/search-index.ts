import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {outputStamp} from '../../folders/output-stamp.js'
import {readCacheFile} from '../../cache/read-cache-file.js'
import {saveJson} from '../../cache/save-json.js'
import {mapLimit} from '../../map-limit.js'
import {knownSize, PreviousFile} from './lazy-files.js'
import {shardFolder, shardOf} from './search-shards.js'
import type {OutputFile} from './theme.js'

const marker = 'data-pagefind-body'

/**
 * The full-text search index, built by Pagefind (its binary comes with the npm package; nothing
 * is downloaded) from the rendered pages, in memory: the index files join the rest of the
 * output and are written with it, atomically. Only what a page marks `data-pagefind-body`
 * (entries and lesson themes in the default theme) is indexed.
 *
 * Pages are given to it in order while the rest of the build goes on: Pagefind runs in its own
 * process, so indexing overlaps rendering and writing. Requests are sent without waiting for the
 * one before (Pagefind answers them in the order sent, and the index is the same byte for byte),
 * at most `window` at once: `add` resolves when there is room for more.
 */
export class SearchIndexer {
  private readonly pending = new Set<Promise<void>>()
  private failure: Error | undefined

  private constructor(
    private readonly index: import('pagefind').PagefindIndex,
    private readonly window = 32
  ) {}

  /** A new index in Pagefind's process; `closePagefind` ends that process once all are done. */
  static async start(lang: string): Promise<SearchIndexer> {
    const pagefind = await import('pagefind')
    const {index, errors} = await pagefind.createIndex({forceLanguage: lang.split('-')[0]!})
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
    return new SearchIndexer(index)
  }

  /** Index one output file, if it is a page with a marked body. */
  async add(file: string, contents: string | Uint8Array): Promise<void> {
    if (!file.endsWith('.html') || this.failure) return
    const html = String(contents)
    // Pages without a marked body are not indexed: no need for Pagefind to read them.
    if (!html.includes(marker)) return
    const added = this.index.addHTMLFile({sourcePath: file, content: html}).then(
      (result) => {
        if (result.errors.length > 0) this.failure ??= new Error(`Pagefind could not index ${file}: ${result.errors.join('; ')}`)
      },
      (error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error))
      }
    )
    this.pending.add(added)
    void added.then(() => this.pending.delete(added))
    if (this.pending.size >= this.window) await Promise.race(this.pending)
  }

  /** The index's files, in `folder`, once every page given has been indexed. */
  async files(folder = shardFolder(0)): Promise<OutputFile[]> {
    await Promise.all(this.pending)
    if (this.failure) throw this.failure
    const {files, errors} = await this.index.getFiles()
    if (errors.length > 0) throw new Error(`Pagefind could not write its index: ${errors.join('; ')}`)
    return files.map((file) => ({path: `${folder}${file.path.replace(/\\/g, '/')}`, contents: file.content}))
  }

  async close(): Promise<void> {
    await Promise.all(this.pending)
    await this.index.deleteIndex().catch(() => undefined)
  }
}

/** End Pagefind's process (started by the first `SearchIndexer.start`). */
export async function closePagefind(): Promise<void> {
  const pagefind = await import('pagefind')
  await pagefind.close()
}

/** Index every page given, in order (`watch` uses it with pages it keeps in memory). */
export async function searchIndex(pages: readonly OutputFile[], lang: string): Promise<OutputFile[]> {
  const indexer = await SearchIndexer.start(lang)
  try {
    for (const page of pages) await indexer.add(page.path, page.contents)
    return await indexer.files()
  } finally {
    await indexer.close()
    await closePagefind()
  }
}

/**
 * What each shard of the search index is made from, when every page has a key (the page cache
 * is in use): the keys of its pages. A shard whose key is the previous build's is reused.
 */
export function searchKeys(pages: readonly OutputFile[], lang: string, shards: number): string[] | undefined {
  const html = pages.filter((page) => page.path.endsWith('.html'))
  if (!html.every((page) => page.key !== undefined)) return undefined
  const hashes = Array.from({length: shards}, (_, shard) => createHash('sha1').update(`${lang}\u0000${shard}/${shards}\u0000`))
  for (const page of html) hashes[shardOf(page.path, shards)]!.update(page.path).update('\u0000').update(page.key!).update('\u0000')
  return hashes.map((hash) => hash.digest('hex'))
}

const stateFile = (cacheDir: string) => path.join(cacheDir, 'search.json')

/**
 * Each shard's previous files, when it was made from the same pages and written into the output
 * folder there is now (its identity on disk, as the page cache checks it), and is still all there.
 */
export async function previousSearchIndex(cacheDir: string, keys: readonly string[], outDir: string): Promise<(OutputFile[] | undefined)[]> {
  const none = keys.map(() => undefined)
  let state: {stamp?: unknown; shards?: unknown}
  try {
    state = JSON.parse((await readCacheFile(stateFile(cacheDir))) ?? 'null') as typeof state
  } catch {
    return none
  }
  if (
    state === null ||
    typeof state !== 'object' ||
    state.stamp === undefined ||
    state.stamp !== (await outputStamp(outDir)) ||
    !Array.isArray(state.shards) ||
    state.shards.length !== keys.length
  )
    return none
  const valid = (f: unknown): f is [string, number] =>
    Array.isArray(f) && typeof f[0] === 'string' && f[0].startsWith('pagefind/') && !f[0].includes('..') && typeof f[1] === 'number'
  return Promise.all(
    (state.shards as {key?: unknown; files?: unknown}[]).map(async (shard, i) => {
      if (shard?.key !== keys[i] || !Array.isArray(shard.files) || !shard.files.every(valid)) return undefined
      const files = await mapLimit(shard.files as [string, number][], 32, async ([file, size]) => {
        const from = path.join(outDir, file)
        const stat = await fs.lstat(from).catch(() => undefined)
        if (!stat?.isFile() || stat.size !== size) return undefined
        return new PreviousFile(file, size, outDir, () => {
          throw new Error(`${from} changed while the site was being built; build again`)
        })
      })
      return files.every((f) => f !== undefined) ? files : undefined
    })
  )
}

/** Record which index files each shard's pages made, in the output folder `stamp` names. */
export async function saveSearchState(
  cacheDir: string,
  keys: readonly string[],
  stamp: string | undefined,
  shards: readonly (readonly OutputFile[])[]
): Promise<void> {
  if (stamp === undefined) return await fs.rm(stateFile(cacheDir), {force: true}).catch(() => undefined)
  const size = (f: OutputFile) => knownSize(f) ?? Buffer.byteLength(f.contents)
  await saveJson(stateFile(cacheDir), {stamp, shards: keys.map((key, i) => ({key, files: shards[i]!.map((f) => [f.path, size(f)])}))})
}
