import {lstatSync} from 'node:fs'
import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {mapLimit} from '../../map-limit.js'
import type {OutputFile} from '../../types.js'
import type {OutputSettings} from './claim.js'
import {RealDirs} from './real-dirs.js'
import {insidePath} from './inside-path.js'
import {hasBytes, markerFile} from './write.js'

/** Files made and written at once. */
const batchSize = 16

/** What is in the output folder, as written by the last call: path to the key of each file. */
export type OutputState = Map<string, string>

export interface ChangeResult {
  state: OutputState
  written: string[]
  removed: string[]
}

/**
 * Bring the output folder in line with `files`, touching only what changed (watch): a file
 * whose key is the one written before is neither made nor written; the others are written each
 * to a temporary name, then renamed, so a reader never sees half a file; files no longer made
 * are removed. Only files the previous call recorded are ever removed (the search index, which
 * full rebuilds write, is not among them). Every file has a key.
 *
 * The caller holds the output lock and has checked that the folder is the one written before.
 */
export async function writeChanges(
  config: OutputSettings,
  files: readonly OutputFile[],
  previous: OutputState,
  /** Told the pages written, and the files they use, once all are in place and before the files made from the whole site. */
  pagesWritten?: (written: readonly string[]) => void
): Promise<ChangeResult> {
  const {outDir} = config
  const state: OutputState = new Map()
  const written: string[] = []
  // Nothing is written or removed through a symbolic link put into the output by hand.
  const dirs = new RealDirs(outDir)
  // Made a batch at a time and written together: one file's write waits for no other's, and no
  // more than a batch of pages is held in memory.
  let batch: {path: string; target: string; contents: string | Uint8Array}[] = []
  // Before the first file changes, the marker is put in again: that changes the output folder's
  // identity (see `outputStamp`), so the page cache no longer takes it for what a build recorded.
  let marked = false
  const mark = async () => {
    if (marked) return
    marked = true
    const marker = markerFile()
    const temporary = path.join(outDir, `${marker.path}.${randomBytes(4).toString('hex')}.tmp`)
    await fs.writeFile(temporary, marker.contents, {flag: 'wx'})
    await fs.rename(temporary, path.join(outDir, marker.path))
  }
  const flush = async () => {
    if (batch.length > 0) await mark()
    await mapLimit(batch, batchSize, async ({target, contents}) => {
      const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`
      await fs.writeFile(temporary, contents, {flag: 'wx'})
      await fs.rename(temporary, target)
    })
    for (const file of batch) written.push(file.path)
    batch = []
  }
  /** A file whose key is the one written before: nothing to do (most files, after a save). */
  const same = (file: OutputFile) => {
    state.set(file.path, file.key!)
    return previous.get(file.path) === file.key
  }
  const put = async (file: OutputFile) => {
    const target = insidePath(outDir, file.path)
    dirs.make(path.dirname(target))
    // A new key may still make the same bytes (a list page whose entry's card changed in a way
    // it does not show): then the file is left as it is, and no page reloads for nothing. A key
    // that is a digest of the bytes says so itself (data.json is 6 MB at 5,000 entries).
    const contents = file.contents
    if (!file.keyOfBytes && dirs.has(path.dirname(target)) && hasBytes(target, contents)) return
    batch.push({path: file.path, target, contents})
    if (batch.length === batchSize) await flush()
  }
  const writeAll = async (list: readonly OutputFile[]) => {
    // Awaited only for a file that changed, not once for each of the 6,500 files at 5,000 entries.
    for (const file of list) if (!same(file)) await put(file)
    await flush()
  }
  // Pages and the files they use (an image, a theme's asset) first; the files made from the
  // whole site (data.json, the feed), which no page reads, after the reload.
  await writeAll(files.filter((file) => !file.fromWholeSite))
  if (pagesWritten) {
    pagesWritten([...written])
    // The event loop turns before the whole-site files are made: the reload goes out, and a
    // request waiting for a page is answered first.
    await new Promise((resolve) => setImmediate(resolve))
  }
  await writeAll(files.filter((file) => file.fromWholeSite))
  const removed: string[] = []
  for (const old of previous.keys()) {
    if (state.has(old)) continue
    const target = insidePath(outDir, old)
    // Only a file this wrote, still a plain file in a real folder of the output.
    if (!dirs.has(path.dirname(target)) || !lstatSync(target, {throwIfNoEntry: false})?.isFile()) continue
    await mark()
    await fs.rm(target)
    removed.push(old)
    dirs.removeEmpty(path.dirname(target))
  }
  return {state, written, removed}
}
