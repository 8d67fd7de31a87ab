import {renameSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {build} from '../src/build.js'
import {outputMarkerText} from '../src/folders/owned.js'
import {recoverOutput} from '../src/pipeline/write/write.js'
import {leftovers, useProjects, writeFiles} from './helpers.js'
import {edited, entries, fresh, journalScene, killedBuild, moveUntil, staleStage, tree as snapshot} from './in-place-helpers.js'

// A disk that fails one rename of an undo (the same failing disk that failed the move before it).
const undo = vi.hoisted(() => ({fail: false}))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs') & {default: typeof import('node:fs')}>()
  const renameSync: typeof real.renameSync = (from, to) => {
    if (undo.fail) {
      undo.fail = false
      throw Object.assign(new Error('EIO: i/o error, rename'), {code: 'EIO'})
    }
    real.renameSync(from, to)
  }
  return {...real, renameSync, default: {...real.default, renameSync}}
})

const project = useProjects()

// An edit inside the body: only the entry's page (and the search index) change.
const bodyEdit = entries['content/2024-11-02-q4-estimate.md'].replace('Promotion.', 'Promotiom.')

describe('symbolic links put into the output', () => {
  it('never moves a file through a folder of the output that became a link while the build was rendering', async () => {
    const root = await project(entries)
    await build({root})
    const dist = path.join(root, 'dist')
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': bodyEdit})
    const outside = path.join(root, 'outside')
    let before: Record<string, string> | undefined
    let switching: Promise<void> | undefined
    // After the output was listed, while pages are being staged, 2024/ becomes a link to a copy
    // of it the user keeps elsewhere (a backup, another checkout). Once, however many files are
    // being staged at the time.
    const writeFile = async (file: string, contents: string | Uint8Array) => {
      switching ??= (async () => {
        await fs.cp(path.join(dist, '2024'), outside, {recursive: true})
        before = await snapshot(outside)
        await fs.rm(path.join(dist, '2024'), {recursive: true})
        await fs.symlink(outside, path.join(dist, '2024'))
      })()
      await switching
      await fs.writeFile(file, contents)
    }
    await build({root, write: {writeFile}})
    expect(before).toBeDefined()
    expect(await snapshot(outside)).toEqual(before)
  })

  it('undoing a killed build never writes, moves or removes through a link put into the output since', async () => {
    const scene = await journalScene(project, {'outside/page.html': 'mine', 'outside2/c/keep.txt': 'placeholder'})
    const {root, outDir, stage} = scene
    await fs.rm(path.join(root, 'outside2/c/keep.txt'))
    // Killed before taking out the file no longer made: every new file is in place.
    moveUntil(scene, 5)
    // Before the next build, the user links two folders of the output to folders of their own.
    await fs.rm(path.join(outDir, 'a'), {recursive: true})
    await fs.symlink(path.join(root, 'outside'), path.join(outDir, 'a'))
    await fs.rm(path.join(outDir, 'b'), {recursive: true})
    await fs.symlink(path.join(root, 'outside2'), path.join(outDir, 'b'))
    await fs.rename(stage, path.join(root, staleStage))
    await recoverOutput(outDir)
    expect({outside: await snapshot(path.join(root, 'outside')), outside2: await snapshot(path.join(root, 'outside2'))}).toEqual({
      outside: {'page.html': 'mine'},
      outside2: {c: 'folder'}
    })
  })
})

