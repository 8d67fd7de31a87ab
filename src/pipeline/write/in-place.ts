import {randomBytes} from 'node:crypto'
import {copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {BouncebackError, messageOf} from '../../errors.js'
import {outputMarker} from '../../folders/owned.js'
import {outputStamp} from '../../folders/output-stamp.js'
import {mapLimit} from '../../map-limit.js'
import type {OutputFile} from '../../types.js'
import {claimOutput, type OutputSettings} from './claim.js'
import {insidePath} from './inside-path.js'
import {fileIdentity, journalName, stagedNew, stagedOld, undoMoves, type Journal, type Rename} from './journal.js'
import {RealDirs} from './real-dirs.js'
import {hasBytes, hasSize, markerFile, removeOurs, sweepStale, swap, type StreamOptions, type WriteOptions, type WriteResult} from './write.js'

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
 * the way), the output is replaced as a whole after all, from the staged files and the unchanged
 * ones, so the build still succeeds as a build without the cache would.
 */
export async function updateOutput(config: OutputSettings, siteFiles: readonly OutputFile[], options: WriteOptions & StreamOptions = {}): Promise<WriteResult> {
  const {outDir} = config
  const parent = path.dirname(outDir)
  const stage = path.join(parent, `.bounceback-tmp-${path.basename(outDir)}-${process.pid}-${randomBytes(4).toString('hex')}`)
  const writeFile = options.writeFile ?? ((file, contents) => fs.writeFile(file, contents))
  const {each, more, wants} = options
  // Told the folders the listing finds: what is compared and staged is only read from the output.
  const seen = new RealDirs(outDir)
  const changed: string[] = []
  const owners = new Set([outputMarker])
  // Every file, for the fallback: the site's as given (the caller holds them anyway), the
  // search index's by path only, not to hold some 60 MB of index until the end.
  const order: (OutputFile | string)[] = []
  let kept = 0
  const put = async (file: OutputFile) => {
    const target = insidePath(outDir, file.path)
    const tell = each !== undefined && (wants?.(file) ?? true)
    // Contents are asked for before anything is awaited, so `each` sees files in order.
    const contents = tell || !file.reuse ? file.contents : undefined
    const told = tell ? each(file, contents!) : undefined
    told?.catch(() => undefined)
    const {reuse} = file
    if (seen.has(path.dirname(target)) && (reuse ? hasSize(target, reuse.size) : hasBytes(target, contents!))) kept++
    else {
      changed.push(file.path)
      const staged = stagedNew(stage, file.path)
      await fs.mkdir(path.dirname(staged), {recursive: true})
      await writeFile(staged, contents ?? file.contents)
    }
    const made = await told
    if (made && made.length > 0) await putAll(made, false)
  }
  const putAll = async (files: readonly OutputFile[], keep: boolean) => {
    for (const file of files) {
      if (owners.has(file.path))
        throw new BouncebackError('WRITE_FAILED', `Two outputs at \`${file.path}\`: each page, index and asset needs a path of its own`)
      owners.add(file.path)
      order.push(keep ? file : file.path)
    }
    await mapLimit(files, 16, put)
  }
  await claimOutput(config)
  const claimed = folderIdentity(outDir)
  let journal: Journal | undefined
  let retired: string | undefined
  try {
    await sweepStale(parent, path.basename(outDir))
    const listed = listOutput(outDir, seen)
    await fs.mkdir(stage)
    // The marker first: a staging folder left by a killed build is known as ours by it.
    const marker = markerFile()
    await fs.writeFile(path.join(stage, marker.path), marker.contents, {flag: 'wx'})
    await putAll(siteFiles, true)
    if (more) for await (const batch of more()) await putAll(batch, false)
    const removed = listed.files.filter((file) => !owners.has(file))
    if (changed.length > 0 || removed.length > 0 || !hasBytes(path.join(outDir, marker.path), marker.contents)) {
      // The folder claimed, still there as a real folder: nothing is ever moved into another.
      if (folderIdentity(outDir) !== claimed)
        throw new BouncebackError('WRITE_FAILED', `${outDir} was replaced while the site was being built, so nothing was written into it. Build again.`)
      const rename = options.rename ?? renameSync
      journal = prepareMoves(stage, changed, removed)
      try {
        moveIntoPlace(outDir, stage, journal, rename)
      } catch (error) {
        undoAfter(error, outDir, stage, journal)
        retired = previousBeside(outDir)
        await replaceWhole(outDir, stage, order, new Set(changed), retired).catch((whole: unknown) => {
          if (whole instanceof BouncebackError) throw whole
          throw new Error(`${messageOf(error)}; making the folder anew failed too: ${messageOf(whole)}`)
        })
      }
    }
    // Folders left empty by hand go too: the folder is then just what a whole new one would be.
    const dirs = new RealDirs(outDir)
    for (const dir of listed.empty) dirs.removeEmpty(dir)
  } catch (error) {
    // A journal still there means the moves could not be undone: the next build undoes them.
    const undone = !journal || !lstatSync(path.join(stage, journalName), {throwIfNoEntry: false})
    if (undone) await removeOurs(stage)
    if (error instanceof BouncebackError) throw error
    const left = undone ? 'The previous output was left as it was.' : ''
    throw new BouncebackError('WRITE_FAILED', `Could not write ${outDir}: ${messageOf(error)}. ${left}`.trim(), {cause: error})
  }
  // What was moved aside goes with the staging folder; a removal cut short is finished by the next build's sweep.
  const retiring = Promise.all([removeOurs(stage), retired && removeOurs(retired)]).then(
    () => undefined,
    () => undefined
  )
  return {written: changed.length, kept, stamp: await outputStamp(outDir), retiring}
}

