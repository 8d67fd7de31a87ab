import {parentPort, workerData} from 'node:worker_threads'
import {loadConfig, type LoadConfigOptions} from '../config/load.js'
import type {ResolvedConfig} from '../config/types.js'
import type {SourceFile} from '../pipeline/discover/discover.js'
import {BouncebackError, type ErrorCode} from '../errors.js'
import {processBytes} from '../pipeline/entry.js'
import type {EntryResult} from '../types.js'
import type {ThreadReply} from './threads.js'

/** What each worker is started with: the config itself, when it can be sent (no plugins), or where to load it from. */
export interface WorkerSetup {
  config?: ResolvedConfig
  configSource?: LoadConfigOptions
}

/** One entry to read. */
export interface EntryTask {
  bytes: Uint8Array
  source: SourceFile
}

/** A problem that stops the run (a plugin that throws), as plain data: an error loses its code between threads. */
export interface WorkerFailure {
  failure: {code: ErrorCode; message: string}
}

let config: Promise<ResolvedConfig> | undefined

/** The per-entry stages on one file, returning plain data. */
async function processTask(task: EntryTask): Promise<EntryResult | WorkerFailure> {
  const setup = workerData as WorkerSetup
  config ??= setup.config ? Promise.resolve(setup.config) : loadConfig(setup.configSource)
  try {
    return await processBytes(task.bytes, task.source, await config)
  } catch (error) {
    if (error instanceof BouncebackError) return {failure: {code: error.code, message: error.message}}
    throw error
  }
}

// Run as a worker thread (see threads.ts): loaded, it says so, then answers each task in turn.
if (parentPort) {
  const port = parentPort
  port.on('message', (task: EntryTask) => {
    processTask(task).then(
      (value): void => port.postMessage({value} satisfies ThreadReply),
      (error: unknown): void => {
        const {name, message, code} = error instanceof Error ? (error as NodeJS.ErrnoException) : {name: 'Error', message: String(error), code: undefined}
        port.postMessage({error: {name, message, ...(code !== undefined ? {code} : {})}} satisfies ThreadReply)
      }
    )
  })
  port.postMessage('ready')
}
