import fs from 'node:fs/promises'

/**
 * The identity of an output folder on disk. A build writes a new folder, or moves its changes
 * into the folder after putting its marker in again, as every write of `watch` does too: either
 * way the identity changes, as it does with any file added or removed at the folder's top.
 */
export async function outputStamp(outDir: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(outDir, {bigint: true})
    return `${stat.dev}:${stat.ino}:${stat.birthtimeNs}:${stat.mtimeNs}`
  } catch {
    return undefined
  }
}
