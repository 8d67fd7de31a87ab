import {cacheSalt} from '../cache/entry-cache.js'
import {PageCache, pageSalt, siteKey, type PageRecord} from '../cache/page-cache.js'
import type {ResolvedConfig} from '../config/types.js'
import type {OutputFile} from '../types.js'
import type {Site} from './aggregate/site.js'
import {knownSize, WrittenFile} from './render/lazy-files.js'
import {closePagefind, previousSearchIndex, saveSearchState, SearchIndexer, searchKeys} from './render/search-index.js'
import {shardFolder, shardOf, type Sharding} from './render/search-shards.js'
import {planSite} from './render/site.js'
import {withCopies} from './render/copied-files.js'
import type {PlanMemo} from './render/plan-memo.js'
import type {PublicFolder} from './render/public-folder.js'
import type {Theme} from './render/theme.js'
import {writeChanges, type OutputState} from './write/changes.js'
import {withOutputLock} from './write/lock.js'
import {updateOutput} from './write/in-place.js'
import {outputHasSizes, recoverOutput, replaceOutput, type StreamOptions, type WriteOptions, type WriteResult} from './write/write.js'

/** The whole-site stages after analysis: render the site's pages and write them. */
export interface PublishInput {
  config: ResolvedConfig
  theme: Theme
  site: Site
  /** What planning kept from the engine's last run. */
  memo: PlanMemo
  /** The public folder's files, copied as they are. */
  publicFolder: PublicFolder
  /** How the search index is cut into shards. */
  sharding: Sharding
  onProgress?: (phase: 'rendering' | 'indexing' | 'writing') => void
}

export interface Published {
  /** Output paths written (all of them when the folder was replaced) and removed. */
  written: string[]
  removed: string[]
  /** Files in the output folder. */
  outputFiles: number
  /** Nothing was rendered or written: the output was already this site. */
  upToDate: boolean
  /** What is in the output folder now, by key, search index aside: what `update` compares with. */
  state: OutputState
}

/** What every page's key includes besides its own data: the settings, the theme, the date. */
export function salt(input: Pick<PublishInput, 'config' | 'theme' | 'site'>): string {
  return pageSalt({config: cacheSalt(input.config), theme: input.theme.digest, site: input.config.site, today: input.site.today})
}

/**
 * Write the site as a new output folder and swap it in, in one step (build, and watch's full
 * rebuilds). With the page cache, a page whose key the previous build recorded is taken from
 * the previous output, not rendered; a search shard whose pages are all unchanged is reused; a
 * site made from exactly what the last build used, in an output nobody touched, is left alone.
 */
