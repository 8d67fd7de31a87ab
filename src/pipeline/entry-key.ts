import {createHash} from 'node:crypto'
import type {EntryAsset} from '../types.js'

/**
 * What an entry is made from: its file's path and a digest of its bytes. With the settings that
 * shape entries (the cache's salt), it stands for the whole entry: results are cached by it,
 * and pages compare the entries they show by it.
 */
export function entryKey(file: string, bytes: Uint8Array): string {
  return `${file}\u0000${createHash('sha1').update(bytes).digest('hex')}`
}

/**
 * An entry's key with the files it uses (its images): a new image makes a new page, though the
 * entry's bytes did not change. The cache still finds the result by the plain key (`sameEntry`).
 */
export function keyWithFiles(key: string, assets: readonly EntryAsset[]): string {
  if (assets.length === 0) return key
  const hash = createHash('sha1')
  for (const asset of assets) hash.update(asset.source).update('\u0000').update(asset.hash).update('\u0000')
  return `${key}\u0000${hash.digest('hex')}`
}

/** Whether an entry's key is `key`, or `key` with the files it uses. */
export function sameEntry(entryKeyWithFiles: string, key: string): boolean {
  return entryKeyWithFiles === key || (entryKeyWithFiles.startsWith(`${key}\u0000`) && !entryKeyWithFiles.slice(key.length + 1).includes('\u0000'))
}
