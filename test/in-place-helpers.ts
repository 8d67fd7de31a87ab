import {spawnSync} from 'node:child_process'
import {renameSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {expect} from 'vitest'
import {build} from '../src/build.js'
import {outputMarkerText} from '../src/folders/owned.js'
import {moveIntoPlace, prepareMoves} from '../src/pipeline/write/in-place.js'
import type {Journal} from '../src/pipeline/write/journal.js'
import {validEntry} from './helpers.js'

/** What the tests of in-place updates share: a small site, an edit, and ways to look at and break an update. */

export const entries = {
  'content/2025-03-14-newsletter-launch.md': validEntry(),
  'content/2024-11-02-q4-estimate.md': validEntry({frontmatter: 'title: Q4 estimate\ndate: 2024-11-02\ntags: [planning]'}),
  'content/2024-01-01-third.md': validEntry({frontmatter: 'title: Third\ndate: 2024-01-01\ntags: [writing]'})
}

/** An edit of one entry's title: its page, the lists that show it and the search index change. */
export const edited = validEntry({frontmatter: 'title: Q4 estimate, revised\ndate: 2024-11-02\ntags: [planning]'})

/** A staging folder's name beside `dist`, as a process that is gone left it. */
export const staleStage = '.bounceback-tmp-dist-999999-0badc0de'

/** Every file, link and folder under `dir`: files by their bytes, links by their target. */
export async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of (await fs.readdir(dir, {recursive: true})).sort()) {
    const file = path.join(dir, name)
    const stat = await fs.lstat(file)
    out[name.split(path.sep).join('/')] = stat.isSymbolicLink() ? `-> ${await fs.readlink(file)}` : stat.isFile() ? await fs.readFile(file, 'utf8') : 'folder'
  }
  return out
}

/** What a build without any cache makes of the same project, in a folder of its own. */
export async function fresh(root: string): Promise<Record<string, string>> {
  await build({root, cache: false, overrides: {output: 'fresh'}})
  return tree(path.join(root, 'fresh'))
}

/** A build of `root` in another process (the compiled `lib/`), killed (SIGKILL) right before its `killAt`-th move. */
export async function killedBuild(root: string, killAt: number): Promise<void> {
  const lib = path.resolve(import.meta.dirname, '..', 'lib', 'index.js')
  const script = path.join(root, 'killed-build.mjs')
  await fs.writeFile(
    script,
    `import {renameSync} from 'node:fs'
import {build} from ${JSON.stringify(lib)}
let moves = 0
const rename = (from, to) => {
  if (++moves === ${killAt}) process.kill(process.pid, 'SIGKILL')
  renameSync(from, to)
}
await build({root: ${JSON.stringify(root)}, write: {rename}})
`
  )
  const child = spawnSync(process.execPath, [script], {encoding: 'utf8'})
  expect(child.signal).toBe('SIGKILL')
  await fs.rm(script)
}

/**
 * An output folder and a staging folder beside it, holding what an update puts in (a page
 * replaced, a page new in a new folder, another replaced) and what it takes out, with its
 * journal written: five moves, the marker's first.
 */
export async function journalScene(
  project: (files: Record<string, string>) => Promise<string>,
  more: Record<string, string> = {}
): Promise<{root: string; outDir: string; stage: string; journal: Journal}> {
  const root = await project({
    'dist/.bounceback': outputMarkerText(),
    'dist/index.html': 'old home',
    'dist/a/page.html': 'old page',
    'dist/gone/only.html': 'no longer made',
    'stage/.bounceback': outputMarkerText(),
    'stage/new/index.html': 'new home',
    'stage/new/b/c/new.html': 'a new page',
    'stage/new/a/page.html': 'new page',
    ...more
  })
  const stage = path.join(root, 'stage')
  return {root, outDir: path.join(root, 'dist'), stage, journal: prepareMoves(stage, ['index.html', 'b/c/new.html', 'a/page.html'], ['gone/only.html'])}
}

/** Run the journal's moves until the `failAt`-th throws `message`, as a failing disk or a killed process would stop them. */
export function moveUntil(scene: {outDir: string; stage: string; journal: Journal}, failAt: number, message = 'killed'): void {
  let moves = 0
  expect(() =>
    moveIntoPlace(scene.outDir, scene.stage, scene.journal, (from, to) => {
      if (++moves === failAt) throw new Error(message)
      renameSync(from, to)
    })
  ).toThrow(message)
}
