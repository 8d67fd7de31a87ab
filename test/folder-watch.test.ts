import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {type FolderEvent, FolderWatch} from '../src/dev/watch/folder-watch.js'

let dir: string
let watcher: FolderWatch | undefined
let events: [FolderEvent, string][]

/** Wait until a condition holds, checking every 10 ms, for at most 10 s: no timing asserts. */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events)}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
const seen = (event: FolderEvent, name: string) => events.some(([e, file]) => e === event && file === path.join(dir, name))

/** Watch `root` (instead of the folder every test starts with), recording its events. */
function start(root: string): void {
  void watcher?.close()
  events = []
  watcher = FolderWatch.start(root, {
    ignored: (file) => path.basename(file) === 'ignored',
    onEvent: (event, file) => events.push([event, file]),
    onError: (error) => {
      throw error
    }
  })
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-folder-watch-'))
  await fs.writeFile(path.join(dir, 'a.md'), 'a')
  await fs.mkdir(path.join(dir, 'ignored'))
  start(dir)
})

afterEach(async () => {
  await watcher?.close()
  await fs.rm(dir, {recursive: true, force: true})
})

describe('FolderWatch', () => {
  it('reports every write of a file, however quick, not only the first', async () => {
    const file = path.join(dir, 'a.md')
    await fs.writeFile(file, 'one')
    await until(() => seen('change', 'a.md'), 'the first write')
    const before = events.length
    // Two writes within one clock tick leave the mtime as it was: the second must still be told.
    await fs.writeFile(file, 'two')
    await until(() => events.length > before, 'the second write')
    expect(events.slice(before).every(([event]) => event === 'change')).toBe(true)
  })

  it('takes a save by rename over a known file as a change, and tells added and removed files', async () => {
    await fs.writeFile(path.join(dir, '.a.md.tmp'), 'renamed')
    await fs.rename(path.join(dir, '.a.md.tmp'), path.join(dir, 'a.md'))
    await until(() => seen('change', 'a.md'), 'the save by rename')
    expect(seen('add', 'a.md')).toBe(false)
    await fs.writeFile(path.join(dir, 'b.md'), 'b')
    await until(() => seen('add', 'b.md'), 'the added file')
    await fs.rm(path.join(dir, 'b.md'))
    await until(() => seen('unlink', 'b.md'), 'the removed file')
  })

  it('follows folders as they come and go, and ignores what it is told to', async () => {
    await fs.mkdir(path.join(dir, 'year'))
    await fs.writeFile(path.join(dir, 'year', 'c.md'), 'c')
    await until(() => seen('add', path.join('year', 'c.md')), 'a file in a new folder')
    await fs.writeFile(path.join(dir, 'ignored', 'd.md'), 'd')
    await fs.rm(path.join(dir, 'year'), {recursive: true})
    await until(() => seen('unlink', path.join('year', 'c.md')), 'the removed folder')
    expect(events.some(([, file]) => file.includes('ignored'))).toBe(false)
  })
})

describe('FolderWatch of a root that comes and goes', () => {
  it('watches a root missing at start once it is made, below a missing folder too', async () => {
    start(path.join(dir, 'site', 'content'))
    await fs.mkdir(path.join(dir, 'site'))
    await fs.mkdir(path.join(dir, 'site', 'content'))
    await fs.writeFile(path.join(dir, 'site', 'content', 'b.md'), 'b')
    await until(() => seen('add', path.join('site', 'content', 'b.md')), 'the file in the new root')
    await fs.writeFile(path.join(dir, 'site', 'content', 'b.md'), 'b again')
    await until(() => seen('change', path.join('site', 'content', 'b.md')), 'a save in the new root')
  })

  it('reports the files of a removed root gone, and those of a root made again, already in it or added, as added', async () => {
    const root = path.join(dir, 'content')
    await fs.mkdir(path.join(root, 'year'), {recursive: true})
    await fs.writeFile(path.join(root, 'b.md'), 'b')
    await fs.writeFile(path.join(root, 'year', 'c.md'), 'c')
    start(root)
    await fs.rm(root, {recursive: true})
    await until(() => seen('unlink', path.join('content', 'b.md')) && seen('unlink', path.join('content', 'year', 'c.md')), 'the files gone')
    // Made elsewhere and moved in at once, as a tool that replaces the folder does: no event inside it tells of its files.
    const made = path.join(dir, 'made')
    await fs.mkdir(path.join(made, 'year'), {recursive: true})
    await fs.writeFile(path.join(made, 'year', 'd.md'), 'd')
    await fs.rename(made, root)
    await until(() => seen('add', path.join('content', 'year', 'd.md')), 'the file of the new root')
    await fs.writeFile(path.join(root, 'e.md'), 'e')
    await until(() => seen('add', path.join('content', 'e.md')), 'a file added to the new root')
  })

  it('no longer reports a root moved away under its old path', async () => {
    const root = path.join(dir, 'content')
    await fs.mkdir(root)
    await fs.writeFile(path.join(root, 'b.md'), 'b')
    start(root)
    await fs.rename(root, path.join(dir, 'old'))
    await until(() => seen('unlink', path.join('content', 'b.md')), 'the moved file gone')
    await fs.writeFile(path.join(dir, 'old', 'b.md'), 'b changed where it went')
    await fs.writeFile(path.join(dir, 'old', 'x.md'), 'x')
    await fs.mkdir(root)
    await fs.writeFile(path.join(root, 'c.md'), 'c')
    await until(() => seen('add', path.join('content', 'c.md')), 'the file of the new root')
    expect(events.filter(([, file]) => file.endsWith('b.md') || file.endsWith('x.md'))).toEqual([['unlink', path.join(root, 'b.md')]])
  })
})
