import type {ResolvedConfig} from '../config/types.js'
import type {SourceFile} from '../discover/discover.js'
import {processBytes} from '../process-entry.js'
import type {EntryResult} from '../types.js'

export interface EntryTask {
  bytes: Uint8Array
  source: SourceFile
  config: ResolvedConfig
}

/** Runs in a worker thread: the per-entry stages on one file, returning plain data. */
export default async function processTask(task: EntryTask | {warmUp: true}): Promise<EntryResult | null> {
  // Loading the pipeline is done by the time this runs: warming up needs nothing more.
  if ('warmUp' in task) return null
  return processBytes(task.bytes, task.source, task.config)
}
