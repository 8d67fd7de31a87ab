import {randomBytes} from 'node:crypto'
import {existsSync, linkSync, lstatSync, readdirSync, readFileSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {outputStamp} from '../../folders/output-stamp.js'
import {BouncebackError, messageOf} from '../../errors.js'
import {mapLimit} from '../../map-limit.js'
import {folderState, isOurOutput, outputMarker, outputMarkerText} from '../../folders/owned.js'
import {claimOutput, type OutputSettings} from './claim.js'
import {isAlive, withOutputLock} from './lock.js'
import {RealDirs} from './real-dirs.js'
import {insidePath} from './inside-path.js'
import {isJournalOf, readJournal, undoMoves, type Rename} from './journal.js'
import type {OutputFile} from '../../types.js'

export interface WriteResult {
  /** Files whose bytes were written. */
  written: number
  /** Files unchanged since the previous build, linked rather than written again. */
  kept: number
  /** The new output folder's identity on disk (see `outputStamp`). */
  stamp: string | undefined
  /**
   * The previous output's removal, under way once the new folder is in place: thousands of
   * unlinks, which the caller overlaps with its last work and awaits before it lets go of the lock.
   */
  retiring: Promise<void>
}

/** Hooks for tests that simulate a failing disk; a program never needs them. */
export interface WriteOptions {
  writeFile?: (file: string, contents: string | Uint8Array) => Promise<void>
  /** Moves a file into or out of the output folder, in an in-place update (see `updateOutput`). */
  rename?: Rename
}

/**
 * Write the site atomically: everything goes into a sibling temporary folder, which then takes
 * the output folder's place. If anything fails, the temporary folder is removed and the previous
 * output is left exactly as it was.
 */
export async function writeSite(config: OutputSettings, files: readonly OutputFile[], options: WriteOptions & StreamOptions = {}): Promise<WriteResult> {
  return withOutputLock(config.outDir, async () => {
    const result = await replaceOutput(config, files, options)
    await result.retiring
    return result
  })
}

/** What a build does with each file as it is written, and the files it has only at the end. */
export interface StreamOptions {
  /**
   * Told each file's contents, in order, as it is written (the search index is fed so); files it
   * gives back are written as well.
   */
  each?: (file: OutputFile, contents: string | Uint8Array) => Promise<readonly OutputFile[] | undefined>
  /** Which files `each` is told of (default: all); a file linked from the previous output is then not read. */
  wants?: (file: OutputFile) => boolean
  /** Files made from all the others, written last, a batch at a time (the search index, by shard). */
  more?: () => AsyncIterable<readonly OutputFile[]>
}

/**
 * `writeSite` for a caller that already holds the output folder's lock. Files may be lazy
 * (contents made when read): each is read once, written, and let go.
 */
export async function replaceOutput(
  config: OutputSettings,
  siteFiles: readonly OutputFile[],
  options: WriteOptions & StreamOptions = {}
): Promise<WriteResult> {
  const {outDir} = config
  const marker = markerFile()
  const files = [marker, ...siteFiles]
  const parent = path.dirname(outDir)
  const tag = `${path.basename(outDir)}-${process.pid}-${randomBytes(4).toString('hex')}`
  const staging = path.join(parent, `.bounceback-tmp-${tag}`)
  const retired = path.join(parent, `.bounceback-old-${tag}`)
  const writeFile = options.writeFile ?? ((file, contents) => fs.writeFile(file, contents))
  const {each, more, wants} = options
  let kept = 0
  let count = files.length
  const owners = new Set([marker.path])
  // A file is linked from the previous output only through real folders of it, never a link.
  const previousDirs = new RealDirs(outDir)
  const put = async (file: OutputFile, target: string) => {
    const previous = path.join(outDir, file.path)
    const tell = each !== undefined && (wants?.(file) ?? true)
    // Contents are asked for before anything is awaited, so `each` sees files in order.
    const contents = tell || !file.reuse ? file.contents : undefined
    const told = tell ? each(file, contents!) : undefined
    told?.catch(() => undefined)
    const {reuse} = file
    if (previousDirs.has(path.dirname(previous)) && linkIfSame(previous, target, (found) => (reuse ? hasSize(found, reuse.size) : hasBytes(found, contents!))))
      kept++
    else await writeFile(target, contents ?? file.contents)
    // Files `each` made of what it was told (a shard of the search index, once its last page is in) go next.
    const made = await told
    if (made && made.length > 0) {
      count += made.length
      await putAll(staging, made, put, owners)
    }
  }
  // Checked again here, under the lock, right before anything is replaced.
  await claimOutput(config)
  try {
    await fs.mkdir(parent, {recursive: true})
    await sweepStale(parent, path.basename(outDir))
    if (!each && !more && sameAsOutput(outDir, files)) return {written: 0, kept: files.length, stamp: await outputStamp(outDir), retiring: Promise.resolve()}
    await fs.mkdir(staging)
    // The marker first: a temporary folder left by a killed build is known as ours by it.
    await fs.writeFile(path.join(staging, marker.path), marker.contents, {flag: 'wx'})
    await putAll(staging, siteFiles, put, owners)
    if (more) {
      for await (const batch of more()) {
        count += batch.length
        await putAll(staging, batch, put, owners)
      }
    }
    await swap(staging, outDir, retired)
  } catch (error) {
    await removeOurs(staging)
    if (error instanceof BouncebackError) throw error
    throw new BouncebackError('WRITE_FAILED', `Could not write ${outDir}: ${messageOf(error)}. The previous output was left as it was.`, {cause: error})
  }
  // A removal cut short (a killed process) is finished by the next build's sweep.
  const retiring = removeOurs(retired).catch(() => undefined)
  return {written: count - kept, kept, stamp: await outputStamp(outDir), retiring}
}

/** Undo what a build killed while moving files into `outDir` left half done (see `sweepStale`). */
export async function recoverOutput(outDir: string): Promise<void> {
  await sweepStale(path.dirname(outDir), path.basename(outDir)).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(path.dirname(outDir))) return
    throw new BouncebackError('WRITE_FAILED', `Could not tidy what an earlier build left beside ${outDir}: ${messageOf(error)}`, {cause: error})
  })
}