describe('a journal is undone into the output it was written for only', () => {
  it('a build with the same process id as a killed one (a container) undoes its moves, and leaves nothing behind', async () => {
    const root = await project(entries)
    await build({root})
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': bodyEdit})
    await killedBuild(root, 3)
    const left = (await leftovers(root)).find((name) => name.startsWith('.bounceback-tmp-dist-'))
    // The next run of the container gets the same process id as the killed build had.
    await fs.rename(path.join(root, left!), path.join(root, left!.replace(/-\d+-([0-9a-f]{8})$/, `-${process.pid}-$1`)))
    expect((await build({root})).ok).toBe(true)
    expect(await snapshot(path.join(root, 'dist'))).toEqual(await fresh(root))
    expect(await leftovers(root)).toEqual([])
  })

  it('a journal left behind is never undone into a newer, complete output, which the page cache then trusts', async () => {
    const root = await project(entries)
    await build({root})
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': bodyEdit})
    // Killed after the entry's old page was moved aside, before the new one was moved in.
    await killedBuild(root, 3)
    const left = (await leftovers(root)).find((name) => name.startsWith('.bounceback-tmp-dist-'))
    // As if a process still running had left it (a watch whose undo failed): builds leave it alone.
    const alive = path.join(root, left!.replace(/-\d+-([0-9a-f]{8})$/, '-1-$1'))
    await fs.rename(path.join(root, left!), alive)
    expect((await build({root})).ok).toBe(true)
    const right = await fresh(root)
    expect(await snapshot(path.join(root, 'dist'))).toEqual(right)
    // That process is gone: a later build finds the journal, made for an output since replaced.
    await fs.rename(alive, path.join(root, staleStage))
    expect((await build({root})).ok).toBe(true)
    expect(await snapshot(path.join(root, 'dist'))).toEqual(right)
    expect(await leftovers(root)).toEqual([])
  })
})

describe('an undo that fails', () => {
  it('is said plainly, and the next build in the same process puts the output right', async () => {
    const root = await project(entries)
    await build({root})
    const dist = path.join(root, 'dist')
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': edited})
    let moves = 0
    const rename = (from: string, to: string) => {
      if (++moves === 3) {
        undo.fail = true
        throw Object.assign(new Error('EIO: i/o error, rename'), {code: 'EIO'})
      }
      renameSync(from, to)
    }
    const failed = await build({root, write: {rename}}).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(failed).toMatchObject({code: 'WRITE_FAILED'})
    expect(String(failed)).toContain('the output holds part of the new site')
    expect(String(failed)).not.toContain('left as it was')
    // The same process (watch, a server calling build()) builds again: the journal is undone first.
    expect((await build({root})).ok).toBe(true)
    expect(await snapshot(dist)).toEqual(await fresh(root))
    expect(await leftovers(root)).toEqual([])
  })
})

describe('the marker', () => {
  it('a marker altered by hand is put back as a fresh build writes it', async () => {
    const root = await project(entries)
    await build({root})
    const dist = path.join(root, 'dist')
    // Still a marker bounceback takes for its own, but not the bytes a build writes.
    await fs.appendFile(path.join(dist, '.bounceback'), '\n')
    expect((await build({root})).ok).toBe(true)
    expect((await snapshot(dist))['.bounceback']).toBe(outputMarkerText())
  })
})

describe('a swap killed between its two renames', () => {
  it('puts the previous output back when no output folder is there, and leaves a newer one alone', async () => {
    const root = await project(entries)
    await build({root})
    const dist = path.join(root, 'dist')
    const before = await snapshot(dist)
    // Taken out of the way by a whole-folder swap (`replaceOutput`), killed before the new one went in.
    await fs.rename(dist, path.join(root, '.bounceback-old-dist-999999-0badc0de'))
    await recoverOutput(dist)
    expect(await snapshot(dist)).toEqual(before)
    expect(await leftovers(root)).toEqual([])
    // With an output folder there, a folder left aside is only removed.
    await fs.cp(dist, path.join(root, '.bounceback-old-dist-999999-0badc0de'), {recursive: true})
    await fs.writeFile(path.join(root, '.bounceback-old-dist-999999-0badc0de', 'index.html'), 'older')
    await recoverOutput(dist)
    expect(await snapshot(dist)).toEqual(before)
    expect(await leftovers(root)).toEqual([])
  })
})
