import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {BouncebackError} from '../errors.js'
import {mapLimit} from '../map-limit.js'
import {isAlive, withOutputLock} from './lock.js'
import type {OutputFile} from '../render/theme.js'

export interface WriteResult {
  /** Files whose bytes were written. */
  written: number
  /** Files unchanged since the previous build, linked rather than written again. */
  kept: number
}

/** Hooks for tests that simulate a failing disk; a program never needs them. */
export interface WriteOptions {
  writeFile?: (file: string, contents: string | Uint8Array) => Promise<void>
}

/**
 * Write the site atomically: everything goes into a sibling temporary folder, which then takes
 * the output folder's place. If anything fails, the temporary folder is removed and the previous
 * output is left exactly as it was.
 */
export async function writeSite(outDir: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  return withOutputLock(outDir, () => writeUnlocked(outDir, files, options))
}

async function writeUnlocked(outDir: string, files: readonly OutputFile[], options: WriteOptions): Promise<WriteResult> {
  const parent = path.dirname(outDir)
  const tag = `${path.basename(outDir)}-${process.pid}-${randomBytes(4).toString('hex')}`
  const staging = path.join(parent, `.bounceback-tmp-${tag}`)
  const retired = path.join(parent, `.bounceback-old-${tag}`)
  const writeFile = options.writeFile ?? ((file, contents) => fs.writeFile(file, contents))
  let kept = 0
  try {
    await fs.mkdir(parent, {recursive: true})
    await sweepStale(parent, path.basename(outDir))
    await fs.mkdir(staging)
    const targets = files.map((file) => insidePath(staging, file.path))
    await mapLimit([...new Set(targets.map((t) => path.dirname(t)))], 16, (dir) => fs.mkdir(dir, {recursive: true}))
    // Files are independent: many in flight at once, since each costs a few system calls.
    await mapLimit(files, 16, async (file, i) => {
      if (await linkUnchanged(path.join(outDir, file.path), targets[i]!, file.contents)) kept++
      else await writeFile(targets[i]!, file.contents)
    })
    await swap(staging, outDir, retired)
  } catch (error) {
    await fs.rm(staging, {recursive: true, force: true})
    if (error instanceof BouncebackError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new BouncebackError('WRITE_FAILED', `Could not write ${outDir}: ${reason}. The previous output was left as it was.`, {cause: error})
  }
  await fs.rm(retired, {recursive: true, force: true})
  return {written: files.length - kept, kept}
}

/**
 * Minimal writes within the atomic swap: a file whose bytes are the same as in the previous
 * output is hard-linked from it into the new folder instead of written again. Where links are
 * not possible, the file is simply written.
 */
async function linkUnchanged(previous: string, target: string, contents: string | Uint8Array): Promise<boolean> {
  const bytes = typeof contents === 'string' ? Buffer.from(contents) : contents
  try {
    const stat = await fs.lstat(previous)
    if (!stat.isFile() || stat.size !== bytes.length) return false
    if (!Buffer.from(await fs.readFile(previous)).equals(bytes)) return false
    await fs.link(previous, target)
    return true
  } catch {
    return false
  }
}

/** Remove temporary folders left by builds that were killed (their process is gone). */
async function sweepStale(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.bounceback-(?:tmp|old)-${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)-[0-9a-f]{8}$`)
  for (const entry of await fs.readdir(parent)) {
    const pid = Number(pattern.exec(entry)?.[1])
    if (!pid || pid === process.pid || isAlive(pid)) continue
    await fs.rm(path.join(parent, entry), {recursive: true, force: true})
  }
}

async function swap(staging: string, outDir: string, retired: string): Promise<void> {
  let hadPrevious = true
  try {
    await fs.rename(outDir, retired)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    hadPrevious = false
  }
  try {
    await fs.rename(staging, outDir)
  } catch (error) {
    if (hadPrevious) await fs.rename(retired, outDir)
    throw error
  }
}

/** Resolve an output path and make sure it cannot leave the folder it is written to. */
export function insidePath(dir: string, relative: string): string {
  const target = path.resolve(dir, relative)
  const rel = path.relative(dir, target)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) || relative.includes('\0')) {
    throw new BouncebackError('WRITE_FAILED', `Refusing to write \`${relative}\` outside the output folder`)
  }
  return target
}
