import {createHash} from 'node:crypto'
import {closeSync, constants, fstatSync, openSync, readFileSync, realpathSync} from 'node:fs'
import path from 'node:path'
import type {OutputFile} from './theme.js'

/**
 * An output file known to be the same as one in the previous output (`size` bytes at `path`
 * in `outDir`):
 * the writer links it from there. Its contents are read, or made again by `remake`, only when
 * something asks for them, and not kept: a build holds no more pages in memory than it writes
 * at once.
 */
export class PreviousFile implements OutputFile {
  readonly reuse: {size: number}
  /** The size of what was last given as contents: the previous file's, or what `remake` made. */
  size: number | undefined

  constructor(
    readonly path: string,
    size: number,
    private readonly outDir: string,
    private readonly remake: () => string | Uint8Array,
    readonly key?: string
  ) {
    this.reuse = {size}
  }

  get contents(): string | Uint8Array {
    const bytes = readInside(this.outDir, this.path)
    const contents = bytes?.length === this.reuse.size ? bytes : this.remake()
    this.size = typeof contents === 'string' ? Buffer.byteLength(contents) : contents.length
    return contents
  }
}

/** A page rendered when its contents are asked for, and not kept; `size` is known from then on. */
export class PendingPage implements OutputFile {
  size: number | undefined

  constructor(
    readonly path: string,
    private readonly render: () => string,
    readonly key?: string
  ) {}

  get contents(): string {
    const contents = this.render()
    this.size = Buffer.byteLength(contents)
    return contents
  }
}

/**
 * A file keyed by a digest of its bytes (`data.json`, the feed, a theme's asset): made, as bytes,
 * when its contents or key are first asked for, then kept. Watch makes those from the whole site
 * after the reload event: at 5,000 entries `data.json` is 6 MB.
 */
export class MadeFile implements OutputFile {
  readonly keyOfBytes = true
  private made: Uint8Array | undefined
  private digest: string | undefined

  /** Set for a file made from the whole site (see OutputFile.fromWholeSite). */
  readonly fromWholeSite: true | undefined

  constructor(
    readonly path: string,
    private readonly make: () => string | Uint8Array,
    options: {fromWholeSite?: true} = {}
  ) {
    this.fromWholeSite = options.fromWholeSite
  }

  get contents(): Uint8Array {
    if (!this.made) {
      const made = this.make()
      this.made = typeof made === 'string' ? Buffer.from(made) : made
    }
    return this.made
  }

  get key(): string {
    this.digest ??= `sha1:${createHash('sha1').update(this.contents).digest('hex')}`
    return this.digest
  }

  get size(): number {
    return this.contents.length
  }
}

/** A file already written and let go: only its name and size are kept. */
export class WrittenFile implements OutputFile {
  constructor(
    readonly path: string,
    readonly size: number
  ) {}

  get contents(): never {
    throw new Error(`${this.path} was written and let go; its contents are not kept`)
  }
}

/**
 * An output file's size in bytes, without making it: a lazy file knows it once made or taken
 * from the previous output (`undefined` before), a plain file holds its bytes.
 */
export function knownSize(file: OutputFile): number | undefined {
  if ('size' in file) return (file as {size?: number}).size ?? file.reuse?.size
  return file.reuse?.size ?? Buffer.byteLength(file.contents)
}

/**
 * A regular file's bytes at `relative` inside `root`, read only when no symbolic link lies on
 * the way: a link put into the previous output must not bring a file from elsewhere into the site.
 */
function readInside(root: string, relative: string): Buffer | undefined {
  const file = path.join(root, relative)
  try {
    if (realpathSync(file) !== path.join(realpathSync(root), relative)) return undefined
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
    try {
      return fstatSync(fd).isFile() ? readFileSync(fd) : undefined
    } finally {
      closeSync(fd)
    }
  } catch {
    return undefined
  }
}
