import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Run `fn` while holding the output folder's lock: a file beside it holding the owner's pid.
 * A second build on the same project waits for the first to finish writing (checking every
 * 100 ms, for at most `timeout` ms), so the output is always one build's, never a mix. A lock
 * left by a process that is gone is taken over.
 */
export async function withOutputLock<T>(outDir: string, fn: () => Promise<T>, timeout = 120_000): Promise<T> {
  const lock = path.join(path.dirname(outDir), `.bounceback-lock-${path.basename(outDir)}`)
  const deadline = Date.now() + timeout
  await fs.mkdir(path.dirname(outDir), {recursive: true})
  for (;;) {
    try {
      await fs.writeFile(lock, String(process.pid), {flag: 'wx'})
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(await fs.readFile(lock, 'utf8').catch(() => ''))
      if (!owner || !isAlive(owner)) {
        await fs.rm(lock, {force: true})
        continue
      }
      if (Date.now() > deadline) throw new Error(`another build (process ${owner}) has been writing ${outDir} for over ${Math.round(timeout / 1000)} s; if it is stuck, stop it or remove ${lock}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  try {
    return await fn()
  } finally {
    await fs.rm(lock, {force: true})
  }
}

export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
