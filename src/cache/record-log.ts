import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {readCacheFile} from './read-cache-file.js'

/** One record: a key and its value, or the key alone when it was removed. */
export type LogRecord = [key: string, value?: unknown]

/**
 * A cache file kept as lines of JSON: a header, then records, each setting or removing one key.
 * A save appends only the records that changed, so its cost follows the change, not the cache's
 * size; the file is written afresh (a temporary file, then a rename) when it is new, when its
 * header would change, or when most of its records are dead.
 *
 * A torn append (a killed process) leaves a last line that is not JSON: the next append starts
 * on a new line, and the reader skips it. A header is only ever written by a rename, so a file
 * appended to (the same inode as the one read) still has the header it was read with.
 */
export class RecordLog {
  private constructor(
    private readonly file: string,
    private readonly header: string,
    /** The file's identity when read, if it had this header: appends go only there. */
    private inode: number | undefined,
    /** Lines of records in the file: what decides when it is compacted. */
    private lines: number
  ) {}

  /** The live records of `file` when its header is `header` (else none), and the log to save into. */
  static async open(file: string, header: Record<string, unknown>): Promise<{log: RecordLog; records: Map<string, unknown>}> {
    const head = JSON.stringify(header)
    const records = new Map<string, unknown>()
    const text = await readCacheFile(file)
    const lines = text?.split('\n') ?? []
    if (lines[0] !== head) return {log: new RecordLog(file, head, undefined, 0), records}
    for (const line of lines.slice(1)) {
      const record = parse(line)
      if (!record) continue
      if (record.length === 1) records.delete(record[0])
      else records.set(record[0], record[1])
    }
    const inode = (await fs.stat(file).catch(() => undefined))?.ino
    return {log: new RecordLog(file, head, inode, lines.length - 1), records}
  }

  /**
   * Save `changed` (the records that differ from the file's), given the number of live records
   * there will then be and, for a rewrite, all of them. A cache that cannot be written is
   * skipped: the next run does the work again.
   */
  async save(changed: readonly LogRecord[], live: number, all: () => Iterable<LogRecord>): Promise<void> {
    if (changed.length === 0 && this.inode !== undefined) return
    // Compact once dead records outnumber the live ones.
    if (this.inode === undefined || this.lines + changed.length > 2 * live + 64 || !(await this.append(changed))) await this.rewrite(all(), live)
  }

  private async append(records: readonly LogRecord[]): Promise<boolean> {
    const handle = await fs.open(this.file, 'a').catch(() => undefined)
    if (!handle) return false
    try {
      // Written by someone else since it was read (a rewrite under another header): not ours to extend.
      if ((await handle.stat()).ino !== this.inode) return false
      await handle.writeFile(`\n${records.map((record) => JSON.stringify(record)).join('\n')}`)
      this.lines += records.length
      return true
    } catch {
      return false
    } finally {
      await handle.close()
    }
  }

  private async rewrite(records: Iterable<LogRecord>, live: number): Promise<void> {
    const temporary = `${this.file}.${randomBytes(4).toString('hex')}.tmp`
    try {
      await fs.mkdir(path.dirname(this.file), {recursive: true})
      const handle = await fs.open(temporary, 'w')
      let inode: number
      try {
        // Written a chunk at a time: the cache of 10,000 entries is some 60 MB, never needed in memory at once.
        let chunk = this.header
        for (const record of records) {
          chunk += `\n${JSON.stringify(record)}`
          if (chunk.length >= 1 << 20) {
            await handle.writeFile(chunk)
            chunk = ''
          }
        }
        await handle.writeFile(chunk)
        inode = (await handle.stat()).ino
      } finally {
        await handle.close()
      }
      await fs.rename(temporary, this.file)
      this.inode = inode
      this.lines = live
    } catch {
      await fs.rm(temporary, {force: true}).catch(() => undefined)
      this.inode = undefined
    }
  }
}

function parse(line: string): LogRecord | undefined {
  try {
    const record = JSON.parse(line) as unknown
    return Array.isArray(record) && typeof record[0] === 'string' && record.length <= 2 ? (record as LogRecord) : undefined
  } catch {
    return undefined
  }
}
