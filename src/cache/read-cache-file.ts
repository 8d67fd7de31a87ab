import fs from 'node:fs/promises'

/**
 * A cache file's text, or `undefined` when there is none to trust: it must be a regular file
 * (a FIFO or a device would block the build, a link could lead anywhere), opened without
 * following a link and without waiting.
 */
export async function readCacheFile(file: string): Promise<string | undefined> {
  const handle = await fs.open(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0)).catch(() => undefined)
  if (!handle) return undefined
  try {
    if (!(await handle.stat()).isFile()) return undefined
    return await handle.readFile('utf8')
  } catch {
    return undefined
  } finally {
    await handle.close()
  }
}
