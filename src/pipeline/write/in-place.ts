import {randomBytes} from 'node:crypto'
import {copyFileSync, lstatSync, linkSync, mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {BouncebackError} from '../../errors.js'
import {outputMarker} from '../../folders/owned.js'
import {outputStamp} from '../../folders/output-stamp.js'
import {mapLimit} from '../../map-limit.js'
import type {OutputFile} from '../../types.js'
import {claimOutput, type OutputSettings} from './claim.js'
import {insidePath} from './inside-path.js'
import {journalName, removeEmptyFolders, stagedNew, stagedOld, undoMoves, type Journal, type Rename} from './journal.js'
import {RealDirs} from './real-dirs.js'
import {hasBytes, hasSize, markerFile, sweepStale, swap, type StreamOptions, type WriteOptions, type WriteResult} from './write.js'

/**
 * Bring an output folder that the previous build wrote, and that nobody replaced since, in line
 * with `siteFiles`, moving only what changed (a build after an edit), so that it ends as the
 * whole new folder `replaceOutput` would make. A file whose bytes are already there (by size, for
 * one the page cache knows) is left alone; the others are written into a staging folder beside
 * the output, as for a whole new folder; then, with a journal of the moves written first, each is
 * renamed into place, the file it replaces moved aside, and every other file of the output (a
 * page no longer made, a file put there by hand) moved aside too. A failed move undoes the moves
 * made before it; a build killed while moving is undone by the next build (see `sweepStale`).
 *
 * At 5,000 entries a whole new folder is some 12,000 links and 7,000 folders made, and as many
 * removed afterwards; this is a listing of the output and a few renames (bench/results.md).
 *
 * Where a move cannot be made in place (a folder stands where a file now goes, a symbolic link in
 * the way), the output is replaced as a whole after all, from the staged files and links to the
 * unchanged ones, so the build still succeeds as a build without the cache would.
 */
export async function updateOutput(config: OutputSettings, siteFiles: readonly OutputFile[], options: WriteOptions & StreamOptions = {}): Promise<WriteResult> {
  const {outDir} = config
  const parent = path.dirname(outDir)
  const stage = path.join(parent, `.bounceback-tmp-${path.basename(outDir)}-${process.pid}-${randomBytes(4).toString('hex')}`)
  const writeFile = options.writeFile ?? ((file, contents) => fs.writeFile(file, contents))
  const {each, more, wants} = options
  const dirs = new RealDirs(outDir)
  const changed: string[] = []
  const owners = new Set([outputMarker])
  const order: string[] = []
  let kept = 0
  const put = async (file: OutputFile) => {
    const target = insidePath(outDir, file.path)
    const tell = each !== undefined && (wants?.(file) ?? true)
    // Contents are asked for before anything is awaited, so `each` sees files in order.
    const contents = tell || !file.reuse ? file.contents : undefined
    const told = tell ? each(file, contents!) : undefined
    told?.catch(() => undefined)
    const {reuse} = file
    if (dirs.has(path.dirname(target)) && (reuse ? hasSize(target, reuse.size) : hasBytes(target, contents!))) kept++
    else {
      changed.push(file.path)
      const staged = stagedNew(stage, file.path)
      await fs.mkdir(path.dirname(staged), {recursive: true})
      await writeFile(staged, contents ?? file.contents)
    }
    await told
  }
  const putAll = async (files: readonly OutputFile[]) => {
    for (const file of files) {
      if (owners.has(file.path))
        throw new BouncebackError('WRITE_FAILED', `Two outputs at \`${file.path}\`: each page, index and asset needs a path of its own`)
      owners.add(file.path)
      order.push(file.path)
    }
    await mapLimit(files, 16, put)
  }
  await claimOutput(config)
  let journal: Journal | undefined
  try {
    await sweepStale(parent, path.basename(outDir))
    const listed = listOutput(outDir, dirs)
    await fs.mkdir(stage)
    // The marker first: a staging folder left by a killed build is known as ours by it.
    const marker = markerFile()
    await fs.writeFile(path.join(stage, marker.path), marker.contents, {flag: 'wx'})
    await putAll(siteFiles)
    if (more) for await (const batch of more()) await putAll(batch)
    const removed = listed.files.filter((file) => !owners.has(file))
    if (changed.length > 0 || removed.length > 0) {
      journal = {changed, removed}
      try {
        moveIntoPlace(outDir, stage, journal, dirs, options.rename ?? renameSync)
      } catch (error) {
        undoMoves(outDir, stage, journal)
        unlinkSync(path.join(stage, journalName))
        await replaceWhole(outDir, stage, order, changed).catch((whole: unknown) => {
          const reason = (e: unknown) => (e instanceof Error ? e.message : String(e))
          throw new Error(`${reason(error)}; replacing the folder as a whole failed too: ${reason(whole)}`)
        })
      }
    }
    // Folders left empty by hand go too: the folder is then just what a whole new one would be.
    for (const dir of listed.empty) removeEmptyFolders(outDir, dir)
  } catch (error) {
    // A journal still there means the moves could not be undone: the next build undoes them.
    if (!journal || !lstatSync(path.join(stage, journalName), {throwIfNoEntry: false})) await fs.rm(stage, {recursive: true, force: true})
    if (error instanceof BouncebackError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new BouncebackError('WRITE_FAILED', `Could not write ${outDir}: ${reason}. The previous output was left as it was.`, {cause: error})
  }
  // What was moved aside goes with the staging folder; a removal cut short is finished by the next build's sweep.
  const retiring = fs.rm(stage, {recursive: true, force: true}).catch(() => undefined)
  return {written: changed.length, kept, stamp: await outputStamp(outDir), retiring}
}

/**
 * Everything in the output folder but folders (a symbolic link, whatever it leads to, is listed
 * as itself), relative to it, and the folders that hold nothing. The real folders found on the
 * way are told to `dirs`.
 */
function listOutput(outDir: string, dirs: RealDirs): {files: string[]; empty: string[]} {
  const files: string[] = []
  const empty: string[] = []
  const walk = (dir: string, prefix: string) => {
    const dirents = readdirSync(dir, {withFileTypes: true})
    if (dirents.length === 0) empty.push(dir)
    for (const dirent of dirents) {
      if (!dirent.isDirectory()) files.push(prefix + dirent.name)
      else {
        const inner = path.join(dir, dirent.name)
        dirs.add(inner)
        walk(inner, `${prefix}${dirent.name}/`)
      }
    }
  }
  walk(outDir, '')
  return {files: files.filter((file) => file !== outputMarker), empty}
}

/**
 * The moves of an in-place update, journaled. The marker is put in again first: that changes the
 * output folder's identity (see `outputStamp`), so from the first move on, the page cache no
 * longer takes the folder for the one it recorded until this build records it.
 */
export function moveIntoPlace(outDir: string, stage: string, journal: Journal, dirs: RealDirs, rename: Rename): void {
  const marker = markerFile()
  writeFileSync(path.join(stage, 'marker'), marker.contents)
  mkdirSync(path.join(stage, 'old'))
  writeFileSync(path.join(stage, journalName), JSON.stringify(journal))
  rename(path.join(stage, 'marker'), path.join(outDir, marker.path))
  journal.changed.forEach((file, k) => {
    const target = insidePath(outDir, file)
    dirs.make(path.dirname(target))
    const there = lstatSync(target, {throwIfNoEntry: false})
    if (there?.isDirectory()) throw new Error(`a folder stands at \`${file}\`, where a file now goes`)
    if (there) rename(target, stagedOld(stage, k))
    rename(stagedNew(stage, file), target)
  })
  journal.removed.forEach((file, j) => {
    const target = insidePath(outDir, file)
    // Listed in a real folder of the output, and still there.
    if (!dirs.has(path.dirname(target)) || !lstatSync(target, {throwIfNoEntry: false})) return
    rename(target, stagedOld(stage, journal.changed.length + j))
    removeEmptyFolders(outDir, path.dirname(target))
  })
  // The update is whole: nothing is left to undo.
  unlinkSync(path.join(stage, journalName))
}

/**
 * Replace the output folder as a whole after all: a new folder of the staged files and links to
 * the unchanged ones, swapped in for the output in one step.
 */
async function replaceWhole(outDir: string, stage: string, order: readonly string[], changed: readonly string[]): Promise<void> {
  const whole = path.join(stage, 'whole')
  const staged = new Set(changed)
  const marker = markerFile()
  mkdirSync(whole)
  writeFileSync(path.join(whole, marker.path), marker.contents)
  for (const file of order) {
    const target = insidePath(whole, file)
    mkdirSync(path.dirname(target), {recursive: true})
    if (staged.has(file)) renameSync(stagedNew(stage, file), target)
    else {
      // Unchanged, so found in a real folder of the output (see `updateOutput`).
      const from = path.join(outDir, file)
      try {
        linkSync(from, target)
      } catch {
        copyFileSync(from, target)
      }
    }
  }
  await swap(whole, outDir, path.join(stage, 'previous'))
}