async function putAll(
  staging: string,
  files: readonly OutputFile[],
  put: (file: OutputFile, target: string) => Promise<void>,
  owners: Set<string>
): Promise<void> {
  // Every output path is owned by one file: two pages at one path would silently lose one.
  for (const file of files) {
    if (owners.has(file.path)) throw new BouncebackError('WRITE_FAILED', `Two outputs at \`${file.path}\`: each page, index and asset needs a path of its own`)
    owners.add(file.path)
  }
  const targets = files.map((file) => insidePath(staging, file.path))
  // Folders are made through the thread pool, several at once: on a slow file system that beats
  // making them one after another (bench/results.md).
  await mapLimit([...new Set(targets.map((t) => path.dirname(t)))], 16, (dir) => fs.mkdir(dir, {recursive: true}))
  // Files are independent: many in flight at once, since each costs a few system calls.
  await mapLimit(files, 16, (file, i) => put(file, targets[i]!))
}

/**
 * Whether the output folder already holds exactly these files, byte for byte (by size for
 * files known to be the same): then there is nothing to write, and it is left as it is.
 */
function sameAsOutput(outDir: string, files: readonly OutputFile[]): boolean {
  return outputIs(
    outDir,
    new Map(files.map((file) => [file.path, (previous: string) => (file.reuse ? hasSize(previous, file.reuse.size) : hasBytes(previous, file.contents))]))
  )
}

/** Whether the output folder holds exactly these files (by path), each of this size, and the marker. */
export function outputHasSizes(outDir: string, files: readonly (readonly [string, number])[]): boolean {
  const marker = markerFile()
  return outputIs(
    outDir,
    new Map([
      [marker.path, (previous: string) => hasBytes(previous, marker.contents)],
      ...files.map(([file, size]): [string, (previous: string) => boolean] => [file, (previous) => hasSize(previous, size)])
    ])
  )
}

export function markerFile(): OutputFile & {contents: string} {
  return {path: outputMarker, contents: outputMarkerText()}
}

/**
 * Whether the output folder holds exactly the files named, each passing its check. The names
 * are compared first, which costs only the listing; then the checks run. Thousands of small
 * checks: made at once rather than through the thread pool, as git does.
 */
