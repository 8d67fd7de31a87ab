import {defaultCacheDir} from '../src/config/cache-location.js'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {check} from '../src/check.js'
import {cachedResults, entryCacheFile, useProjects, validEntry} from './helpers.js'

const project = useProjects()
const files = {
  'content/2025-03-14-newsletter-launch.md': validEntry(),
  'content/2024-11-02-q4-estimate.md': validEntry({frontmatter: 'title: Q4 estimate\ndate: 2024-11-02\ntag: [x]'}),
  'content/2024-01-01-third.md': validEntry({frontmatter: 'title: Third\ndate: 2024-01-01'})
}
const cacheFile = entryCacheFile
const snapshot = async (dir: string) => {
  const out: Record<string, string> = {}
  for (const name of (await fs.readdir(dir, {recursive: true})).sort()) {
    const stat = await fs.stat(path.join(dir, name))
    if (stat.isFile()) out[name] = await fs.readFile(path.join(dir, name), 'base64')
  }
  return out
}

describe('where the cache goes', () => {
  it('beside the nearest package, looking up no further than the repository or home; else .bounceback-cache in the project', async () => {
    const dir = await project({
      'pkg/package.json': '{}',
      'pkg/content/2025-01-01-a.md': validEntry(),
      'mono/package.json': '{}',
      'mono/.git/HEAD': 'ref: refs/heads/main\n',
      'mono/docs/lessons/content/2025-01-01-a.md': validEntry(),
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/lessons/content/2025-01-01-a.md': validEntry(),
      'home/package.json': '{}',
      'home/notes/content/2025-01-01-a.md': validEntry()
    })
    const home = path.join(dir, 'home')
    expect(defaultCacheDir(path.join(dir, 'pkg'), home)).toBe(path.join(dir, 'pkg/node_modules/.cache/bounceback'))
    expect(defaultCacheDir(path.join(dir, 'mono/docs/lessons'), home)).toBe(path.join(dir, 'mono/node_modules/.cache/bounceback'))
    expect(defaultCacheDir(path.join(dir, 'repo/lessons'), home)).toBe(path.join(dir, 'repo/lessons/.bounceback-cache'))
    expect(defaultCacheDir(path.join(dir, 'home/notes'), home)).toBe(path.join(dir, 'home/notes/.bounceback-cache'))
    // A folder of Markdown and nothing else gets no node_modules, and the cache works.
    const root = path.join(dir, 'repo/lessons')
    await build({root})
    expect((await build({root})).cache).toEqual({hits: 1, misses: 0})
    expect(await fs.readdir(root)).toEqual(expect.arrayContaining(['.bounceback-cache', 'content', 'dist']))
    expect(await fs.readdir(root)).not.toContain('node_modules')
  })
})

