import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {build, type BuildOptions} from '../src/build.js'
import {useProjects, validEntry, writeFiles} from './helpers.js'

const project = useProjects()
const defaultEntryLayout = pathToFileURL(path.join(import.meta.dirname, '..', 'themes', 'default', 'layouts', 'entry.js')).href

// A theme whose entry layout counts its calls, so a test can tell a page rendered from one reused.
const countingTheme = {
  'mytheme/layouts/entry.js': `import entry from ${JSON.stringify(defaultEntryLayout)}
export default function counted(data, ctx) {
  globalThis.bouncebackEntryRenders = (globalThis.bouncebackEntryRenders ?? 0) + 1
  return entry(data, ctx)
}
`,
  'mytheme/assets/extra.css': 'body {}\n',
  'bounceback.config.json': JSON.stringify({theme: 'mytheme', title: 'Growth log'})
}
const entries = {
  'content/2025-03-14-newsletter-launch.md': validEntry(),
  'content/2024-11-02-q4-estimate.md': validEntry({frontmatter: 'title: Q4 estimate\ndate: 2024-11-02\ntags: [writing]'}),
  'content/2024-01-01-third.md': validEntry({frontmatter: 'title: Third\ndate: 2024-01-01\ntags: [writing]'})
}
const g = globalThis as {bouncebackEntryRenders?: number}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of (await fs.readdir(dir, {recursive: true})).sort()) {
    const file = path.join(dir, name)
    if ((await fs.stat(file)).isFile()) out[name.split(path.sep).join('/')] = await fs.readFile(file, 'utf8')
  }
  return out
}

/**
 * Build with the cache into `dist/`, and without any cache into `fresh/`: the two must be the
 * same, byte for byte. Returns how many entry pages the cached build rendered.
 */
async function buildBoth(root: string, options: BuildOptions = {}): Promise<number> {
  g.bouncebackEntryRenders = 0
  const cached = await build({root, today: '2025-06-01', ...options})
  const rendered = g.bouncebackEntryRenders
  expect(cached.ok, JSON.stringify(cached.messages)).toBe(true)
  await build({root, today: '2025-06-01', ...options, cache: false, overrides: {output: 'fresh'}})
  expect(await snapshot(path.join(root, 'dist'))).toEqual(await snapshot(path.join(root, 'fresh')))
  return rendered
}

