import {lstatSync, readFileSync, renameSync} from 'node:fs'
import path from 'node:path'
import {outputMarker} from '../../folders/owned.js'
import {insidePath} from './inside-path.js'
import {RealDirs} from './real-dirs.js'

/**
 * What an in-place update moves, written into its staging folder before the first move: the
 * files put in place (`changed`, each staged at its own path under `new/`) and the files taken
 * out (`removed`). A file a move replaces or removes goes to `old/<k>`, where `k` counts on from
 * the changed files into the removed ones. While the journal is there the update is not
 * finished, and `undoMoves` can put the output back as it was: in the same process after a
 * failed move, or in the next build after a killed one.
 */
export interface Journal {
  changed: string[]
  removed: string[]
  /**
   * The marker the update puts into the output before any other move, by its identity on disk
   * (see `fileIdentity`): a journal is undone only into an output that still holds that marker,
   * never into one a later build or `watch` has written since.
   */
  marker: string
}

export const journalName = 'journal.json'

export const stagedNew = (stage: string, file: string) => insidePath(path.join(stage, 'new'), file)
export const stagedOld = (stage: string, k: number) => path.join(stage, 'old', String(k))

/** Moves files, from and to; a test hook replaces it to make a move fail. */
export type Rename = (from: string, to: string) => void

/** A file's identity on disk: its inode, and when it was made and its bytes written, which a rename keeps. */
export function fileIdentity(file: string): string | undefined {
  const stat = lstatSync(file, {bigint: true, throwIfNoEntry: false})
  return stat?.isFile() ? `${stat.dev}:${stat.ino}:${stat.birthtimeNs}:${stat.mtimeNs}` : undefined
}

/** Whether the journal's moves were made into the output as it is now (see `Journal.marker`). */
export function isJournalOf(outDir: string, journal: Journal): boolean {
  return fileIdentity(path.join(outDir, outputMarker)) === journal.marker
}

/**
 * Put the output folder back as it was before the journal's moves, from the last to the first:
 * a file put in place goes back to the stage, a file moved aside comes back, a folder made for
 * a new file goes again. Each step looks before it moves, so undoing twice (a process killed while
 * undoing) does no harm. Nothing is moved or removed through a folder that is not a real folder
 * of the output now (a symbolic link put there since): such a file is left where it is. The
 * output then still holds the update's marker, which no build recorded, so the next build does
 * not trust it and makes the folder anew.
 */
export function undoMoves(outDir: string, stage: string, journal: Journal, rename: Rename = renameSync): void {
  const {changed, removed} = journal
  const dirs = new RealDirs(outDir)
  for (let k = changed.length + removed.length - 1; k >= 0; k--) {
    const isNew = k < changed.length
    const file = isNew ? changed[k]! : removed[k - changed.length]!
    const target = insidePath(outDir, file)
    const dir = path.dirname(target)
    if (isNew && !present(stagedNew(stage, file)) && dirs.has(dir) && lstatSync(target, {throwIfNoEntry: false})?.isFile())
      rename(target, stagedNew(stage, file))
    if (present(stagedOld(stage, k))) {
      if (!canMake(dirs, dir)) continue
      dirs.make(dir)
      rename(stagedOld(stage, k), target)
    } else if (isNew) dirs.removeEmpty(dir)
  }
}

/** Whether `dir` is, or can be made as, a real folder of the output: nothing but real folders or nothing on the way. */
function canMake(dirs: RealDirs, dir: string): boolean {
  if (dirs.has(dir)) return true
  if (!dir.startsWith(dirs.root + path.sep) || lstatSync(dir, {throwIfNoEntry: false}) !== undefined) return false
  return canMake(dirs, path.dirname(dir))
}

/** The journal a staging folder holds, when it holds one that reads as one. */
export function readJournal(stage: string): Journal | undefined {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path.join(stage, journalName), 'utf8'))
  } catch {
    return undefined
  }
  const {changed, removed, marker} = (data ?? {}) as Partial<Journal>
  const texts = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === 'string')
  return texts(changed) && texts(removed) && typeof marker === 'string' ? {changed, removed, marker} : undefined
}

/** Whether anything (a link too, even one that leads nowhere) is at `file`. */
function present(file: string): boolean {
  return lstatSync(file, {throwIfNoEntry: false}) !== undefined
}
