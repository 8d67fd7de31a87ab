import {analyse, defaultCacheDir, type CheckOptions, type CheckResult} from './check.js'
import {loadConfig} from './config/load.js'
import {cacheSalt} from './cache/entry-cache.js'
import {PageCache, pageSalt, type PageRecord} from './cache/page-cache.js'
import {previousSearchIndex, saveSearchState, SearchIndexer, searchKey} from './render/search-index.js'
import {planSite} from './render/site.js'
import {loadTheme, type OutputFile} from './render/theme.js'
import {withOutputLock} from './write/lock.js'
import {replaceOutput, type WriteOptions, type WriteResult} from './write/write.js'

export interface BuildOptions extends CheckOptions {
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
}

/**
 * Check every entry and, when no error was found, render the site and write it to the output
 * folder in one atomic step. With errors, the previous output stays exactly as it was.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const config = await loadConfig(options)
  const {site, ...result} = await analyse(config, options.today, options)
  if (!result.ok) return {...result, written: false, outputFiles: 0, entries: site.entries.length}
  let outputFiles = 0
  const theme = await loadTheme(config)
  const outDir = config.outDir
  // Held from rendering to writing: pages taken from the output folder must still be there.
  await withOutputLock(outDir, async () => {
    const cacheDir = options.cacheDir ?? defaultCacheDir(config)
    const cache = options.cache === false ? undefined : await PageCache.load(cacheDir, outDir, pageSalt({config: cacheSalt(config), theme: theme.digest, site: config.site, today: site.today}))
    const files = planSite(site, theme, {cache, outDir})
    const key = cache && searchKey(files, config.site.lang)
    const previousIndex = key === undefined ? undefined : await previousSearchIndex(cacheDir, key, outDir)
    let written: WriteResult
    let indexFiles = previousIndex ?? []
    if (previousIndex) {
      options.onProgress?.({phase: 'writing'})
      written = await replaceOutput(outDir, [...files, ...previousIndex], options.write)
    } else {
      // Pages are rendered, indexed and written one after another; Pagefind works alongside.
      options.onProgress?.({phase: 'rendering'})
      const indexer = await SearchIndexer.start(config.site.lang)
      try {
        written = await replaceOutput(outDir, files, {
          ...options.write,
          each: (file, contents) => indexer.add(file.path, contents),
          more: async () => {
            options.onProgress?.({phase: 'indexing'})
            return (indexFiles = await indexer.files())
          }
        })
      } finally {
        await indexer.close()
      }
    }
    outputFiles = files.length + indexFiles.length
    if (cache) {
      await cache.save(written.stamp, pageRecords(files))
      if (key !== undefined) await saveSearchState(cacheDir, key, written.stamp, indexFiles)
    }
  })
  return {...result, written: true, outputFiles, entries: site.entries.length}
}

function pageRecords(files: readonly OutputFile[]): Map<string, PageRecord> {
  const records = new Map<string, PageRecord>()
  for (const file of files) {
    if (file.key === undefined) continue
    // A page taken from the previous output, or made again because that file was gone or altered.
    const size = (file as {size?: number}).size ?? file.reuse?.size
    if (size !== undefined) records.set(file.path, {key: file.key, size})
  }
  return records
}