function outputIs(outDir: string, expected: ReadonlyMap<string, (file: string) => boolean>): boolean {
  const found: [check: (file: string) => boolean, file: string][] = []
  const walk = (dir: string, prefix: string): boolean => {
    const dirents = readdirSync(dir, {withFileTypes: true})
    // A folder that holds nothing is not of the site either.
    if (dirents.length === 0 && prefix !== '') return false
    for (const dirent of dirents) {
      const rel = prefix + dirent.name
      if (dirent.isDirectory()) {
        if (!walk(path.join(dir, dirent.name), `${rel}/`)) return false
        continue
      }
      const check = expected.get(rel)
      if (!dirent.isFile() || !check) return false
      found.push([check, path.join(dir, dirent.name)])
    }
    return true
  }
  try {
    return walk(outDir, '') && found.length === expected.size && found.every(([check, file]) => check(file))
  } catch {
    return false
  }
}

export function hasSize(file: string, size: number): boolean {
  const stat = lstatSync(file, {throwIfNoEntry: false})
  return stat?.isFile() === true && stat.size === size
}

export function hasBytes(file: string, contents: string | Uint8Array): boolean {
  const bytes = typeof contents === 'string' ? Buffer.from(contents) : contents
  return hasSize(file, bytes.length) && readFileSync(file).equals(bytes)
}

/**
 * Minimal writes within the atomic swap: a file that `same` finds unchanged in the previous
 * output (by size, for a page the page cache knows; else byte for byte) is hard-linked from
 * there into the new folder instead of written again. Where links are not possible, the file
 * is simply written.
 */
function linkIfSame(previous: string, target: string, same: (file: string) => boolean): boolean {
  try {
    if (!same(previous)) return false
    linkSync(previous, target)
    return true
  } catch {
    return false
  }
}

/**
 * Remove temporary folders left by builds that were killed: named as ours, made by a process
 * that is gone (or by this one: builds of one output take turns under its lock, and a container
 * may give the next run the pid of a killed one), and holding the marker every build writes
 * first. Anything else is left alone. Before one goes:
 *
 * - one holding an in-place update's journal was killed while moving files into the output: its
 *   moves are undone, when the output is still a real folder of ours and the one they were made
 *   into (see `isJournalOf`);
 * - the previous output, taken out of the way by a swap that was killed (or failed) before the
 *   new folder went in, is put back when no output folder is there.
 */
export async function sweepStale(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.bounceback-(tmp|old)-${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)-[0-9a-f]{8}$`)
  const outDir = path.join(parent, name)
  for (const entry of (await fs.readdir(parent)).sort()) {
    const match = pattern.exec(entry)
    const pid = Number(match?.[2])
    if (!pid || (pid !== process.pid && isAlive(pid))) continue
    const folder = path.join(parent, entry)
    if ((await folderState(folder, isOurOutput)).kind !== 'ours') continue
    const journal = readJournal(folder)
    if (journal && (await folderState(outDir, isOurOutput)).kind === 'ours' && isJournalOf(outDir, journal)) undoMoves(outDir, folder, journal)
    if (match![1] === 'old' && (await folderState(outDir, isOurOutput)).kind === 'missing') {
      await fs.rename(folder, outDir)
      continue
    }
    await removeOurs(folder)
  }
}

/**
 * Remove a folder of ours (a temporary folder, or a previous output), its marker last: one whose
 * removal is cut short is still known as ours, and swept by a later build.
 */
export async function removeOurs(folder: string): Promise<void> {
  const names = await fs.readdir(folder).catch(() => [] as string[])
  await Promise.all(names.filter((name) => name !== outputMarker).map((name) => fs.rm(path.join(folder, name), {recursive: true, force: true})))
  await fs.rm(folder, {recursive: true, force: true})
}

export async function swap(staging: string, outDir: string, retired: string): Promise<void> {
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
    if (!hadPrevious) throw error
    await fs.rename(retired, outDir).catch((back: unknown) => {
      throw new BouncebackError(
        'WRITE_FAILED',
        `Could not put the new output in place (${messageOf(error)}), nor the previous one back (${messageOf(back)}): it is in ${retired}, ` +
          'and the next build puts it back.',
        {cause: error}
      )
    })
    throw error
  }
}
