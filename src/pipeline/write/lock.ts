import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {BouncebackError} from '../../errors.js'

/** Where the lock of an output folder lives: beside it, named after it. */
export function lockFile(outDir: string): string {
  return path.join(path.dirname(outDir), `.bounceback-lock-${path.basename(outDir)}`)
}

/** The locks this process holds: a lock naming this process but not among them was left by an earlier process with the same pid (a container's next run). */
const held = new Set<string>()

/**
 * Run `fn` while holding the output folder's lock: a file beside it holding the owner's pid.
 * A second build on the same project waits for the first to finish writing (checking every
 * 100 ms, for at most `timeout` ms), so the output is always one build's, never a mix. A lock
 * left by a process that is gone is taken over; a file by that name that bounceback did not
 * write is never removed.
 */
export async function withOutputLock<T>(outDir: string, fn: () => Promise<T>, timeout = 120_000): Promise<T> {
  const lock = lockFile(outDir)
  const deadline = Date.now() + timeout
  const mine = `bounceback-lock ${process.pid}\n`
  try {
    await fs.mkdir(path.dirname(outDir), {recursive: true})
    await sweepTemporary(lock)
  } catch (error) {
    throw cannotLock(lock, error)
  }
  for (;;) {
    let made: boolean
    try {
      made = await create(lock, mine)
    } catch (error) {
      throw cannotLock(lock, error)
    }
    if (made) break
    const owner = await lockOwner(lock)
    if (owner === 'gone') continue
    if (owner === 'foreign') {
      throw new BouncebackError(
        'OUTPUT_LOCKED',
        `${lock} is in the way: bounceback keeps its lock there, and this file is not one it wrote. Remove or rename it, then build again`
      )
    }
    if (!isAlive(owner) || (owner === process.pid && !held.has(lock))) {
      await takeOver(lock, owner)
      continue
    }
    if (Date.now() > deadline) {
      throw new BouncebackError(
        'OUTPUT_LOCKED',
        `Another build (process ${owner}) has been writing ${outDir} for over ` +
          `${timeout >= 1000 ? `${Math.round(timeout / 1000)} s` : `${timeout} ms`}. If it is stuck, stop it; if no build is running, remove ${lock}`
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  held.add(lock)
  try {
    return await fn()
  } finally {
    held.delete(lock)
    // Removed only while it is still ours.
    if ((await lockOwner(lock)) === process.pid) await fs.rm(lock, {force: true})
  }
}

/** The folder beside the output cannot be written: a read-only disk, or a folder of someone else's. */
function cannotLock(lock: string, error: unknown): BouncebackError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error)
  return new BouncebackError(
    'WRITE_FAILED',
    `Could not write ${lock} (${code}): a build writes its lock and temporary folders beside the output folder, so that folder must be ` +
      `writable. Check its permissions, or choose another \`output\``,
    {cause: error}
  )
}

/**
 * Remove a lock whose owner is gone. Two builds may find the same stale lock at once: each
 * removes it only while holding a second, short-lived lock for the takeover, and only if it
 * still names the process that is gone, so neither removes the lock the other has just made.
 */
async function takeOver(lock: string, gone: number): Promise<void> {
  const guard = `${lock}.takeover`
  if (!(await create(guard, `bounceback-lock ${process.pid}\n`))) {
    // Another build is taking over; a guard left by a build killed while doing so is old.
    const stat = await fs.lstat(guard).catch(() => undefined)
    if (stat && Date.now() - stat.mtimeMs > 10_000 && (await lockOwner(guard)) !== 'foreign') await fs.rm(guard, {force: true})
    await new Promise((resolve) => setTimeout(resolve, 20))
    return
  }
  try {
    if ((await lockOwner(lock)) === gone) await fs.rm(lock, {force: true})
  } finally {
    await fs.rm(guard, {force: true})
  }
}

/** Temporary files of lock attempts by builds that were killed half way. */
async function sweepTemporary(lock: string): Promise<void> {
  const dir = path.dirname(lock)
  const pattern = new RegExp(`^${path.basename(lock).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.takeover)?\\.[0-9a-f]{8}\\.tmp$`)
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (!pattern.test(name)) continue
    const owner = await lockOwner(path.join(dir, name))
    if (typeof owner === 'number' && !isAlive(owner)) await fs.rm(path.join(dir, name), {force: true})
  }
}

/**
 * Make the lock file with its contents in one step (a hard link to a finished temporary file),
 * so no reader ever sees an empty lock; `false` when it exists already.
 */
async function create(lock: string, contents: string): Promise<boolean> {
  const temporary = `${lock}.${randomBytes(4).toString('hex')}.tmp`
  await fs.writeFile(temporary, contents, {flag: 'wx'})
  try {
    await fs.link(temporary, lock)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    // A file system without hard links: create the file exclusively instead.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error
    try {
      await fs.writeFile(lock, contents, {flag: 'wx'})
      return true
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false
      throw inner
    }
  } finally {
    await fs.rm(temporary, {force: true})
  }
}

/** Who holds the lock: a pid, `gone` (no lock any more), or `foreign` (not a lock bounceback wrote). */
async function lockOwner(lock: string): Promise<number | 'gone' | 'foreign'> {
  const stat = await fs.lstat(lock).catch(() => undefined)
  if (!stat) return 'gone'
  if (!stat.isFile() || stat.size > 64) return 'foreign'
  const text = await fs.readFile(lock, 'utf8').catch(() => undefined)
  if (text === undefined) return 'gone'
  const match = /^bounceback-lock (\d+)\n$/.exec(text)
  return match ? Number(match[1]) : 'foreign'
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
