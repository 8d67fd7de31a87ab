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

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-folder-watch-'))
  await fs.writeFile(path.join(dir, 'a.md'), 'a')
  await fs.mkdir(path.join(dir, 'ignored'))
  events = []
  watcher = FolderWatch.start(dir, {
    ignored: (file) => path.basename(file) === 'ignored',
    onEvent: (event, file) => events.push([event, file]),
    onError: (error) => {
      throw error
    }
  })
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