export async function replaceSite(input: PublishInput, write?: WriteOptions): Promise<Published> {
  const {config, theme, site, sharding} = input
  const {outDir, cacheDir} = config
  // Held from rendering to writing: pages taken from the output folder must still be there.
  return withOutputLock(outDir, async () => {
    // A build killed while moving files into the output is undone before the output is trusted.
    await recoverOutput(outDir)
    const cache = cacheDir === undefined ? undefined : await PageCache.load(cacheDir, outDir, salt(input))
    // The same site as last time, in an output nobody touched: there is nothing to do.
    const key =
      cache &&
      siteKey(
        cache.salt,
        {config, sharding, publicFolder: input.publicFolder.digest},
        site.entries.map((entry) => entry.key)
      )
    const last = key ? cache!.sameSite(key) : undefined
    if (last && outputHasSizes(outDir, last)) return {written: [], removed: [], outputFiles: last.length, upToDate: true, state: cache!.keys()}
    const planned = planSite(site, theme, {
      memo: input.memo,
      salt: salt(input),
      outDir,
      sharding,
      ...(cache ? {previous: (page: string) => cache.previous(page)} : {})
    })
    const {shards} = planned
    const files = withCopies(planned.files, site.entries, config.contentDir, input.publicFolder)
    const keys = cache && searchKeys(files, config.site.lang, shards)
    const previous = keys && cacheDir ? await previousSearchIndex(cacheDir, keys, outDir) : Array.from({length: shards}, () => undefined)
    const indexed: OutputFile[][] = previous.map((shard) => shard ?? [])
    // The output the previous build wrote, as it recorded it: then only what changed is moved in.
    const inPlace = cache?.knowsOutput() === true
    const writeOut = (list: readonly OutputFile[], options?: WriteOptions & StreamOptions) =>
      inPlace ? updateOutput(config, list, options) : replaceOutput(config, list, options)
    let written: WriteResult
    if (previous.every((shard) => shard !== undefined)) {
      input.onProgress?.('writing')
      written = await writeOut([...files, ...indexed.flat()], write)
    } else {
      // Pages are rendered, indexed and written one after another; Pagefind works alongside,
      // on the shards whose pages changed. The pages of those shards are written a shard at a
      // time, and each shard's index is made and written once its last page is in, then let go:
      // Pagefind holds one shard at a time, not the whole index (it took 409 MB at 10,000
      // entries when it held them all, more than the build itself).
      input.onProgress?.('rendering')
      const indexers = new Map<number, SearchIndexer>()
      try {
        for (const [shard, reused] of previous.entries()) if (!reused) indexers.set(shard, await SearchIndexer.start(config.site.lang))
        // Each page's shard, once (a digest of its path); files of no re-indexed shard go last.
        const shardOfFile = new Map(files.map((file) => [file, file.path.endsWith('.html') ? shardOf(file.path, shards) : -1]))
        const reindexed = (file: OutputFile) => indexers.has(shardOfFile.get(file)!)
        const left = new Map<number, number>()
        for (const file of files) if (reindexed(file)) left.set(shardOfFile.get(file)!, (left.get(shardOfFile.get(file)!) ?? 0) + 1)
        const place = (file: OutputFile) => (reindexed(file) ? shardOfFile.get(file)! : shards)
        // A stable sort: within a shard, pages keep their order, and so the index its bytes.
        written = await writeOut(
          [...files].sort((a, b) => place(a) - place(b)),
          {
            ...write,
            wants: reindexed,
            each: async (file, contents) => {
              const shard = shardOfFile.get(file)!
              const indexer = indexers.get(shard)!
              await indexer.add(file.path, contents)
              const remaining = left.get(shard)! - 1
              left.set(shard, remaining)
              if (remaining > 0) return
              input.onProgress?.('indexing')
              // Each shard's index is written as soon as Pagefind makes it, and then only its
              // files' names and sizes are kept: at 10,000 pages the index is some 60 MB.
              const made = await indexer.files(shardFolder(shard))
              indexers.delete(shard)
              await indexer.close()
              indexed[shard] = made.map((file) => new WrittenFile(file.path, Buffer.byteLength(file.contents)))
              return made
            },
            more: async function* () {
              // A shard none of whose pages came (none in it): its index, empty, all the same.
              for (const [shard, indexer] of indexers) {
                const made = await indexer.files(shardFolder(shard))
                indexed[shard] = made.map((file) => new WrittenFile(file.path, Buffer.byteLength(file.contents)))
                yield made
              }
              yield previous.flatMap((shard) => shard ?? [])
            }
          }
        )
      } finally {
        for (const indexer of indexers.values()) await indexer.close()
        await closePagefind()
      }
    }
    if (cache) {
      const sizes = manifest([...files, ...indexed.flat()])
      await cache.save(written.stamp, pageRecords(files), key && sizes ? {site: key, files: sizes} : undefined)
      if (keys && cacheDir) await saveSearchState(cacheDir, keys, written.stamp, indexed)
    }
    await written.retiring
    const all = [...files, ...indexed.flat()]
    return {
      written: all.map((file) => file.path),
      removed: [],
      outputFiles: all.length,
      upToDate: false,
      state: new Map(files.map((file) => [file.path, file.key!]))
    }
  })
}

/**
 * Bring the output folder in line with the site, in place (watch, after a save): a file whose
 * key is the one written last time is neither rendered nor written, and files no longer made
 * are removed. The search index stays as the last full rebuild wrote it.
 */
export async function updateSite(input: PublishInput, previous: OutputState, pagesWritten?: (written: readonly string[]) => void): Promise<Published> {
  const planned = planSite(input.site, input.theme, {memo: input.memo, salt: salt(input), outDir: input.config.outDir, sharding: input.sharding})
  const files = withCopies(planned.files, input.site.entries, input.config.contentDir, input.publicFolder)
  input.onProgress?.('writing')
  const changes = await withOutputLock(input.config.outDir, async () => {
    // A build killed while moving files into the output (in another process) is undone first.
    await recoverOutput(input.config.outDir)
    return writeChanges(input.config, files, previous, pagesWritten)
  })
  return {written: changes.written, removed: changes.removed, outputFiles: changes.state.size, upToDate: false, state: changes.state}
}

/** Every file written, with its size, as far as every size is known. */
function manifest(files: readonly OutputFile[]): [string, number][] | undefined {
  const sizes: [string, number][] = []
  for (const file of files) {
    const size = knownSize(file)
    if (size === undefined) return undefined
    sizes.push([file.path, size])
  }
  return sizes
}

function pageRecords(files: readonly OutputFile[]): Map<string, PageRecord> {
  const records = new Map<string, PageRecord>()
  for (const file of files) {
    if (file.key === undefined) continue
    // A page taken from the previous output, or made again because that file was gone or altered.
    const size = knownSize(file)
    if (size !== undefined) records.set(file.path, {key: file.key, size})
  }
  return records
}
