import {lstatSync, mkdirSync, rmdirSync} from 'node:fs'
import path from 'node:path'
import {BouncebackError} from '../../errors.js'

/**
 * Folders inside an output folder, checked to be real folders: no part of the way down from
 * the output folder is a symbolic link. A link put into the output by hand must not lead a
 * write, a removal or a hard link to a file outside it. Each folder is checked once.
 */
export class RealDirs {
  private readonly real = new Set<string>()

  constructor(readonly root: string) {}

  /**
   * Whether `dir` (the root or inside it) exists, and it and every part of it below the root's
   * parent is a real folder: the output folder itself may have become a link since it was claimed.
   */
  has(dir: string): boolean {
    if (this.real.has(dir)) return true
    if (dir === this.root) {
      if (!lstatSync(dir, {throwIfNoEntry: false})?.isDirectory()) return false
      this.real.add(dir)
      return true
    }
    if (!dir.startsWith(this.root + path.sep)) return false
    if (!this.has(path.dirname(dir))) return false
    const stat = lstatSync(dir, {throwIfNoEntry: false})
    if (!stat?.isDirectory()) return false
    this.real.add(dir)
    return true
  }

  /** Tell of a folder found to be real by a listing that went down to it through real folders. */
  add(dir: string): void {
    this.real.add(dir)
  }

  /** Remove `dir` and the folders above it, below the root, for as long as each is an empty, real folder. */
  removeEmpty(dir: string): void {
    while (dir.startsWith(this.root + path.sep) && this.has(dir)) {
      try {
        rmdirSync(dir)
      } catch {
        return
      }
      this.real.delete(dir)
      dir = path.dirname(dir)
    }
  }

  /** Make `dir` and whatever of it is missing, refusing to go through anything but real folders. */
  make(dir: string): void {
    if (this.has(dir)) return
    if (!dir.startsWith(this.root + path.sep)) throw outside(dir)
    this.make(path.dirname(dir))
    try {
      mkdirSync(dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    if (!this.has(dir)) throw outside(dir)
  }
}

function outside(dir: string): BouncebackError {
  return new BouncebackError(
    'WRITE_FAILED',
    `Refusing to write through ${dir}: it is not a real folder of the output (a symbolic link or a file stands there). Remove it, or build afresh`
  )
}
