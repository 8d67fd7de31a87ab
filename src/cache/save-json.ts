import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Write a cache file atomically (a temporary file, then a rename), so a reader never sees half
 * of one. A cache that cannot be written is skipped: the next run does the work again.
 */
export async function saveJson(file: string, data: unknown): Promise<void> {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await fs.mkdir(path.dirname(file), {recursive: true})
    await fs.writeFile(temporary, JSON.stringify(data))
    await fs.rename(temporary, file)
  } catch {
    await fs.rm(temporary, {force: true}).catch(() => undefined)
  }
}