describe('the page cache', () => {
  it('renders again only the pages whose data changed, and the output is always what a fresh build makes', async () => {
    const root = await project({...countingTheme, ...entries})
    expect(await buildBoth(root)).toBe(3)
    // Nothing changed: no page is rendered.
    expect(await buildBoth(root)).toBe(0)

    // A sentence deep in one entry: that entry's page only.
    await writeFiles(root, {
      'content/2024-11-02-q4-estimate.md': validEntry({frontmatter: 'title: Q4 estimate\ndate: 2024-11-02\ntags: [writing]'}).replace(
        'Writing every week.',
        'Writing every single week.'
      )
    })
    expect(await buildBoth(root)).toBe(1)

    // A title is shown on other entries' pages (previous, next, related): those change too.
    await writeFiles(root, {'content/2024-11-02-q4-estimate.md': validEntry({frontmatter: 'title: Q4 estimate, revised\ndate: 2024-11-02\ntags: [writing]'})})
    expect(await buildBoth(root)).toBe(3)

    // A new day can make commitments overdue: every page depends on it.
    expect(await buildBoth(root, {today: '2025-06-02'})).toBe(3)

    // The settings and the theme shape every page.
    await writeFiles(root, {'bounceback.config.json': JSON.stringify({theme: 'mytheme', title: 'Another title'})})
    expect(await buildBoth(root)).toBe(3)
    await writeFiles(root, {'mytheme/assets/extra.css': 'body { color: black }\n'})
    expect(await buildBoth(root)).toBe(3)

    // An entry removed: its page goes, and the two that pointed at it (as previous or related) change.
    await fs.rm(path.join(root, 'content/2024-01-01-third.md'))
    expect(await buildBoth(root)).toBe(2)
  })

  it('leaves an output that is already right alone, and notices every kind of change', async () => {
    const root = await project({...countingTheme, ...entries})
    const again = async (options: BuildOptions = {}) => {
      g.bouncebackEntryRenders = 0
      const result = await build({root, today: '2025-06-01', ...options})
      expect(result.ok).toBe(true)
      return {upToDate: result.upToDate, rendered: g.bouncebackEntryRenders, outputFiles: result.outputFiles}
    }
    const first = await again()
    expect(first.upToDate).toBe(false)
    const folder = (await fs.stat(path.join(root, 'dist'))).ino
    // Nothing changed: the same folder, nothing rendered, and the same count of files.
    expect(await again()).toEqual({upToDate: true, rendered: 0, outputFiles: first.outputFiles})
    expect((await fs.stat(path.join(root, 'dist'))).ino).toBe(folder)

    // A setting no entry's cache key covers (how lessons are grouped) changes the site.
    await writeFiles(root, {'bounceback.config.json': JSON.stringify({theme: 'mytheme', title: 'Growth log', lessons: {threshold: 0.9}})})
    expect((await again()).upToDate).toBe(false)
    expect(await buildBoth(root)).toBe(0)
    expect((await again()).upToDate).toBe(true)

    // Another day, another shard size, a page altered by hand, a file added by hand: not up to date.
    expect((await again({today: '2025-06-02'})).upToDate).toBe(false)
    expect((await again()).upToDate).toBe(false)
    expect((await again({searchShardSize: 4})).upToDate).toBe(false)
    expect((await again()).upToDate).toBe(false)
    expect((await again()).upToDate).toBe(true)
    await fs.writeFile(path.join(root, 'dist/2024/third/index.html'), 'tampered')
    expect((await again()).upToDate).toBe(false)
    expect(await fs.readFile(path.join(root, 'dist/2024/third/index.html'), 'utf8')).toContain('Third')
    await fs.writeFile(path.join(root, 'dist/2024/stray.html'), 'stray')
    expect((await again()).upToDate).toBe(false)
    await expect(fs.access(path.join(root, 'dist/2024/stray.html'))).rejects.toThrow()
    // An entry edited: not up to date, and the output is what a fresh build makes.
    await writeFiles(root, {'content/2024-01-01-third.md': entries['content/2024-01-01-third.md'].replace('Promotion.', 'Marketing.')})
    expect((await again()).upToDate).toBe(false)
    expect(await buildBoth(root)).toBe(0)
    // Without the cache, nothing is known about the output.
    expect((await again({cache: false})).upToDate).toBe(false)
  })

  it('does not trust an output page that was changed or removed by hand', async () => {
    const root = await project({...countingTheme, ...entries})
    await buildBoth(root)
    await fs.writeFile(path.join(root, 'dist/2025/newsletter-launch/index.html'), 'tampered')
    await fs.rm(path.join(root, 'dist/2024/third/index.html'))
    expect(await buildBoth(root)).toBe(2)
    expect(await fs.readFile(path.join(root, 'dist/2025/newsletter-launch/index.html'), 'utf8')).toContain('Newsletter launch')
    // Repaired and recorded: the next build renders nothing again.
    expect(await buildBoth(root)).toBe(0)
  })

  it('is not fooled by output that another kind of build wrote in between', async () => {
    const root = await project({...countingTheme, ...entries})
    const original = entries['content/2024-01-01-third.md']
    await buildBoth(root)
    // A --no-cache build writes the output without recording its pages; the entry then goes back
    // to what the record knows. The page must be the one for the text now in the file.
    await writeFiles(root, {'content/2024-01-01-third.md': original.replace('Promotion.', 'Marketing.')})
    await build({root, today: '2025-06-01', cache: false})
    expect(await fs.readFile(path.join(root, 'dist/2024/third/index.html'), 'utf8')).toContain('Marketing.')
    await writeFiles(root, {'content/2024-01-01-third.md': original})
    await buildBoth(root)
    expect(await fs.readFile(path.join(root, 'dist/2024/third/index.html'), 'utf8')).toContain('Promotion.')
  })

  it('takes an unchanged search index from the previous output, and rebuilds it when a page changes', async () => {
    const root = await project({...countingTheme, ...entries})
    await build({root})
    const entryFile = path.join(root, 'dist/pagefind/pagefind-entry.json')
    // Mark the index without changing its size: a reused index keeps the mark, a rebuilt one does not.
    const original = await fs.readFile(entryFile, 'utf8')
    const marked = original.replace(/"version":"\d/, '"version":"X')
    expect(marked).not.toBe(original)
    await fs.writeFile(entryFile, marked)
    // Another output file gone: the output is written again, but no page changed.
    await fs.rm(path.join(root, 'dist/assets/favicon.svg'))
    await build({root})
    await expect(fs.access(path.join(root, 'dist/assets/favicon.svg'))).resolves.toBeUndefined()
    expect(await fs.readFile(entryFile, 'utf8')).toBe(marked)
    await writeFiles(root, {'content/2024-01-01-third.md': entries['content/2024-01-01-third.md'].replace('Promotion.', 'Marketing.')})
    await build({root})
    expect(await fs.readFile(entryFile, 'utf8')).not.toContain('"version":"X')
  })

  it('re-indexes only the shard of the search index whose pages changed', async () => {
    const root = await project({...countingTheme, ...entries})
    const options = {searchShardSize: 4}
    await buildBoth(root, options)
    const shardEntries = async () => {
      const folders = [
        'pagefind',
        ...(await fs.readdir(path.join(root, 'dist/pagefind'))).filter((name) => name.startsWith('shard-')).map((name) => `pagefind/${name}`)
      ]
      return folders.map((folder) => path.join(root, 'dist', folder, 'pagefind-entry.json'))
    }
    const files = await shardEntries()
    expect(files.length).toBeGreaterThan(2)
    // Mark every shard without changing its size: a reused shard keeps its mark.
    for (const file of files) await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/"version":"\d/, '"version":"X'))
    const marked = async () => (await Promise.all(files.map((file) => fs.readFile(file, 'utf8')))).filter((text) => text.includes('"version":"X')).length
    await writeFiles(root, {
      'content/2024-11-02-q4-estimate.md': entries['content/2024-11-02-q4-estimate.md'].replace('Writing every week.', 'Writing every single week.')
    })
    await build({root, today: '2025-06-01', ...options})
    // One entry page changed: its shard was indexed again, every other one kept.
    expect(await marked()).toBe(files.length - 1)
  })
})
