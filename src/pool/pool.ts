import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {packageDir} from '../config/resolve.js'
import type {ResolvedConfig} from '../config/types.js'
import type {SourceFile} from '../discover/discover.js'
import {fileProblem} from '../diagnostics.js'
import type {EntryResult} from '../types.js'

/**
 * Below this many entries to read, threads cost more than they save: each worker loads the whole
 * pipeline and warms it up again. Measured on two cores, 300 entries read in 4.7 s in line and
 * 5.4 s in two workers; at 1,000 the workers were ahead.
 */
export const poolThreshold = 500

/** Runs the per-entry stages: in a pool of worker threads for many entries, in line for a few. */
export interface EntryRunner {
  run(bytes: Uint8Array, source: SourceFile): Promise<EntryResult>
  close(): Promise<void>
  /** How many entries to hand it at once. */
  concurrency: number
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
}

/**
 * One worker per core by default (`jobs`). The workers run the compiled code in `lib/`, so a
 * program running bounceback from its TypeScript sources still gets threads once it is built.
 */
export async function entryRunner(config: ResolvedConfig, count: number, jobs = defaultJobs()): Promise<EntryRunner> {
  // The pipeline is loaded only when an entry has to be read: a build from the cache never needs it.
  const inline: EntryRunner = {run: async (bytes, source) => (await import('../process-entry.js')).processBytes(bytes, source, config), close: async () => {}, concurrency: 64}
  // Plugins are functions, which cannot be sent to a worker: a config with plugins reads in line.
  if (jobs <= 1 || count < poolThreshold || config.remarkPlugins.length > 0 || config.rehypePlugins.length > 0) return inline
  const {default: Tinypool} = await import('tinypool')
  const pool = new Tinypool({
    filename: workerFile(),
    minThreads: jobs,
    maxThreads: jobs,
    // A smaller young generation than V8's 48 MB: parsing makes short-lived garbage fast, and
    // at 5,000 entries this took the reading phase's peak from 330 to 260 MB in the same time.
    resourceLimits: {maxYoungGenerationSizeMb: 12}
  })
  // Start every worker before the clock runs: loading the pipeline is not an entry's time.
  await Promise.all(Array.from({length: jobs}, () => pool.run({warmUp: true})))
  const budget = config.limits.timeBudget
  return {
    // One entry per worker at a time, so that each one's time budget is its own running time.
    concurrency: jobs,
    async run(bytes, source) {
      try {
        return (await pool.run({bytes, source, config}, {signal: AbortSignal.timeout(budget)})) as EntryResult
      } catch (error) {
        if ((error as Error).name !== 'AbortError') throw error
        // The worker was stopped and a fresh one takes its place.
        const seconds = budget >= 1000 ? `${budget / 1000} s` : `${budget} ms`
        return {file: source.file, messages: [fileProblem(source.file, 'file/timeout', `Unexpected entry still being read after ${seconds}, expected far less: it was stopped (raise \`limits.timeBudget\` if it is simply long)`)]}
      }
    },
    close: () => pool.destroy()
  }
}

/**
 * The worker's module: beside this one when running compiled (lib/pool/, or lib/bundle/ for the
 * command line), the compiled one in lib/pool/ when running from the TypeScript sources.
 */
function workerFile(): string {
  return import.meta.url.endsWith('.js') ? new URL('worker.js', import.meta.url).href : pathToFileURL(path.join(packageDir, 'lib', 'pool', 'worker.js')).href
}
