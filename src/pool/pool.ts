import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {packageDir} from '../config/resolve.js'
import type {LoadConfigOptions} from '../config/load.js'
import type {ResolvedConfig} from '../config/types.js'
import type {SourceFile} from '../pipeline/discover/discover.js'
import {fileProblem} from '../diagnostics.js'
import {BouncebackError} from '../errors.js'
import {hasPlugins} from '../pipeline/plugins.js'
import type {EntryResult} from '../types.js'
import {InlineBatches} from './inline-batches.js'
import {Threads} from './threads.js'
import type {EntryTask, WorkerFailure, WorkerSetup} from './worker.js'

/**
 * From this many entries to read, all are read in worker threads: below it, threads cost more
 * than they save (each worker loads and warms up the whole pipeline). See bench/results.md.
 */
export const poolThreshold = 500

/** Larger entries are never read in line: a worker can bound their memory, the main thread cannot. */
export const inlineMaxBytes = 32_000

/** Runs the per-entry stages, each entry under the time budget. */
export interface EntryRunner {
  run(bytes: Uint8Array, source: SourceFile): Promise<EntryResult>
  close(): Promise<void>
  /** How many entries to hand it at once. */
  concurrency: number
}

export interface RunnerOptions {
  /** Worker threads (default: one per core from 4 cores, else 1: see `defaultJobs`). */
  jobs?: number
  /**
   * How long an entry may run in line, in ms, before it is stopped and read again in a worker
   * with the whole time budget (default 1,000: long enough for the first, cold entry of a run).
   */
  inlineLimit?: number
  /** How a worker can load the config itself, when it holds plugins (functions cannot be sent). */
  configSource?: LoadConfigOptions
  /**
   * The limit of the first entries read in line (default: 2,000 ms, or `inlineLimit` if more):
   * the first entries of a process are read by code not yet optimised. Watch's later full
   * rebuilds pass `inlineLimit`: by then the code is warm, and its server is answering.
   */
  firstLimit?: number
}

/**
 * Below this many cores, entries are read in line by default (one thread): on 2 cores, two
 * worker threads each ran at about half the speed of one thread (three times the garbage
 * collection, everything else nearly twice as slow), and a cold build of 1,000 or 5,000 entries
 * took 15 to 25 % longer and 50 MB more than reading in line (bench/results.md). `--jobs N`
 * still asks for N workers.
 */
export const poolMinCores = 4

/** One worker per core from `poolMinCores` cores; below, one thread (in line). */
export function defaultJobs(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
  return cores >= poolMinCores ? cores : 1
}

/**
 * Every entry is read under `limits.timeBudget`, on every path. Most entries are small and
 * read in line, as a plain script would, with the main thread's run stopped after
 * `inlineLimit` (a stoppable synchronous run, see within-time.ts); one that overruns, one too
 * large to read in line, and every entry of a config with plugins, go to worker threads, where
 * the rest of the budget and a memory ceiling (`limits.memory`) apply and a runaway is stopped
 * with its worker. From `poolThreshold` entries, all go to the workers, which are then faster.
 */
/** The config as a worker can be sent it: the embed function is the engine's, never a worker's. */
function sendable(config: ResolvedConfig): ResolvedConfig {
  if (config.lessons.embed === undefined) return config
  const {embed: _embed, ...lessons} = config.lessons
  return {...config, lessons}
}

export async function entryRunner(config: ResolvedConfig, count: number, options: RunnerOptions = {}): Promise<EntryRunner> {
  const jobs = Math.max(1, options.jobs ?? defaultJobs())
  const budget = config.limits.timeBudget
  const inlineLimit = Math.min(budget, options.inlineLimit ?? 1000)
  const plugins = hasPlugins(config)
  // What a worker is sent to know the config: the config itself, or where to load it from.
  const configSource = options.configSource && cloneable(options.configSource)
  const setup: WorkerSetup | undefined = !plugins ? {config: sendable(config)} : configSource ? {configSource} : undefined
  const workers = setup ? new Workers(config, jobs, setup) : undefined
  const timeout = (source: SourceFile) => timeoutResult(source, budget)

  if (workers && jobs > 1 && count >= poolThreshold) {
    await workers.warmUp()
    return {concurrency: jobs, run: (bytes, source) => workers.run(bytes, source, budget), close: () => workers.close()}
  }
  // The pipeline is loaded only when an entry has to be read: a build from the cache never needs it.
  let pipeline: typeof import('../pipeline/entry.js') | undefined
  let warm = false
  const firstLimit = options.firstLimit ?? Math.max(inlineLimit, 2000)
  const inline = new InlineBatches<EntryResult>(() => Math.min(budget, warm ? inlineLimit : firstLimit))
  return {
    concurrency: 64,
    async run(bytes, source) {
      if (workers && (plugins || bytes.length > inlineMaxBytes)) return workers.run(bytes, source, budget)
      const stages = (pipeline ??= await import('../pipeline/entry.js'))
      // A config with plugins that no worker can load (passed in by a program) is read in line, unbounded.
      if (plugins) return stages.processBytes(bytes, source, config)
      const started = performance.now()
      const outcome = await inline.run(() => stages.processBytesSync(bytes, source, config))
      warm = true
      if (outcome === 'timed out') {
        const left = budget - (performance.now() - started)
        return workers && left > 0 ? workers.run(bytes, source, left) : timeout(source)
      }
      if ('error' in outcome) throw outcome.error
      return outcome.value
    },
    close: async () => workers?.close()
  }
}

