import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {selectAll} from 'hast-util-select'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {parseHtml} from './helpers.js'

/** A site of a thousand entries, built once for every test here: a reader's view of a real team's collection. */
const count = 1000
let root: string
let dist: string
let entryPages: string[]

/** Every HTML file of the built site, by site-relative URL (`/2025/x/`, `/404.html`). */
async function htmlPages(dir: string, prefix = '/'): Promise<string[]> {
  const urls: string[] = []
  for (const dirent of await fs.readdir(dir, {withFileTypes: true})) {
    if (dirent.isDirectory()) urls.push(...(await htmlPages(path.join(dir, dirent.name), `${prefix}${dirent.name}/`)))
    else if (dirent.name === 'index.html') urls.push(prefix)
    else if (dirent.name.endsWith('.html')) urls.push(`${prefix}${dirent.name}`)
  }
  return urls
}

const fileOf = (url: string) => path.join(dist, ...url.split('/').filter(Boolean), url.endsWith('/') ? 'index.html' : '')

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-large-'))
  const corpus = path.join(import.meta.dirname, '..', 'bench', 'make-corpus.mjs')
  await promisify(execFile)(process.execPath, [corpus, '--count', String(count), '--out', path.join(root, 'content')])
  const result = await build({root, cache: false, today: '2026-11-29'})
  expect(result.messages.filter((m) => m.severity === 'error')).toEqual([])
  expect(result.entries).toBe(count)
  dist = path.join(root, 'dist')
  entryPages = (await htmlPages(dist)).filter((url) => /^\/\d{4}\/[^/]+\/$/.test(url))
  // Some 15 s on two cores, most of it reading the entries: well inside this limit, shared or not.
}, 180_000)

afterAll(async () => {
  if (root) await fs.rm(root, {recursive: true, force: true})
})

describe(`a site of ${count} entries`, () => {
  it('leads from the home page to every entry within three links, and to every other page too, with no broken link', async () => {
    expect(entryPages).toHaveLength(count)
    const depth = new Map<string, number>([['/', 0]])
    const broken: string[] = []
    let frontier = ['/']
    for (let clicks = 1; frontier.length > 0 && clicks <= 3; clicks++) {
      const next: string[] = []
      for (const from of frontier) {
        const tree = parseHtml(await fs.readFile(fileOf(from), 'utf8'))
        // Links, and the search form in the header, which leads to the search page.
        for (const a of [...selectAll('a[href]', tree), ...selectAll('form[action]', tree)]) {
          const target = new URL(String(a.properties.href ?? a.properties.action), `http://site${from}`)
          if (target.host !== 'site' || target.pathname.startsWith('/assets/') || target.pathname === '/feed.xml') continue
          const url = target.pathname
          if (depth.has(url)) continue
          depth.set(url, clicks)
          if (!(await fs.stat(fileOf(url)).catch(() => undefined))) broken.push(`${url} (from ${from})`)
          else next.push(url)
        }
      }
      frontier = next
    }
    expect(broken).toEqual([])
    expect(entryPages.filter((url) => !depth.has(url))).toEqual([])
    // Every other page is as near: pages of the archive, years, tags, lesson themes and their pages.
    const unreached = (await htmlPages(dist)).filter((url) => !depth.has(url) && url !== '/404.html')
    expect(unreached).toEqual([])
  })

  it('keeps the home page under 60 KB of HTML, and every page but search under 200 KB', async () => {
    const sizes = await Promise.all((await htmlPages(dist)).map(async (url) => [url, (await fs.stat(fileOf(url))).size] as const))
    expect(sizes.length).toBeGreaterThan(count)
    const home = sizes.find(([url]) => url === '/')![1]
    expect(home).toBeLessThan(60_000)
    expect(sizes.filter(([url, size]) => url !== '/search/' && size >= 200_000)).toEqual([])
  })

  it('shows on the home page only the newest entries and the first few due for a second look, and links to the rest', async () => {
    const home = parseHtml(await fs.readFile(fileOf('/'), 'utf8'))
    expect(selectAll('.entry-card', home)).toHaveLength(20)
    expect(selectAll('#revisit-heading ~ ul > li', home)).toHaveLength(5)
    expect(selectAll('a[href="/revisit/"]', home)).toHaveLength(1)
    expect(selectAll('link[rel=next]', home).map((l) => l.properties.href)).toEqual(['/page/2/'])
    const last = `/page/${Math.ceil(count / 20)}/`
    const end = parseHtml(await fs.readFile(fileOf(last), 'utf8'))
    expect(selectAll('link[rel=next]', end)).toEqual([])
    expect(selectAll('.entry-card', end).length).toBeGreaterThan(0)
    await expect(fs.access(fileOf(`/page/${Math.ceil(count / 20) + 1}/`))).rejects.toThrow()
  })
})
