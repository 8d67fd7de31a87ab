import {existsSync} from 'node:fs'
import {build} from '../build.js'
import {check} from '../check.js'
import {Engine} from '../pipeline/engine.js'
import {formatLessons, lessonsJson} from '../report/lessons.js'
import {formatGithub, formatJson} from '../report/machine.js'
import {formatText} from '../report/text.js'
import {displayPath} from './display-path.js'
import {progressBar} from './progress.js'
import type {CliIO} from './main.js'

export interface CommandOptions {
  root: string
  color: boolean
  /** `lessons --json`. */
  json: boolean
  /** `build --base`: wins over the config's `base`. */
  base?: string
  /** `check --format`. */
  format: 'text' | 'json' | 'github'
  /** `check --max-warnings`: more warnings than this fail the check. */
  maxWarnings?: number
  /** `--no-cache` makes this false; `--cache-dir` moves the cache. */
  cache: boolean
  cacheDir?: string
  /** `--jobs N`: worker threads for the per-entry stages. */
  jobs?: number
  /** `--quiet`: errors only. `--verbose`: timings and the cache too. */
  quiet: boolean
  verbose: boolean
  /** `build --replace-output`: replace an output folder bounceback did not write. */
  replaceOutput?: boolean
}

/** The heavy part of the CLI, loaded only when a command runs. */
export async function runCommand(command: 'build' | 'check' | 'lessons', options: CommandOptions, io: CliIO): Promise<number> {
  const started = performance.now()
  if (command === 'lessons') {
    const engine = await Engine.open({root: options.root, cwd: io.cwd, ...caching(options)})
    const {site, ...result} = await engine.analyse().finally(() => engine.close())
    if (!result.ok) io.stderr(formatText(result.messages, result.files.length, {color: options.color}))
    io.stdout(options.json ? lessonsJson(site.themes) : formatLessons(site.themes, {color: options.color}))
    return result.ok ? 0 : 1
  }
  const bar = io.status && !options.quiet ? progressBar(io.status) : undefined
  const onProgress = bar ? {onProgress: bar.update} : {}
  if (command === 'check') {
    const result = await check({root: options.root, cwd: io.cwd, ...caching(options), ...onProgress})
    bar?.done()
    const shown = options.quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages
    if (options.format === 'json') io.stdout(formatJson(shown, result.files))
    else if (options.format === 'github') {
      if (shown.length > 0) io.stdout(formatGithub(shown))
    } else if (!options.quiet || shown.length > 0) io.stdout(formatText(shown, result.files.length, {color: options.color}))
    if (options.verbose) io.stderr(cacheLine(result.cache, started))
    if (!result.ok) return 1
    if (options.maxWarnings !== undefined && result.warnings > options.maxWarnings) {
      io.stderr(`bounceback: ${result.warnings} warnings, more than --max-warnings ${options.maxWarnings} allows`)
      return 1
    }
    return 0
  }
  const overrides = {...(options.base !== undefined ? {base: options.base} : {}), ...(options.replaceOutput ? {replaceOutput: true} : {})}
  const result = await build({root: options.root, cwd: io.cwd, ...caching(options), ...onProgress, overrides})
  bar?.done()
  const shown = options.quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages
  if (shown.length > 0) io.stdout(formatText(shown, result.files.length, {color: options.color}))
  if (options.verbose) io.stderr(cacheLine(result.cache, started))
  const out = displayPath(io.cwd, result.config.outDir)
  if (!result.written) {
    io.stderr(`Build failed: fix the errors above. ${existsSync(result.config.outDir) ? `${out}/ was left as it was.` : `Nothing was written to ${out}/.`}`)
    return 1
  }
  const ms = Math.round(performance.now() - started)
  if (options.quiet) return 0
  io.stdout(`Built ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'} into ${out}/ (${result.outputFiles} files) in ${ms} ms`)
  return 0
}

/** `--verbose`: how much came from the cache, and how long it took. */
function cacheLine(cache: {hits: number; misses: number}, started: number): string {
  return `${cache.hits + cache.misses} entries: ${cache.hits} from the cache, ${cache.misses} read afresh · ${Math.round(performance.now() - started)} ms`
}

function caching(options: CommandOptions): {cache: boolean; cacheDir?: string; jobs?: number} {
  return {cache: options.cache, ...(options.cacheDir !== undefined ? {cacheDir: options.cacheDir} : {}), ...(options.jobs !== undefined ? {jobs: options.jobs} : {})}
}