/** The worker threads, started when first needed, each running one entry at a time. */
class Workers {
  private threads: Threads | undefined

  constructor(
    private readonly config: ResolvedConfig,
    private readonly jobs: number,
    private readonly setup: WorkerSetup
  ) {}

  private start(): Threads {
    this.threads ??= new Threads({
      file: workerFile(),
      size: this.jobs,
      // Sent once, when each thread starts: a task is then only the entry's bytes and place.
      workerData: this.setup,
      // A small young generation: parsing makes short-lived garbage fast, and a smaller one
      // lowers the peak memory of large builds (bench/results.md). The old generation is the
      // memory ceiling of one entry.
      // The stack of the main thread's size, so that an entry nested deep enough to overflow one
      // overflows the other too: check and build agree whichever thread reads it.
      resourceLimits: {maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: this.config.limits.memory, stackSizeMb: 1}
    })
    return this.threads
  }

  /** Start every worker before the clock runs: loading the pipeline is not an entry's time. */
  async warmUp(): Promise<void> {
    await this.start().ready()
  }

  /**
   * One entry per thread at a time (the threads queue the rest), its budget running from when a
   * loaded thread has it: its own running time, not a queue's, nor a fresh thread's loading.
   */
  async run(bytes: Uint8Array, source: SourceFile, budget: number): Promise<EntryResult> {
    const threads = this.start()
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const start = () => {
      timer = setTimeout(() => controller.abort(), Math.max(1, Math.round(budget)))
    }
    try {
      const task: EntryTask = {bytes, source}
      const result = (await threads.run(task, controller.signal, start)) as EntryResult | WorkerFailure
      if ('failure' in result) throw new BouncebackError(result.failure.code, result.failure.message)
      return result
    } catch (error) {
      // The worker was stopped (or died) and a fresh one takes its place.
      if ((error as Error).name === 'AbortError') return timeoutResult(source, this.config.limits.timeBudget)
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return memoryResult(source, this.config.limits.memory)
      if (error instanceof BouncebackError) throw error
      // Anything else that ended the worker (an exception a plugin threw later, say): one message.
      return {
        file: source.file,
        messages: [
          fileProblem(
            source.file,
            'file/unprocessable',
            `Unexpected failure while reading this entry in a worker thread: ${error instanceof Error ? error.message : String(error)}`
          )
        ]
      }
    } finally {
      clearTimeout(timer)
    }
  }

  async close(): Promise<void> {
    await this.threads?.destroy()
  }
}

function timeoutResult(source: SourceFile, budget: number): EntryResult {
  const seconds = budget >= 1000 ? `${budget / 1000} s` : `${budget} ms`
  return {
    file: source.file,
    messages: [
      fileProblem(
        source.file,
        'file/timeout',
        `Unexpected entry still being read after ${seconds}, expected far less: it was stopped (raise \`limits.timeBudget\` if it is simply long)`
      )
    ]
  }
}

function memoryResult(source: SourceFile, megabytes: number): EntryResult {
  return {
    file: source.file,
    messages: [
      fileProblem(
        source.file,
        'file/memory',
        `Unexpected entry needing over ${megabytes} MB to read, expected far less: it was stopped (raise \`limits.memory\` if it is simply large)`
      )
    ]
  }
}

/** The options a worker can load the config with, or `undefined` when they hold what a thread cannot receive. */
function cloneable(source: LoadConfigOptions): LoadConfigOptions | undefined {
  const {root, overrides, cwd, cache, cacheDir} = source
  const options = {
    ...(root !== undefined ? {root} : {}),
    ...(overrides !== undefined ? {overrides} : {}),
    ...(cwd !== undefined ? {cwd} : {}),
    ...(cache !== undefined ? {cache} : {}),
    ...(cacheDir !== undefined ? {cacheDir} : {})
  }
  try {
    return structuredClone(options)
  } catch {
    return undefined
  }
}

/**
 * The worker's module: beside this one when running compiled (lib/pool/, or lib/bundle/ for the
 * command line), the compiled one in lib/pool/ when running from the TypeScript sources.
 */
function workerFile(): URL {
  return import.meta.url.endsWith('.js') ? new URL('worker.js', import.meta.url) : pathToFileURL(path.join(packageDir, 'lib', 'pool', 'worker.js'))
}
