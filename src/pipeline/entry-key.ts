import {createHash} from 'node:crypto'

/**
 * What an entry is made from: its file's path and a digest of its bytes. With the settings that
 * shape entries (the cache's salt), it stands for the whole entry: results are cached by it,
 * and pages compare the entries they show by it.
 */
export function entryKey(file: string, bytes: Uint8Array): string {
  return `${file}\u0000${createHash('sha1').update(bytes).digest('hex')}`
}
