import {analyse, defaultCacheDir, type CheckOptions, type CheckResult} from './check.js'
import {loadConfig} from './config/load.js'
import {searchIndex, searchIndexReusing} from './render/search-index.js'
import {renderSite} from './render/site.js'
import {loadTheme} from './render/theme.js'
import {writeSite, type WriteOptions} from './write/write.js'

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
  const theme = await loadTheme(config)
  options.onProgress?.({phase: 'rendering'})
  const files = renderSite(site, theme)
  options.onProgress?.({phase: 'indexing'})
  const search = options.cache === false ? await searchIndex(files, config.site.lang) : await searchIndexReusing(files, config.site.lang, {cacheDir: options.cacheDir ?? defaultCacheDir(config), outDir: config.outDir})
  files.push(...search)
  options.onProgress?.({phase: 'writing'})
  await writeSite(config.outDir, files, options.write)
  return {...result, written: true, outputFiles: files.length, entries: site.entries.length}
}
