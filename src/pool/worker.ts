import {loadConfig, type LoadConfigOptions} from '../config/load.js'
import type {ResolvedConfig} from '../config/types.js'
import type {SourceFile} from '../pipeline/discover/discover.js'
import {BouncebackError, type ErrorCode} from '../errors.js'
import {processBytes} from '../pipeline/entry.js'
import type {EntryResult} from '../types.js'

export interface EntryTask {
  bytes: Uint8Array
  source: SourceFile
  /** The config itself, when it can be sent (no plugins)… */
  config?: ResolvedConfig
  /** …or where the worker loads it from, plugins and all. */
  configSource?: LoadConfigOptions
}

const loaded = new Map<string, Promise<ResolvedConfig>>()

/** A problem that stops the run (a plugin that throws), as plain data: an error loses its code between threads. */
export interface WorkerFailure {
  failure: {code: ErrorCode; message: string}
}

/** Runs in a worker thread: the per-entry stages on one file, returning plain data. */
export default async function processTask(task: EntryTask | {warmUp: true}): Promise<EntryResult | WorkerFailure | null> {
  // Loading the pipeline is done by the time this runs: warming up needs nothing more.
  if ('warmUp' in task) return null
  let config = task.config
  if (!config) {
    const key = JSON.stringify(task.configSource)
    let loading = loaded.get(key)
    if (!loading) loaded.set(key, (loading = loadConfig(task.configSource)))
    config = await loading
  }
  try {
    return await processBytes(task.bytes, task.source, config)
  } catch (error) {
    if (error instanceof BouncebackError) return {failure: {code: error.code, message: error.message}}
    throw error
  }
}