describe('the persistent cache', () => {
  it('makes a second build with nothing changed parse nothing, with the same output and messages', async () => {
    const root = await project(files)
    const first = await build({root, today: '2025-06-01'})
    expect(first.cache).toEqual({hits: 0, misses: 3})
    const before = await snapshot(path.join(root, 'dist'))
    const second = await build({root, today: '2025-06-01'})
    expect(second.cache).toEqual({hits: 3, misses: 0})
    expect(second.messages).toEqual(first.messages)
    expect(second.messages.map((m) => m.ruleId)).toEqual(['frontmatter/unknown-field'])
    expect(await snapshot(path.join(root, 'dist'))).toEqual(before)
  })

  it('reads again only the entry that changed, and sweeps entries that are gone', async () => {
    const root = await project(files)
    await build({root})
    await fs.writeFile(path.join(root, 'content/2024-01-01-third.md'), validEntry({frontmatter: 'title: Third, changed\ndate: 2024-01-01'}))
    await fs.rm(path.join(root, 'content/2024-11-02-q4-estimate.md'))
    const result = await build({root})
    expect(result.cache).toEqual({hits: 1, misses: 1})
    const stored = await cachedResults(root)
    expect([...stored.keys()].map((key) => key.split('\u0000')[0]).sort()).toEqual(['content/2024-01-01-third.md', 'content/2025-03-14-newsletter-launch.md'])
    // Only what changed was written: the new result and the two keys gone, after what the first build wrote.
    const lines = (await fs.readFile(cacheFile(root), 'utf8')).split('\n')
    expect(lines).toHaveLength(1 + 3 + 3)
    expect(lines.slice(4).map((line) => (JSON.parse(line) as unknown[]).length)).toEqual([2, 1, 1])
  })

  it('ignores a truncated, corrupt or foreign cache file and rebuilds it', async () => {
    const root = await project(files)
    await build({root})
    const good = await fs.readFile(cacheFile(root), 'utf8')
    const [header, ...records] = good.split('\n')
    const headerWith = (change: object) => JSON.stringify({...JSON.parse(header!), ...change})
    for (const [bad, hits] of [
      // Cut inside the last record: the records before it are whole, and still used.
      [good.slice(0, good.length - 20), 2],
      [good.slice(0, header!.length / 2), 0],
      ['not json at all', 0],
      [[JSON.stringify({format: 'someone-else'}), ...records].join('\n'), 0],
      [[headerWith({version: '0.0.0-old'}), ...records].join('\n'), 0],
      [[header, JSON.stringify([JSON.parse(records[0]!)[0], {file: 1}]), ...records.slice(1)].join('\n'), 2]
    ] as const) {
      await fs.writeFile(cacheFile(root), bad)
      const result = await build({root})
      expect(result.written).toBe(true)
      expect(result.cache).toEqual({hits, misses: 3 - hits})
      expect(await cachedResults(root)).toHaveProperty('size', 3)
    }
    expect(JSON.parse((await fs.readFile(cacheFile(root), 'utf8')).split('\n')[0]!)).toMatchObject({format: 'bounceback-entry-cache/6'})
  })

  it('is not used when the settings that shape entries change', async () => {
    const root = await project(files)
    await build({root})
    await fs.writeFile(path.join(root, 'bounceback.config.json'), JSON.stringify({rules: {'frontmatter/unknown-field': 'off'}}))
    const result = await build({root})
    expect(result.cache).toEqual({hits: 0, misses: 3})
    expect(result.messages).toEqual([])
    await fs.writeFile(path.join(root, 'bounceback.config.json'), JSON.stringify({rules: {'frontmatter/unknown-field': 'off'}, limits: {fileSize: 500}}))
    const limited = await check({root})
    expect(limited.cache).toEqual({hits: 0, misses: 3})
    expect(limited.messages.map((m) => m.ruleId)).toEqual(['file/too-large', 'file/too-large', 'file/too-large'])
  })

  it('is skipped with cache: false (--no-cache), and can live elsewhere', async () => {
    const root = await project(files)
    const result = await check({root, cache: false})
    expect(result.cache).toEqual({hits: 0, misses: 3})
    await expect(fs.access(cacheFile(root))).rejects.toThrow()
    const elsewhere = path.join(root, 'ci-cache')
    await check({root, cacheDir: elsewhere})
    expect((await check({root, cacheDir: elsewhere})).cache).toEqual({hits: 3, misses: 0})
  })
})

describe('saveJson', () => {
  it('writes streamed members in chunks into one valid document, and leaves no temporary file', async () => {
    const {saveJson} = await import('../src/cache/save-json.js')
    const root = await project({})
    const file = path.join(root, 'cache', 'big.json')
    // About 3 MB: the members cross the writer's 1 MB chunks more than once.
    const members = Array.from({length: 3000}, (_, i): [string, unknown] => [`entry-${i}\u0000"quoted"`, {body: 'é'.repeat(500) + i, list: [i, null, true]}])
    await saveJson(file, {format: 'x', n: 1}, {key: 'entries', members})
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({format: 'x', n: 1, entries: Object.fromEntries(members)})
    await saveJson(file, {}, {key: 'entries', members: []})
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({entries: {}})
    await saveJson(file, {plain: [1, 2]})
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({plain: [1, 2]})
    expect(await fs.readdir(path.dirname(file))).toEqual(['big.json'])
  })
})
