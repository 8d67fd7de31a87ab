import {lstatSync, mkdirSync, readFileSync, renameSync, rmdirSync} from 'node:fs'
import path from 'node:path'
import {insidePath} from './inside-path.js'

/**
 * What an in-place update moves, written into its staging folder before the first move: the
 * files put in place (`changed`, each staged at its own path under `new/`) and the files taken
 * out (`removed`).
 * A file a move replaces or removes goes to `old/<k>`, where `k` counts on from the changed
 * files into the removed ones. While the journal is there the update is not finished, and
 * `undoMoves` can put the output back as it was: in the same process after a failed move, or
 * in the next build after a killed one.
 */
export interface Journal {
  changed: string[]
  removed: string[]
}

export const journalName = 'journal.json'

export const stagedNew = (stage: string, file: string) => insidePath(path.join(stage, 'new'), file)
export const stagedOld = (stage: string, k: number) => path.join(stage, 'old', String(k))

/** Moves files, from and to; a test hook replaces it to make a move fail. */
export type Rename = (from: string, to: string) => void

/**
 * Put the output folder back as it was before the journal's moves, from the last to the first:
 * a file put in place goes back to the stage, a file moved aside comes back, a folder made for
 * a new file goes again. Each step looks before it moves, so undoing twice (a process killed while
 * undoing) does no harm.
 */
export function undoMoves(outDir: string, stage: string, journal: Journal, rename: Rename = renameSync): void {
  const {changed, removed} = journal
  for (let k = changed.length + removed.length - 1; k >= 0; k--) {
    const isNew = k < changed.length
    const file = isNew ? changed[k]! : removed[k - changed.length]!
    const target = insidePath(outDir, file)
    if (isNew && !present(stagedNew(stage, file)) && lstatSync(target, {throwIfNoEntry: false})?.isFile()) rename(target, stagedNew(stage, file))
    if (present(stagedOld(stage, k))) {
      mkdirSync(path.dirname(target), {recursive: true})
      rename(stagedOld(stage, k), target)
    } else if (isNew) removeEmptyFolders(outDir, path.dirname(target))
  }
}

/** The journal a staging folder holds, when it holds one that reads as one. */
export function readJournal(stage: string): Journal | undefined {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path.join(stage, journalName), 'utf8'))
  } catch {
    return undefined
  }
  const {changed, removed} = (data ?? {}) as Partial<Journal>
  const texts = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === 'string')
  return texts(changed) && texts(removed) ? {changed, removed} : undefined
}

/** Remove `dir` and the folders above it, up to `root`, for as long as each is empty. */
export function removeEmptyFolders(root: string, dir: string): void {
  while (dir !== root && dir.startsWith(root + path.sep)) {
    try {
      rmdirSync(dir)
    } catch {
      return
    }
    dir = path.dirname(dir)
  }
}

/** Whether anything (a link too, even one that leads nowhere) is at `file`. */
function present(file: string): boolean {
  return lstatSync(file, {throwIfNoEntry: false}) !== undefined
}
