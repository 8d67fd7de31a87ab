import {createHash, randomBytes} from 'node:crypto'
import {lstatSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type {OutputFile} from '../render/theme.js'
import {folderState, isOurOutput} from '../../folders/owned.js'
import type {OutputSettings} from './claim.js'
import {RealDirs} from './real-dirs.js'
import {insidePath, replaceOutput} from './write.js'

/**
 * What is in the output folder, as written by the last call: path to its text, or to a digest
 * of its bytes. Text is kept so that an unchanged page (the same string, reused from the render
 * memo) is recognised without hashing it.
 */
export type OutputState = Map<string, string>

export interface ChangeResult {
  state: OutputState
  written: string[]
  removed: string[]
}

/**
 * Bring the output folder in line with `files`, touching only what changed: files whose bytes
 * differ are written (each to a temporary name, then renamed, so a reader never sees half a
 * file), and files no longer produced are removed. Used by `watch`, where replacing the whole
 * folder on every save would cost too much. Only files the previous call wrote are ever removed.
 *
 * When the output folder is no longer the one written before (deleted, emptied, or replaced by
 * something else since), the whole site is written afresh under the same rules as `build`: a
 * folder bounceback did not write is refused, not filled.
 */
export async function writeChanges(config: OutputSettings, files: readonly OutputFile[], previous: OutputState): Promise<ChangeResult> {
  const {outDir} = config
  if ((await folderState(outDir, isOurOutput)).kind !== 'ours') {
    await replaceOutput(config, files)
    return {state: stateOf(files), written: files.map((file) => file.path), removed: []}
  }
  const state: OutputState = new Map()
  const written: string[] = []
  // Nothing is written or removed through a symbolic link put into the output by hand.
  const dirs = new RealDirs(outDir)
  for (const file of files) {
    const key = stateKey(file)
    state.set(file.path, key)
    if (previous.get(file.path) === key) continue
    const target = insidePath(outDir, file.path)
    dirs.make(path.dirname(target))
    const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`
    await fs.writeFile(temporary, file.contents, {flag: 'wx'})
    await fs.rename(temporary, target)
    written.push(file.path)
  }
  const removed: string[] = []
  for (const old of previous.keys()) {
    if (state.has(old)) continue
    const target = insidePath(outDir, old)
    // Only a file this wrote, still a plain file in a real folder of the output.
    if (!dirs.has(path.dirname(target)) || !lstatSync(target, {throwIfNoEntry: false})?.isFile()) continue
    await fs.rm(target)
    removed.push(old)
    await removeEmptyParents(outDir, path.dirname(target))
  }
  return {state, written, removed}
}

function stateKey(file: OutputFile): string {
  return typeof file.contents === 'string' ? file.contents : `sha1:${createHash('sha1').update(file.contents).digest('hex')}`
}

/** The state of an output folder just written with `files`. */
export function stateOf(files: readonly OutputFile[]): OutputState {
  return new Map(files.map((file) => [file.path, stateKey(file)]))
}

async function removeEmptyParents(root: string, dir: string): Promise<void> {
  while (dir !== root && dir.startsWith(root + path.sep)) {
    try {
      await fs.rmdir(dir)
    } catch {
      return
    }
    dir = path.dirname(dir)
  }
}
