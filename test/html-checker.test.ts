import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {selectAll} from 'hast-util-select'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {parseHtml} from './helpers.js'
import {hasJava} from './requirements.js'

/** The sample site built twice: at the root of its host, and under a sub-path; three entries a page, so that its lists have pages. */
const packageRoot = path.resolve(import.meta.dirname, '..')
const vnu = path.join(packageRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar')
let atRoot: string
let underBase: string
let tmp: string

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-validate-'))
  atRoot = path.join(tmp, 'root')
  underBase = path.join(tmp, 'base')
  await build({root: packageRoot, today: '2026-11-29', overrides: {output: atRoot, pageSize: 3}})
  await build({root: packageRoot, today: '2026-11-29', overrides: {output: underBase, base: 'https://user.github.io/lessons/', pageSize: 3}})
}, 60_000)
afterAll(async () => {
  await fs.rm(tmp, {recursive: true, force: true})
})

const htmlFiles = async (dir: string) => (await fs.readdir(dir, {recursive: true})).filter((name) => name.endsWith('.html')).sort()

describe.skipIf(!hasJava)('the W3C Nu HTML Checker', () => {
  it('finds no error in any generated page, nor in the CSS', async () => {
    const files = (await htmlFiles(atRoot)).map((name) => path.join(atRoot, name))
    expect(files.length).toBeGreaterThan(40)
    const html = spawnSync('java', ['-jar', vnu, '--errors-only', ...files], {encoding: 'utf8'})
    expect(html.error).toBeUndefined()
    expect(html.stdout + html.stderr).toBe('')
    expect(html.status).toBe(0)
    const css = spawnSync(
      'java',
      [
        '-jar',
        vnu,
        '--errors-only',
        '--css',
        ...(await fs.readdir(path.join(atRoot, 'assets'))).filter((f) => f.endsWith('.css')).map((f) => path.join(atRoot, 'assets', f))
      ],
      {encoding: 'utf8'}
    )
    expect(css.stdout + css.stderr).toBe('')
    expect(css.status).toBe(0)
  })

  it('does find errors when there are some (the check is real)', async () => {
    const bad = path.join(tmp, 'bad.html')
    await fs.writeFile(bad, '<!doctype html><html lang="en"><head></head><body><p></div></body></html>')
    expect(() => execFileSync('java', ['-jar', vnu, '--errors-only', bad], {stdio: 'pipe'})).toThrow()
  })
})

/** Every internal link and asset of a built site, resolved to the file a static host would serve. */
async function brokenLinks(dir: string, base: string): Promise<string[]> {
  const broken: string[] = []
  for (const name of await htmlFiles(dir)) {
    const tree = parseHtml(await fs.readFile(path.join(dir, name), 'utf8'))
    const pageUrl = new URL(`/${name.replace(/index\.html$/, '')}`.replace(/^\//, base), 'http://site.test')
    for (const element of selectAll('[href], [src]', tree)) {
      const value = String(element.properties.href ?? element.properties.src)
      const target = new URL(value, pageUrl)
      if (target.origin !== 'http://site.test' && !target.href.startsWith('https://user.github.io/lessons/')) continue
      const pathname = decodeURIComponent(target.pathname)
      if (!pathname.startsWith(base)) {
        broken.push(`${name}: ${value} (outside ${base})`)
        continue
      }
      const relative = pathname.slice(base.length)
      const file = path.join(dir, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative)
      if (!(await fs.stat(file).catch(() => undefined))?.isFile()) broken.push(`${name}: ${value}`)
    }
  }
  return broken
}

describe('links', () => {
  it('every internal link and asset points at a file, at the root of the host', async () => {
    expect(await brokenLinks(atRoot, '/')).toEqual([])
  })

  it('every internal link and asset respects a base path', async () => {
    expect(await brokenLinks(underBase, '/lessons/')).toEqual([])
    const home = await fs.readFile(path.join(underBase, 'index.html'), 'utf8')
    expect(home).toContain('href="/lessons/assets/style.css"')
    expect(home).toContain('<link rel="canonical" href="https://user.github.io/lessons/">')
  })

  it('the check finds a broken link (it is real)', async () => {
    await fs.writeFile(path.join(atRoot, 'broken.html'), '<!doctype html><a href="/nowhere/">x</a>')
    expect(await brokenLinks(atRoot, '/')).toEqual(['broken.html: /nowhere/'])
    await fs.rm(path.join(atRoot, 'broken.html'))
  })
})

describe('feeds', () => {
  it('an Atom feed of entries and a sitemap, with absolute URLs when the site URL is known', async () => {
    const feed = await fs.readFile(path.join(underBase, 'feed.xml'), 'utf8')
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/)
    const entries = feed.match(/<entry>/g)?.length ?? 0
    const data = JSON.parse(await fs.readFile(path.join(underBase, 'data.json'), 'utf8')) as {entries: {url: string}[]}
    expect(entries).toBe(data.entries.length)
    expect(feed).toContain('<link href="https://user.github.io/lessons/feed.xml" rel="self" type="application/atom+xml" />')
    expect(feed).toContain(`<id>https://user.github.io${data.entries[0]!.url}</id>`)
    const map = await fs.readFile(path.join(underBase, 'sitemap.xml'), 'utf8')
    expect(map).toContain('<loc>https://user.github.io/lessons/</loc>')
    expect(map).not.toContain('404')
    // Every page but the 404 page, the pages of each list among them, once each.
    const locs = [...map.matchAll(/<loc>https:\/\/user\.github\.io\/lessons\/(.*?)<\/loc>/g)].map((m) => `${m[1]}index.html`)
    expect(locs).toContain('page/2/index.html')
    expect(locs.sort()).toEqual((await htmlFiles(underBase)).filter((name) => name !== '404.html'))
    expect(await fs.readFile(path.join(atRoot, 'feed.xml'), 'utf8')).toContain('<id>urn:bounceback:/</id>')
    // Sitemaps hold absolute URLs only: with no site URL, there is none.
    await expect(fs.access(path.join(atRoot, 'sitemap.xml'))).rejects.toThrow()
  })
})
