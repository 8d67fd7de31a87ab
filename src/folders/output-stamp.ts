import fs from 'node:fs/promises'

/**
 * The identity of an output folder on disk. Each build writes a new folder, so the identity
 * changes with every build, and with any file added or removed at its top.
 */
export async function outputStamp(outDir: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(outDir, {bigint: true})
    return `${stat.dev}:${stat.ino}:${stat.birthtimeNs}:${stat.mtimeNs}`
  } catch {
    return undefined
  }
}
