import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/** Members of one object of the file, written one at a time rather than as one string. */
export interface StreamedMembers {
  key: string
  members: Iterable<[string, unknown]>
}

/**
 * Write a cache file atomically (a temporary file, then a rename), so a reader never sees half
 * of one. A cache that cannot be written is skipped: the next run does the work again.
 *
 * With `streamed`, `data` gets one more member, `streamed.key`, whose members are serialised
 * and written a chunk at a time: the cache of 10,000 entries is some 60 MB of JSON, which need
 * never be in memory at once.
 */
export async function saveJson(file: string, data: Record<string, unknown>, streamed?: StreamedMembers): Promise<void> {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await fs.mkdir(path.dirname(file), {recursive: true})
    const handle = await fs.open(temporary, 'w')
    try {
      let chunk = JSON.stringify(data)
      if (streamed) {
        chunk = `${chunk.slice(0, -1)}${chunk === '{}' ? '' : ','}${JSON.stringify(streamed.key)}:{`
        let first = true
        for (const [key, value] of streamed.members) {
          chunk += `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`
          first = false
          if (chunk.length >= 1 << 20) {
            await handle.writeFile(chunk)
            chunk = ''
          }
        }
        chunk += '}}'
      }
      await handle.writeFile(chunk)
    } finally {
      await handle.close()
    }
    await fs.rename(temporary, file)
  } catch {
    await fs.rm(temporary, {force: true}).catch(() => undefined)
  }
}
