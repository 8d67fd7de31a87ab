import path from 'node:path'
import {outputMarker} from './owned.js'
import fs from 'node:fs/promises'

/**
 * The identity of an output folder on disk, and of the marker in it. A build writes a new
 * folder, or moves its changes into the folder after putting a new marker in, as every write of
 * `watch` does too: either way the identity changes (the marker is a new file each time, which
 * does not depend on how finely the file system keeps times), as it does with any file added or
 * removed at the folder's top.
 */
export async function outputStamp(outDir: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(outDir, {bigint: true})
    const marker = await fs.lstat(path.join(outDir, outputMarker), {bigint: true}).catch(() => undefined)
    const mark = marker ? `:${marker.ino}:${marker.mtimeNs}` : ''
    return `${stat.dev}:${stat.ino}:${stat.birthtimeNs}:${stat.mtimeNs}${mark}`
  } catch {
    return undefined
  }
}
