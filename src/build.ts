import {analyse, type CheckOptions, type CheckResult} from './check.js'
import {loadConfig} from './config/load.js'
import {cacheSalt, entryKeys} from './cache/entry-cache.js'
import {PageCache, pageSalt, siteKey, type PageRecord} from './cache/page-cache.js'
import {shardFolder, shardOf} from './pipeline/render/search-shards.js'
import {closePagefind, previousSearchIndex, saveSearchState, SearchIndexer, searchKeys} from './pipeline/render/search-index.js'
import {planSite} from './pipeline/render/site.js'
import {knownSize, WrittenFile} from './pipeline/render/lazy-files.js'
import {loadTheme, type OutputFile} from './pipeline/render/theme.js'
import {claimOutput} from './pipeline/write/claim.js'
import {withOutputLock} from './pipeline/write/lock.js'
import {outputHasSizes, replaceOutput, type WriteOptions, type WriteResult} from './pipeline/write/write.js'

/** Pages per shard of the search index: one change re-indexes one shard, not the whole site. */
export const defaultShardSize = 1000

export interface BuildOptions extends CheckOptions {
  /** Pages per shard of the search index (default 1,000): smaller shards re-index less after a change, larger ones make fewer requests when searching. */
  searchShardSize?: number
  /** For tests that simulate a failing disk. */
  write?: WriteOptions
}

export interface BuildResult extends CheckResult {
  /** Whether the output folder was replaced. It never is when there is an error. */
  written: boolean
  /** Number of files written into the output folder. */
  outputFiles: number
  /** Published entries. */
  entries: number
  /**
   * Whether the output folder was already what this build would write: made from the same
   * entries, settings, theme and date, and unaltered since. Nothing was rendered or written.
   */
  upToDate: boolean
}

/**
 * Check every entry and, when no error was found, render the site and write it to the output
 * folder in one atomic step. With errors, the previous output stays exactly as it was.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const config = await loadConfig(options)
  // A folder that may not be replaced is refused before any work (and again before writing).
  await claimOutput(config)
  const {site, ...result} = await analyse(config, options.today, {...options, configSource: options})
  if (!result.ok) return {...result, written: false, outputFiles: 0, entries: site.entries.length, upToDate: false}
  let outputFiles = 0
  let upToDate = false
  const theme = await loadTheme(config)
  const outDir = config.outDir
  // Held from rendering to writing: pages taken from the output folder must still be there.
  await withOutputLock(outDir, async () => {
    const cacheDir = config.cacheDir
    const cache = cacheDir === undefined ? undefined : await PageCache.load(cacheDir, outDir, pageSalt({config: cacheSalt(config), theme: theme.digest, site: config.site, today: site.today}))
    const shardSize = options.searchShardSize ?? defaultShardSize
    // The same site as last time, in an output nobody touched: there is nothing to do.
    const key = cache && siteKey(cache.salt, {config, shardSize}, site.entries.map((entry) => entryKeys.get(entry)))
    const last = key ? cache!.sameSite(key) : undefined
    if (last && outputHasSizes(outDir, last)) {
      outputFiles = last.length
      upToDate = true
      return
    }
    const {files, shards} = planSite(site, theme, {cache, outDir, shardSize})
    const keys = cache && searchKeys(files, config.site.lang, shards)
    const previous = keys && cacheDir ? await previousSearchIndex(cacheDir, keys, outDir) : Array.from({length: shards}, () => undefined)
    const indexed: OutputFile[][] = previous.map((shard) => shard ?? [])
    let written: WriteResult
    if (previous.every((shard) => shard !== undefined)) {
      options.onProgress?.({phase: 'writing'})
      written = await replaceOutput(config, [...files, ...indexed.flat()], options.write)
    } else {
      // Pages are rendered, indexed and written one after another; Pagefind works alongside,
      // on the shards whose pages changed.
      options.onProgress?.({phase: 'rendering'})
      const indexers = new Map<number, SearchIndexer>()
      try {
        for (const [shard, reused] of previous.entries()) if (!reused) indexers.set(shard, await SearchIndexer.start(config.site.lang))
        const indexerOf = (file: OutputFile) => (file.path.endsWith('.html') ? indexers.get(shardOf(file.path, shards)) : undefined)
        written = await replaceOutput(config, files, {
          ...options.write,
          wants: (file) => indexerOf(file) !== undefined,
          each: (file, contents) => indexerOf(file)!.add(file.path, contents),
          // Each shard's index is written as soon as Pagefind makes it, and then only its
          // files' names and sizes are kept: at 10,000 pages the index is some 60 MB.
          more: async function* () {
            options.onProgress?.({phase: 'indexing'})
            for (const [shard, indexer] of indexers) {
              const made = await indexer.files(shardFolder(shard))
              yield made
              indexed[shard] = made.map((file) => new WrittenFile(file.path, Buffer.byteLength(file.contents)))
            }
            yield previous.flatMap((shard) => shard ?? [])
          }
        })
      } finally {
        for (const indexer of indexers.values()) await indexer.close()
        await closePagefind()
      }
    }
    outputFiles = files.length + indexed.flat().length
    if (cache) {
      const sizes = manifest([...files, ...indexed.flat()])
      await cache.save(written.stamp, pageRecords(files), key && sizes ? {site: key, files: sizes} : undefined)
      if (keys && cacheDir) await saveSearchState(cacheDir, keys, written.stamp, indexed)
    }
  })
  return {...result, written: true, outputFiles, entries: site.entries.length, upToDate}
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