/**
 * Undo the moves made before `error`; when that fails too, say so: the output is then part
 * old, part new, and the journal stays for the next build to undo.
 */
function undoAfter(error: unknown, outDir: string, stage: string, journal: Journal): void {
  try {
    undoMoves(outDir, stage, journal)
  } catch (undo) {
    throw new Error(
      `${messageOf(error)}; putting back the files moved before it failed too (${messageOf(undo)}), so the output holds part of the new site. ` +
        `The next build puts it right (${path.basename(stage)}, beside it, holds what that needs)`
    )
  }
  unlinkSync(path.join(stage, journalName))
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

/** Stage the new marker and write the journal of the moves to come, naming that marker. */
export function prepareMoves(stage: string, changed: string[], removed: string[]): Journal {
  const staged = path.join(stage, 'marker')
  writeFileSync(staged, markerFile().contents)
  mkdirSync(path.join(stage, 'old'))
  const journal = {changed, removed, marker: fileIdentity(staged)!}
  writeFileSync(path.join(stage, journalName), JSON.stringify(journal))
  return journal
}

/**
 * The moves of an in-place update, journaled (see `prepareMoves`). The marker is put in first:
 * that changes the output folder's identity (see `outputStamp`), so from the first move on, the
 * page cache no longer takes the folder for the one it recorded until this build records it.
 * Each folder is checked to be a real folder of the output as the moves reach it, not as it was
 * when the output was listed: a folder turned into a link meanwhile is never written through.
 */
export function moveIntoPlace(outDir: string, stage: string, journal: Journal, rename: Rename): void {
  const dirs = new RealDirs(outDir)
  rename(path.join(stage, 'marker'), path.join(outDir, outputMarker))
  journal.changed.forEach((file, k) => {
    const target = insidePath(outDir, file)
    dirs.make(path.dirname(target))
    const there = lstatSync(target, {throwIfNoEntry: false})
    if (there?.isDirectory()) throw new Error(`a folder stands at \`${file}\`, where a file now goes`)
    // The file replaced is linked aside, not moved: a reader never finds the path empty.
    if (there) linkAside(target, stagedOld(stage, k), rename)
    rename(stagedNew(stage, file), target)
  })
  journal.removed.forEach((file, j) => {
    const target = insidePath(outDir, file)
    // Listed in a real folder of the output, and still there.
    if (!dirs.has(path.dirname(target)) || !lstatSync(target, {throwIfNoEntry: false})) return
    rename(target, stagedOld(stage, journal.changed.length + j))
    dirs.removeEmpty(path.dirname(target))
  })
  // The update is whole: nothing is left to undo.
  unlinkSync(path.join(stage, journalName))
}

/**
 * Make the output folder anew after all: a new folder of the staged files and the unchanged
 * ones (linked from the output where they are still in a real folder of it, else made again
 * from their contents), swapped in for the output in one step.
 */
async function replaceWhole(
  outDir: string,
  stage: string,
  files: readonly (OutputFile | string)[],
  staged: ReadonlySet<string>,
  retired: string
): Promise<void> {
  const whole = path.join(stage, 'whole')
  const dirs = new RealDirs(outDir)
  const marker = markerFile()
  mkdirSync(whole)
  writeFileSync(path.join(whole, marker.path), marker.contents)
  for (const file of files) {
    const relative = typeof file === 'string' ? file : file.path
    const target = insidePath(whole, relative)
    mkdirSync(path.dirname(target), {recursive: true})
    if (staged.has(relative)) {
      renameSync(stagedNew(stage, relative), target)
      continue
    }
    const from = insidePath(outDir, relative)
    if (dirs.has(path.dirname(from)) && lstatSync(from, {throwIfNoEntry: false})?.isFile()) {
      try {
        linkSync(from, target)
      } catch {
        copyFileSync(from, target)
      }
    } else if (typeof file !== 'string') writeFileSync(target, file.contents)
    else throw new BouncebackError('WRITE_FAILED', `${outDir} changed while the site was being built (\`${relative}\` is gone). Build again.`)
  }
  // The previous output goes beside the output, as a whole-folder build puts it: where the next
  // build puts it back if the new one could not be put in its place.
  await swap(whole, outDir, retired)
}

/** A place beside the output for the previous output while a new one goes in (see `sweepStale`). */
function previousBeside(outDir: string): string {
  return path.join(path.dirname(outDir), `.bounceback-old-${path.basename(outDir)}-${process.pid}-${randomBytes(4).toString('hex')}`)
}

/** The identity of the output folder, when it is a real folder (not a link to one). */
function folderIdentity(dir: string): string | undefined {
  const stat = lstatSync(dir, {bigint: true, throwIfNoEntry: false})
  return stat?.isDirectory() ? `${stat.dev}:${stat.ino}` : undefined
}

/** Keep a file that is about to be replaced at `aside`, by a hard link; by a move where links cannot be made. */
function linkAside(file: string, aside: string, rename: Rename): void {
  try {
    linkSync(file, aside)
  } catch {
    rename(file, aside)
  }
}
