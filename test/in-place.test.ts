import {existsSync, renameSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {outputStamp} from '../src/folders/output-stamp.js'
import {writeChanges} from '../src/pipeline/write/changes.js'
import type {OutputSettings} from '../src/pipeline/write/claim.js'
import {moveIntoPlace} from '../src/pipeline/write/in-place.js'
import {journalName, stagedNew, undoMoves} from '../src/pipeline/write/journal.js'
import {recoverOutput} from '../src/pipeline/write/write.js'
import {leftovers, useProjects, writeFiles} from './helpers.js'
import {edited, entries, fresh, journalScene, killedBuild, moveUntil, staleStage, tree as snapshot} from './in-place-helpers.js'

const project = useProjects()

const inode = async (file: string) => (await fs.lstat(file)).ino

describe('a build after an edit updates the output in place', () => {
  it('moves only what changed into the same folder, and the folder is then what a fresh build makes', async () => {
    const root = await project(entries)
    await build({root})
    const dist = path.join(root, 'dist')
    const before = {folder: await inode(dist), page: await inode(path.join(dist, '404.html'))}
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': edited})
    const result = await build({root})
    expect(result.ok).toBe(true)
    expect(await inode(dist)).toBe(before.folder)
    // A page the edit does not show on is the very same file.
    expect(await inode(path.join(dist, '404.html'))).toBe(before.page)
    await expect(fs.readFile(path.join(dist, '2024/q4-estimate/index.html'), 'utf8')).resolves.toContain('Q4 estimate, revised')
    expect(await snapshot(dist)).toEqual(await fresh(root))
    expect(await leftovers(root)).toEqual([])
  })

  it('takes out pages no longer made, files and links put there by hand, and folders left empty, and nothing outside', async () => {
    const root = await project({...entries, 'outside/canary.txt': 'keep me\n', 'outside/dir/inner.txt': 'keep me too\n'})
    await build({root})
    const dist = path.join(root, 'dist')
    await fs.rm(path.join(root, 'content/2024-01-01-third.md'))
    await fs.writeFile(path.join(dist, '2024/stray.html'), 'stray')
    await fs.mkdir(path.join(dist, 'empty/deeper'), {recursive: true})
    await fs.symlink(path.join(root, 'outside/canary.txt'), path.join(dist, '2025/link.txt'))
    await fs.symlink(path.join(root, 'outside/dir'), path.join(dist, 'linked-dir'))
    const result = await build({root})
    expect(result.ok).toBe(true)
    await expect(fs.access(path.join(dist, '2024/third/index.html'))).rejects.toThrow()
    expect(await snapshot(dist)).toEqual(await fresh(root))
    expect(await snapshot(path.join(root, 'outside'))).toEqual({'canary.txt': 'keep me\n', dir: 'folder', 'dir/inner.txt': 'keep me too\n'})
    expect(await leftovers(root)).toEqual([])
  })

  it('does not take an output with an empty folder made by hand for one already right', async () => {
    const root = await project(entries)
    await build({root})
    expect((await build({root})).upToDate).toBe(true)
    await fs.mkdir(path.join(root, 'dist/2024/by-hand'))
    expect((await build({root})).upToDate).toBe(false)
    expect(await snapshot(path.join(root, 'dist'))).toEqual(await fresh(root))
    expect((await build({root})).upToDate).toBe(true)
  })

  it('never writes through a folder of the output turned into a link: the output is then made anew', async () => {
    const root = await project({...entries, 'outside/untouched.txt': 'keep me\n'})
    await build({root})
    const dist = path.join(root, 'dist')
    // The folder of 2024's pages, now a link to a folder of the user's.
    await fs.rm(path.join(dist, '2024'), {recursive: true})
    await fs.symlink(path.join(root, 'outside'), path.join(dist, '2024'))
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': edited})
    expect((await build({root})).ok).toBe(true)
    expect(await snapshot(path.join(root, 'outside'))).toEqual({'untouched.txt': 'keep me\n'})
    expect(await snapshot(dist)).toEqual(await fresh(root))
    expect(await leftovers(root)).toEqual([])
  })

  it('puts a public file that became a folder, and a folder that became a file, in place', async () => {
    const root = await project({...entries, 'public/notes': 'a file first\n', 'public/docs/guide.txt': 'a folder first\n'})
    await build({root})
    await fs.rm(path.join(root, 'public'), {recursive: true})
    await writeFiles(root, {'public/notes/today.txt': 'now in a folder\n', 'public/docs': 'now a file\n'})
    expect((await build({root})).ok).toBe(true)
    const dist = path.join(root, 'dist')
    await expect(fs.readFile(path.join(dist, 'notes/today.txt'), 'utf8')).resolves.toBe('now in a folder\n')
    await expect(fs.readFile(path.join(dist, 'docs'), 'utf8')).resolves.toBe('now a file\n')
    expect(await snapshot(dist)).toEqual(await fresh(root))
    expect(await leftovers(root)).toEqual([])
  })

  it('never leaves the path of a replaced page empty: a reader finds the old page or the new one', async () => {
    const root = await project(entries)
    await build({root})
    const dist = path.join(root, 'dist')
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': edited})
    const before = new Set((await fs.readdir(dist, {recursive: true})).map((name) => path.join(dist, name)))
    const found: string[] = []
    const rename = (from: string, to: string) => {
      // What a server reading the output finds at the path of a page replaced, right before the new one is put there.
      if (before.has(to) && !to.endsWith('.bounceback')) found.push(existsSync(to) ? 'there' : `empty: ${path.relative(dist, to)}`)
      renameSync(from, to)
    }
    expect((await build({root, write: {rename}})).ok).toBe(true)
    expect(found.length).toBeGreaterThan(1)
    expect(found.filter((what) => what !== 'there')).toEqual([])
  })

  it('when a move fails, undoes the moves before it and still ends with the right output', async () => {
    const root = await project(entries)
    await build({root})
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': edited})
    let moves = 0
    const rename = (from: string, to: string) => {
      if (++moves === 3) throw Object.assign(new Error('EIO: i/o error, rename'), {code: 'EIO'})
      renameSync(from, to)
    }
    expect((await build({root, write: {rename}})).ok).toBe(true)
    expect(moves).toBe(3)
    expect(await snapshot(path.join(root, 'dist'))).toEqual(await fresh(root))
    expect(await leftovers(root)).toEqual([])
  })
})

describe('watch writing into the output', () => {
  it('makes the page cache stop trusting the output, so the next build puts back what watch left', async () => {
    const root = await project(entries)
    await build({root})
    const dist = path.join(root, 'dist')
    const page = path.join(dist, '2024/third/index.html')
    const original = await fs.readFile(page, 'utf8')
    const stamp = await outputStamp(dist)
    // A page watch rewrote deep in the output (no folder at the top changes), of the same size.
    const altered = original.replace('Third', 'THIRD')
    expect(altered.length).toBe(original.length)
    const settings = {outDir: dist} as OutputSettings
    await writeChanges(settings, [{path: '2024/third/index.html', key: 'watched', contents: altered}], new Map([['2024/third/index.html', 'built']]))
    expect(await fs.readFile(page, 'utf8')).toBe(altered)
    expect(await outputStamp(dist)).not.toBe(stamp)
    // The entry is as the recorded build saw it, yet the page is made again rather than kept by its size.
    expect((await build({root})).ok).toBe(true)
    expect(await fs.readFile(page, 'utf8')).toBe(original)
    expect(await snapshot(dist)).toEqual(await fresh(root))
  })
})

describe('the journal of moves', () => {
  const scene = () => journalScene(project, {'dist/kept.css': 'kept'})

  it('puts the output back exactly as it was, whichever move fails', async () => {
    const {stage: probeStage, outDir: probeOut, journal: probeJournal} = await scene()
    let all = 0
    moveIntoPlace(probeOut, probeStage, probeJournal, (from, to) => {
      all++
      renameSync(from, to)
    })
    await expect(fs.access(path.join(probeStage, journalName))).rejects.toThrow()
    expect(await snapshot(probeOut)).toMatchObject({'index.html': 'new home', 'b/c/new.html': 'a new page', 'a/page.html': 'new page'})
    expect(await snapshot(probeOut)).not.toHaveProperty('gone')
    // The marker, three files in (the two they replace linked aside), one taken out.
    expect(all).toBe(5)
    for (let failAt = 1; failAt <= all; failAt++) {
      const {outDir, stage, journal} = await scene()
      const before = await snapshot(outDir)
      const staged = await snapshot(path.join(stage, 'new'))
      moveUntil({outDir, stage, journal}, failAt, `move ${failAt} fails`)
      undoMoves(outDir, stage, journal)
      expect(await snapshot(outDir), `failing at move ${failAt}`).toEqual(before)
      expect(await snapshot(path.join(stage, 'new')), `failing at move ${failAt}`).toEqual(staged)
      // Undoing twice (a build killed while undoing) does no harm.
      undoMoves(outDir, stage, journal)
      expect(await snapshot(outDir)).toEqual(before)
    }
  })

  it('a staging folder left by a killed build is undone before the next build trusts the output', async () => {
    const {root, outDir, stage, journal} = await scene()
    const before = await snapshot(outDir)
    moveUntil({outDir, stage, journal}, 4)
    expect(await snapshot(outDir)).not.toEqual(before)
    // Named as a staging folder of a process that is gone.
    const left = path.join(root, staleStage)
    await fs.rename(stage, left)
    expect(stagedNew(left, 'a/page.html')).toBe(path.join(left, 'new', 'a', 'page.html'))
    await recoverOutput(outDir)
    expect(await snapshot(outDir)).toEqual(before)
    expect(await leftovers(root)).toEqual([])
  })

  it('is never undone into a folder that is no longer the output bounceback wrote', async () => {
    const {root, outDir, stage, journal} = await scene()
    moveUntil({outDir, stage, journal}, 4)
    // The user replaced the output with a folder of their own since.
    await fs.rm(outDir, {recursive: true})
    await writeFiles(root, {'dist/mine.txt': 'mine\n'})
    await fs.rename(stage, path.join(root, staleStage))
    await recoverOutput(outDir)
    expect(await snapshot(outDir)).toEqual({'mine.txt': 'mine\n'})
  })
})

describe('a build killed while moving files into the output', () => {
  it('leaves a journal the next build undoes, then builds the right output', async () => {
    const root = await project(entries)
    await build({root})
    const before = await snapshot(path.join(root, 'dist'))
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': edited})
    await killedBuild(root, 3)
    expect(await snapshot(path.join(root, 'dist'))).not.toEqual(before)
    expect((await leftovers(root)).some((name) => name.startsWith('.bounceback-tmp-dist-'))).toBe(true)
    await recoverOutput(path.join(root, 'dist'))
    expect(await snapshot(path.join(root, 'dist'))).toEqual(before)
    const result = await build({root})
    expect(result.ok).toBe(true)
    expect(await snapshot(path.join(root, 'dist'))).toEqual(await fresh(root))
    expect(await leftovers(root)).toEqual([])
  })
})
