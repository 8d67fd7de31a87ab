import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build, feedHint} from '../src/build.js'
import {check} from '../src/check.js'
import {useProjects, validEntry, leftovers} from './helpers.js'

const project = useProjects()

const read = (root: string, file: string) => fs.readFile(path.join(root, 'dist', file), 'utf8')

/** Every file under a folder with its bytes, to prove a folder did not change. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await fs.readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, file)] = await fs.readFile(file, 'base64')
  }
  return out
}

const entries = {
  'content/2025-03-14-newsletter-launch.md': validEntry(),
  'content/work/2024-11-02-q4-estimate.md': validEntry({
    frontmatter: 'title: Q4 estimate\ndate: 2024-11-02\ntags: [work, estimation]\noutcome: failed\ncause: information'
  }),
  'content/2025-06-01-unfinished.md': validEntry({frontmatter: 'title: Unfinished thoughts\ndate: 2025-06-01\ndraft: true'})
}

describe('build', () => {
  it('says once that the feed needs the site URL when base is only a path, and not when it is a URL', async () => {
    const root = await project(entries)
    const relative = await build({root, cache: false})
    expect(relative.hints).toEqual([feedHint])
    expect(await read(root, 'feed.xml')).toContain('urn:bounceback:/')
    const absolute = await build({root, cache: false, overrides: {base: 'https://example.org/lessons/'}})
    expect(absolute.hints).toEqual([])
    expect(await read(root, 'feed.xml')).not.toContain('urn:bounceback:')
  })

  it('renders a home page, newest first, and one page per published entry at /YYYY/slug/', async () => {
    const root = await project(entries)
    const result = await build({root})
    expect(result.messages).toEqual([])
    expect(result.written).toBe(true)
    expect(result.entries).toBe(2)

    const home = await read(root, 'index.html')
    const newsletter = home.indexOf('Newsletter launch')
    const estimate = home.indexOf('Q4 estimate')
    expect(newsletter).toBeGreaterThan(-1)
    expect(estimate).toBeGreaterThan(newsletter)
    expect(home).toContain('href="/2025/newsletter-launch/"')
    expect(home).toContain('href="/2024/q4-estimate/"')
    expect(home).toContain('Reach 100 subscribers by June.')
    expect(home).not.toContain('Then keep going.')
    expect(home).toContain('outcome-failed')
    expect(home).toContain('<time datetime="2025-03-14">March 14, 2025</time>')
    expect(home).toContain('<a href="/tags/estimation/">estimation</a>')

    const page = await read(root, '2025/newsletter-launch/index.html')
    expect(page).toMatch(/^<!doctype html>/)
    expect(page).toContain('<h1>Newsletter launch</h1>')
    expect(page).toContain('<h2>What went really well?</h2>')
    expect(page).toContain('type="checkbox" checked disabled')
    expect(page).toContain('rel="prev"')
    await expect(read(root, '2024/q4-estimate/index.html')).resolves.toContain('Q4 estimate')
    await expect(read(root, 'assets/style.css')).resolves.toContain('prefers-color-scheme')
    await expect(read(root, '404.html')).resolves.toContain('Page not found')
  })

  it('checks drafts but does not publish them', async () => {
    const root = await project({
      ...entries,
      'content/2025-06-01-unfinished.md': validEntry({frontmatter: 'title: Unfinished thoughts\ndate: 2025-06-01\ndraft: true\noutcome: nope'})
    })
    const checked = await check({root})
    expect(checked.messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual(['content/2025-06-01-unfinished.md frontmatter/value'])
    const fixed = await project(entries)
    await build({root: fixed})
    await expect(fs.access(path.join(fixed, 'dist', '2025', 'unfinished'))).rejects.toThrow()
    expect(await read(fixed, 'index.html')).not.toContain('Unfinished thoughts')
  })

  it('reports every problem of every file and leaves the previous dist/ exactly as it was', async () => {
    const root = await project(entries)
    await build({root})
    const before = await snapshot(path.join(root, 'dist'))
    await fs.writeFile(path.join(root, 'content/2025-03-14-newsletter-launch.md'), validEntry({frontmatter: 'title: Broken\ndate: 2025-02-30'}))
    await fs.writeFile(path.join(root, 'content/2025-04-01-empty.md'), '---\ntitle: Empty\ndate: 2025-04-01\n---\n')
    const result = await build({root})
    expect(result.written).toBe(false)
    expect(result.ok).toBe(false)
    expect(new Set(result.messages.map((m) => m.file))).toEqual(new Set(['content/2025-03-14-newsletter-launch.md', 'content/2025-04-01-empty.md']))
    expect(result.messages.filter((m) => m.ruleId === 'sections/missing')).toHaveLength(8)
    expect(await snapshot(path.join(root, 'dist'))).toEqual(before)
    expect(await leftovers(root)).toEqual([])
  })

  it('leaves dist/ intact and no temporary folder when a write fails half way', async () => {
    const root = await project(entries)
    await build({root})
    const before = await snapshot(path.join(root, 'dist'))
    // A change, so that the build has files to write (unchanged ones are linked, not written).
    await fs.writeFile(path.join(root, 'content/work/2024-11-02-q4-estimate.md'), validEntry({frontmatter: 'title: Q4 estimate, revised\ndate: 2024-11-02'}))
    let writes = 0
    const failing = async (file: string, contents: string | Uint8Array) => {
      if (++writes === 2) throw Object.assign(new Error('ENOSPC: no space left on device'), {code: 'ENOSPC'})
      await fs.writeFile(file, contents)
    }
    await expect(build({root, write: {writeFile: failing}})).rejects.toMatchObject({code: 'WRITE_FAILED'})
    expect(await snapshot(path.join(root, 'dist'))).toEqual(before)
    expect(await leftovers(root)).toEqual([])
  })

  it('writes only files whose bytes changed', async () => {
    const root = await project(entries)
    await build({root, today: '2025-06-01'})
    const writes: string[] = []
    const counting = async (file: string, contents: string | Uint8Array) => {
      writes.push(file)
      await fs.writeFile(file, contents)
    }
    await build({root, today: '2025-06-01', write: {writeFile: counting}})
    expect(writes).toEqual([])
    await fs.writeFile(path.join(root, 'content/work/2024-11-02-q4-estimate.md'), validEntry({frontmatter: 'title: Q4 estimate, revised\ndate: 2024-11-02'}))
    await build({root, today: '2025-06-01', write: {writeFile: counting}})
    expect(writes.length).toBeGreaterThan(0)
    // Written beside dist/, into a staging folder, never straight into it.
    expect(writes.every((file) => path.relative(root, file).startsWith('.bounceback-tmp-dist-'))).toBe(true)
    expect(writes.some((file) => file.endsWith(path.join('2024', 'q4-estimate', 'index.html')))).toBe(true)
    expect(writes.some((file) => file.endsWith(path.join('assets', 'style.css')))).toBe(false)
    expect(writes.some((file) => file.endsWith('404.html'))).toBe(false)
    await expect(read(root, '2024/q4-estimate/index.html')).resolves.toContain('Q4 estimate, revised')
  })

  it('replaces dist/ wholesale, so a removed entry leaves no stale page', async () => {
    const root = await project(entries)
    await build({root})
    await fs.rm(path.join(root, 'content/work/2024-11-02-q4-estimate.md'))
    await build({root})
    await expect(fs.access(path.join(root, 'dist/2024/q4-estimate/index.html'))).rejects.toThrow()
    await expect(read(root, '2025/newsletter-launch/index.html')).resolves.toContain('Newsletter launch')
  })

  it('builds a project holding nothing but content/, with the package theme', async () => {
    const root = await project({'content/2025-03-14-newsletter-launch.md': validEntry()})
    const result = await build({root})
    expect(result.written).toBe(true)
    expect(result.config.themeDir).toBe(path.resolve(import.meta.dirname, '..', 'themes', 'default'))
  })

  it('uses the config file and a theme that overrides only some layouts', async () => {
    const root = await project({
      'content/2025-03-14-newsletter-launch.md': validEntry(),
      'bounceback.config.json': JSON.stringify({title: 'Maya learns', base: '/lessons/', output: 'public', theme: 'themes/mine'}),
      'themes/mine/layouts/home.js': `export default function home(data, ctx) {
        return ctx.layout('base', {title: 'x', description: 'd', url: '/', main: [ctx.h('p#custom', 'Custom home: ' + data.entries.length)]})
      }`
    })
    await build({root})
    const home = await fs.readFile(path.join(root, 'public/index.html'), 'utf8')
    expect(home).toContain('<p id="custom">Custom home: 1</p>')
    expect(home).toContain('<title>Maya learns</title>')
    expect(home).toContain('href="/lessons/assets/style.css"')
    const page = await fs.readFile(path.join(root, 'public/2025/newsletter-launch/index.html'), 'utf8')
    expect(page).toContain('href="/lessons/"')
  })

  it('names the layout file and the page when a layout throws', async () => {
    const root = await project({
      'content/2025-03-14-newsletter-launch.md': validEntry(),
      'bounceback.config.json': JSON.stringify({theme: 'themes/broken'}),
      'themes/broken/layouts/entry.js': 'export default function entry(data) { return data.nothing.here }'
    })
    const error = await build({root}).catch((e: unknown) => e)
    expect(error).toMatchObject({code: 'LAYOUT_FAILED'})
    expect((error as Error).message).toContain(path.join('themes', 'broken', 'layouts', 'entry.js'))
    expect((error as Error).message).toContain('/2025/newsletter-launch/')
    await expect(fs.access(path.join(root, 'dist'))).rejects.toThrow()
  })

  it('says so when there is no content folder', async () => {
    const root = await project({})
    await expect(check({root})).rejects.toMatchObject({code: 'CONTENT_NOT_FOUND'})
  })
})

describe('two builds at once', () => {
  it('take turns writing: both finish, and dist/ is one whole build', async () => {
    const root = await project(entries)
    const [a, b] = await Promise.all([build({root, cache: false}), build({root, cache: false})])
    expect(a.written && b.written).toBe(true)
    await expect(read(root, '2025/newsletter-launch/index.html')).resolves.toContain('Newsletter launch')
    expect(await leftovers(root)).toEqual([])
  })

  it('take over a lock left by a process that is gone', async () => {
    const root = await project(entries)
    await fs.writeFile(path.join(root, '.bounceback-lock-dist'), 'bounceback-lock 999999\n')
    expect((await build({root})).written).toBe(true)
    await expect(fs.access(path.join(root, '.bounceback-lock-dist'))).rejects.toThrow()
  })

  it('wait while another live process holds the lock', async () => {
    const root = await project(entries)
    const {spawn} = await import('node:child_process')
    const holder = spawn('sleep', ['30'])
    await fs.writeFile(path.join(root, '.bounceback-lock-dist'), `bounceback-lock ${holder.pid}\n`)
    let finished = false
    const building = build({root}).then((r) => {
      finished = true
      return r
    })
    // Long enough to read, render and index two entries; then it can only be waiting.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    expect(finished).toBe(false)
    await expect(fs.access(path.join(root, 'dist'))).rejects.toThrow()
    await fs.rm(path.join(root, '.bounceback-lock-dist'))
    expect((await building).written).toBe(true)
    holder.kill()
  })
})
