import {readFileSync} from 'node:fs'
import type {OutputFile} from './theme.js'

/**
 * An output file known to be the same as one in the previous output (`size` bytes at `from`):
 * the writer links it from there. Its contents are read, or made again by `remake`, only when
 * something asks for them.
 */
export class PreviousFile implements OutputFile {
  readonly reuse: {size: number}
  private data: string | Uint8Array | undefined

  constructor(
    readonly path: string,
    size: number,
    private readonly from: string,
    private readonly remake: () => string | Uint8Array,
    readonly key?: string
  ) {
    this.reuse = {size}
  }

  get contents(): string | Uint8Array {
    if (this.data !== undefined) return this.data
    let bytes: Buffer | undefined
    try {
      bytes = readFileSync(this.from)
    } catch {
      bytes = undefined
    }
    this.data = bytes?.length === this.reuse.size ? bytes : this.remake()
    return this.data
  }
}
