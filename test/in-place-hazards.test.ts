import {renameSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {build} from '../src/build.js'
import {SiteBuilder} from '../src/dev/watch/site-builder.js'
import {outputMarkerText} from '../src/folders/owned.js'
import {withOutputLock} from '../src/pipeline/write/lock.js'
import {recoverOutput} from '../src/pipeline/write/write.js'
import {useProjects, writeFiles} from './helpers.js'
import {edited, entries, journalScene, killedBuild, moveUntil, staleStage, tree as snapshot} from './in-place-helpers.js'

// A disk on which renames into one path fail (armed by a test; every other rename is real).
const failing = vi.hoisted(() => ({into: undefined as string | undefined}))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises') & {default: typeof import('node:fs/promises')}>()
  const rename: typeof real.rename = async (from, to) => {
    if (failing.into !== undefined && String(to) === failing.into) throw Object.assign(new Error('EIO: i/o error, rename'), {code: 'EIO'})
    return real.rename(from, to)
  }
  return {...real, rename, default: {...real.default, rename}}
})

const project = useProjects()

describe('making the folder anew after a failed move (replaceWhole)', () => {
  it('never loses the previous output when the swap cannot put either folder in place', async () => {
    const root = await project(entries)
    await build({root})
    const dist = path.join(root, 'dist')
    const before = await snapshot(dist)
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': edited})
    let moves = 0
    const rename = (from: string, to: string) => {
      // A move fails: the moves before it are undone, and the folder is made anew.
      if (++moves === 3) {
        // The same failing disk then refuses both renames into `dist` of the swap.
        failing.into = dist
        throw Object.assign(new Error('EIO: i/o error, rename'), {code: 'EIO'})
      }
      renameSync(from, to)
    }
    const failed = await build({root, write: {rename}}).then(
      () => undefined,
      (error: unknown) => error
    )
    failing.into = undefined
    expect(failed).toMatchObject({code: 'WRITE_FAILED'})
    // Whatever was said, the previous output is still there, or a build puts it back.
    await recoverOutput(dist)
    expect(await snapshot(dist).catch(() => 'dist is gone')).toEqual(before)
  })
})

describe('an output folder that becomes a symbolic link', () => {
  it('is never written through while a build moves its changes in', async () => {
    const root = await project(entries)
    await build({root})
    const dist = path.join(root, 'dist')
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': edited})
    const outside = path.join(root, 'outside')
    let before: Record<string, string> | undefined
    let switching: Promise<void> | undefined
    // After the output was claimed and listed, while pages are staged, `dist` itself becomes a
    // link to a copy of it the user keeps elsewhere (a deploy folder, a backup).
    const writeFile = async (file: string, contents: string | Uint8Array) => {
      switching ??= (async () => {
        await fs.cp(dist, outside, {recursive: true})
        before = await snapshot(outside)
        await fs.rm(dist, {recursive: true})
        await fs.symlink(outside, dist)
      })()
      await switching
      await fs.writeFile(file, contents)
    }
    await build({root, write: {writeFile}}).catch(() => undefined)
    expect((await fs.lstat(dist)).isSymbolicLink()).toBe(true)
    expect(before).toBeDefined()
    expect(await snapshot(outside)).toEqual(before)
  })

  it('is never undone through by the recovery of a killed build', async () => {
    const scene = await journalScene(project)
    const {root, outDir: dist, stage} = scene
    moveUntil(scene, 4)
    await fs.rename(stage, path.join(root, staleStage))
    // The user keeps that folder as their own now, and links `dist` to it.
    const mine = path.join(root, 'mine')
    await fs.rename(dist, mine)
    await fs.symlink(mine, dist)
    const before = await snapshot(mine)
    // What a rebuild of watch, or a build, runs first (before the output is claimed again).
    await recoverOutput(dist)
    expect(await snapshot(mine)).toEqual(before)
  })

  it('is never undone through by watch after a save', async () => {
    const root = await project(entries)
    const builder = new SiteBuilder({root})
    try {
      await builder.full()
      await writeFiles(root, {'content/2024-11-02-q4-estimate.md': edited})
      // Another process builds the edit and is killed while moving it in.
      await killedBuild(root, 3)
      const dist = path.join(root, 'dist')
      const mine = path.join(root, 'mine')
      await fs.rename(dist, mine)
      await fs.symlink(mine, dist)
      const before = await snapshot(mine)
      await builder.update(new Set([path.join(root, 'content/2024-11-02-q4-estimate.md')]), false).catch(() => undefined)
      expect(await snapshot(mine)).toEqual(before)
    } finally {
      await builder.close()
    }
  })
})

describe('a swap killed between its renames', () => {
  it('never takes a folder of the site named `previous` for the previous output', async () => {
    // The site keeps an archived copy of an older build in `public/previous/`, marker and all. Its
    // first build (or one after `dist` was deleted) is killed while writing the new folder: that
    // staging folder holds the site, `previous/` among it, and there was no output before.
    const root = await project({
      [`${staleStage}/.bounceback`]: outputMarkerText(),
      [`${staleStage}/index.html`]: 'the new site, half written',
      [`${staleStage}/previous/.bounceback`]: outputMarkerText(),
      [`${staleStage}/previous/index.html`]: 'an archived copy the site serves'
    })
    await recoverOutput(path.join(root, 'dist'))
    // No output folder was there, and none was ever written: there is nothing to put back.
    await expect(fs.lstat(path.join(root, 'dist'))).rejects.toThrow('ENOENT')
  })
})

describe('a build killed in a container, whose next run has the same process id', () => {
  it('leaves a lock that does not keep the next run from undoing its moves', async () => {
    const root = await project(entries)
    await build({root})
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': edited})
    await killedBuild(root, 3)
    // In a container the killed build and the next run are both this process id (pid 1, say):
    // the killed build's lock and staging folder name it.
    for (const name of await fs.readdir(root)) {
      if (name.startsWith('.bounceback-tmp-dist-'))
        await fs.rename(path.join(root, name), path.join(root, name.replace(/-\d+-([0-9a-f]{8})$/, `-${process.pid}-$1`)))
    }
    await fs.writeFile(path.join(root, '.bounceback-lock-dist'), `bounceback-lock ${process.pid}\n`)
    // No build of this process holds it. (A build would wait 120 s, then fail: the lock's process "is alive".)
    const ran = await withOutputLock(path.join(root, 'dist'), async () => 'ran', 1000).catch((error: unknown) => error)
    expect(ran).toBe('ran')
  })
})
