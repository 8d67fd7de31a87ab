import {type Dirent, type FSWatcher, lstatSync, readdirSync, statSync, watch as fsWatch} from 'node:fs'
import path from 'node:path'

export type FolderEvent = 'add' | 'change' | 'unlink'

export interface FolderWatchOptions {
  /** Files and folders not to report, nor to look into. */
  ignored(file: string): boolean
  onEvent(event: FolderEvent, file: string): void
  onError(error: unknown): void
}

interface Folder {
  watcher: FSWatcher
  /** Names of the files (links included) in the folder, as last seen. */
  files: Set<string>
}

/**
 * Every file event below a folder, as the system reports it: one `fs.watch` per folder, links
 * not followed. Every event of a file is passed on, and a folder is listed only when a folder
 * appears. The content folder is watched with this, not chokidar: chokidar drops a file's event
 * within 5 ms of another or when its mtime did not move (two writes in one clock tick), which
 * without waiting for writes to settle loses the end of a save; and it lists the whole folder,
 * a stat per file, on every event in it, which at thousands of entries costs more than the rebuild.
 *
 * The root may be missing, or be removed and made again (`git checkout`, `rm -rf content && mkdir
 * content`): the nearest folder above it is watched too, for its name only, so a new root is
 * watched and its files reported added, and a gone one's files reported removed.
 */
export class FolderWatch {
  private readonly folders = new Map<string, Folder>()
  /** The nearest existing folder above the root, watched for the root to come, go or be replaced. */
  private guard: {dir: string; id: string | undefined; watcher: FSWatcher} | undefined
  /** Which folder the root was when last looked at (see `identity`): `undefined` while there is none. */
  private rootId: string | undefined
  private closed = false

  private constructor(
    private readonly root: string,
    private readonly options: FolderWatchOptions
  ) {}

  /** Watch `root` and every folder below it; files already there are not reported. */
  static start(root: string, options: FolderWatchOptions): FolderWatch {
    const watch = new FolderWatch(root, options)
    watch.rootId = identity(root)
    if (watch.rootId !== undefined) watch.add(root, false)
    watch.follow()
    return watch
  }

  async close(): Promise<void> {
    this.closed = true
    this.guard?.watcher.close()
    this.guard = undefined
    for (const folder of this.folders.values()) folder.watcher.close()
    this.folders.clear()
  }

  /**
   * Take in what became of the root (made: watch it and report its files; gone or replaced:
   * report its files gone, and watch the new one), then keep the guard on the nearest folder
   * above it. Each new guard is watched before the root is looked at again, so nothing made
   * meanwhile is missed.
   */
  private follow(): void {
    for (;;) {
      if (this.closed) return
      const id = identity(this.root)
      if (id !== this.rootId) {
        if (this.rootId !== undefined) this.forget(this.root)
        this.rootId = id
        if (id !== undefined) this.add(this.root, true)
      }
      const dir = folderAbove(this.root)
      const dirId = identity(dir)
      // The same folder still: a folder made again at its path would be another, not watched.
      if (this.guard?.dir === dir && this.guard.id === dirId) return
      this.guard?.watcher.close()
      this.guard = undefined
      // Only the name on the way to the root matters, and the guard's own (it went): not the
      // project's other files, such as the output's lock, written on every save.
      const next = path.relative(dir, this.root).split(path.sep)[0]
      try {
        const watcher = fsWatch(dir, {persistent: true}, (_type, name) => {
          if (name !== null && name.toString() !== next && name.toString() !== path.basename(dir)) return
          try {
            this.follow()
          } catch (error) {
            this.options.onError(error)
          }
        })
        watcher.on('error', (error) => {
          watcher.close()
          if (this.guard?.watcher === watcher) this.guard = undefined
          this.options.onError(error)
        })
        this.guard = {dir, id: dirId, watcher}
      } catch (error) {
        // Gone before it could be watched: the next turn watches a folder further up.
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
          this.options.onError(error)
          return
        }
      }
    }
  }

  /** Watch a folder (before listing it, so nothing added meanwhile is missed) and the folders in it. */
  private add(dir: string, report: boolean): void {
    if (this.closed || this.folders.has(dir) || this.options.ignored(dir)) return
    let watcher: FSWatcher | undefined
    let names: Dirent[]
    try {
      watcher = fsWatch(dir, {persistent: true}, (type, name) => this.onRaw(dir, type, name))
      names = readdirSync(dir, {withFileTypes: true})
    } catch (error) {
      watcher?.close()
      // Gone again before it could be listed: its parent's event says so.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.options.onError(error)
      return
    }
    watcher.on('error', (error) => {
      this.forget(dir)
      this.options.onError(error)
    })
    const folder: Folder = {watcher, files: new Set()}
    this.folders.set(dir, folder)
    for (const dirent of names) {
      const file = path.join(dir, dirent.name)
      if (this.options.ignored(file)) continue
      if (dirent.isDirectory()) this.add(file, report)
      else {
        folder.files.add(dirent.name)
        if (report) this.options.onEvent('add', file)
      }
    }
  }

  private onRaw(dir: string, type: string, name: string | Buffer | null): void {
    const folder = this.folders.get(dir)
    if (!folder) return
    try {
      if (name !== null) this.look(dir, folder, name.toString(), type)
      else {
        // The system could not say which file: look at every name of the folder again.
        const names = new Set([...folder.files, ...readdirSync(dir, {encoding: 'utf8'})])
        for (const other of names) this.look(dir, folder, other, 'rename')
      }
    } catch (error) {
      this.options.onError(error)
    }
  }

  private look(dir: string, folder: Folder, name: string, type: string): void {
    const file = path.join(dir, name)
    if (this.options.ignored(file)) return
    if (type === 'change' && folder.files.has(name)) {
      this.options.onEvent('change', file)
      return
    }
    // A name added, removed or replaced (a save by rename): see what stands there now.
    const stat = lstatSync(file, {throwIfNoEntry: false})
    if (stat?.isDirectory()) {
      if (folder.files.delete(name)) this.options.onEvent('unlink', file)
      this.add(file, true)
      return
    }
    if (this.folders.has(file)) this.forget(file)
    if (stat) {
      const known = folder.files.has(name)
      folder.files.add(name)
      this.options.onEvent(known ? 'change' : 'add', file)
    } else if (folder.files.delete(name)) {
      this.options.onEvent('unlink', file)
    }
  }

  /** A folder gone: stop watching it and what is below it, and report its files gone. */
  private forget(dir: string): void {
    for (const [other, folder] of [...this.folders]) {
      if (other !== dir && !other.startsWith(dir + path.sep)) continue
      folder.watcher.close()
      this.folders.delete(other)
      for (const name of folder.files) this.options.onEvent('unlink', path.join(other, name))
    }
  }
}

/**
 * A folder's identity, `undefined` when there is none: a folder made again at the same path may
 * get the inode of the one removed (ext4 does), never its birth time. A root that is a link is
 * followed, as discover follows it.
 */
function identity(dir: string): string | undefined {
  try {
    const stat = statSync(dir, {throwIfNoEntry: false})
    return stat?.isDirectory() ? `${stat.dev}:${stat.ino}:${stat.birthtimeMs}` : undefined
  } catch {
    // Not a folder one can reach (a file on the way, no permission): none.
    return undefined
  }
}

/** The nearest existing folder above `file`: the file system's root at most. */
function folderAbove(file: string): string {
  let dir = path.dirname(file)
  while (identity(dir) === undefined && path.dirname(dir) !== dir) dir = path.dirname(dir)
  return dir
}
