import fs from 'node:fs/promises'
import path from 'node:path'
import {toString as hastToString} from 'hast-util-to-string'
import {select, selectAll} from 'hast-util-select'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {parseHtml, tempProject, validEntry} from './helpers.js'

/**
 * Seven entries, two a page: five in 2025 (one of them named `page`, one `2`), two in 2024; six
 * due for a second look; each with one lesson, the same words every time, and one open
 * commitment, three of them past their date.
 */
const names = ['page', 'b', '2', 'd', 'e', 'f', 'g']
const dates = ['2025-05-20', '2025-04-20', '2025-03-20', '2025-02-20', '2025-01-20', '2024-12-20', '2024-11-20']
const titles = names.map((name) => `Entry called ${name}`)
let root: string

beforeAll(async () => {
  const files: Record<string, string> = {'bounceback.config.json': JSON.stringify({pageSize: 2, base: 'https://example.org/'})}
  names.forEach((name, i) => {
    const entry = validEntry({frontmatter: `title: ${titles[i]}\ndate: ${dates[i]}\ntags: [marketing]${i < 6 ? '\nrevisit: 2025-05-25' : ''}`})
    files[`content/${name}.md`] = entry.replace('(due 2025-09-01)', `(due 2025-0${i + 3}-01)`)
  })
  root = await tempProject(files)
  const result = await build({root, cache: false, today: '2025-06-01'})
  expect(result.messages.filter((m) => m.severity === 'error')).toEqual([])
})
afterAll(async () => {
  if (root) await fs.rm(root, {recursive: true, force: true})
})

const page = async (url: string) => parseHtml(await fs.readFile(path.join(root, 'dist', url, 'index.html'), 'utf8'))
const exists = (url: string) =>
  fs.access(path.join(root, 'dist', url, 'index.html')).then(
    () => true,
    () => false
  )
type Tree = Awaited<ReturnType<typeof page>>
const head = (tree: Tree, rel: string) => selectAll(`head link[rel=${rel}]`, tree).map((l) => String(l.properties.href))
const visible = (tree: Tree, rel: string) => selectAll(`.pagination a[rel=${rel}]`, tree).map((a) => String(a.properties.href))
const title = (tree: Tree) => hastToString(select('title', tree)!)
const cards = (tree: Tree) => selectAll('.entry-card h2 a, .entry-card h3 a', tree).map((a) => hastToString(a))

describe('the archive', () => {
  it('shows the newest entries on the home page and the rest on /page/2/…, each page linking to the next and the one before', async () => {
    const urls = ['/', '/page/2/', '/page/3/', '/page/4/']
    const seen: string[] = []
    for (const [i, url] of urls.entries()) {
      const tree = await page(url)
      seen.push(...cards(tree))
      const previous = i > 0 ? [urls[i - 1]!] : []
      const next = i < urls.length - 1 ? [urls[i + 1]!] : []
      expect([head(tree, 'prev'), head(tree, 'next')], url).toEqual([previous, next])
      expect([visible(tree, 'prev'), visible(tree, 'next')], url).toEqual([previous, next])
      // Every page by number; this one marked, not linked.
      expect(selectAll('.pagination ol a', tree).map((a) => String(a.properties.href))).toEqual(urls.filter((u) => u !== url))
      expect(hastToString(select('.pagination [aria-current=page]', tree)!)).toBe(`Page ${i + 1}`)
      if (i > 0) expect(title(tree)).toBe(`Post-mortems, page ${i + 1} of 4 · Post-mortems`)
    }
    expect(seen).toEqual(titles)
    expect(await exists('/page/5/')).toBe(false)
    expect(await exists('/page/1/')).toBe(false)
  })

  it('has an archive per year, in pages, linked from the home page with how many entries each holds', async () => {
    const home = await page('/')
    expect(selectAll('.years a', home).map((a) => [a.properties.href, hastToString(a)])).toEqual([
      ['/2025/', '2025 (5)'],
      ['/2024/', '2024 (2)']
    ])
    const year = await page('/2025/')
    expect(title(year)).toBe('2025 · Post-mortems')
    expect(cards(year)).toEqual(titles.slice(0, 2))
    expect(head(year, 'next')).toEqual(['/2025/page/2/'])
    expect(hastToString(select('.years [aria-current=page]', year)!)).toBe('2025 (5)')
    const last = await page('/2025/page/3/')
    expect(title(last)).toBe('2025, page 3 of 3 · Post-mortems')
    expect(cards(last)).toEqual([titles[4]])
    expect([head(last, 'prev'), head(last, 'next')]).toEqual([['/2025/page/2/'], []])
    expect(cards(await page('/2024/'))).toEqual(titles.slice(5))
    expect(await exists('/2024/page/2/')).toBe(false)
  })

  it('never gives an entry the URL of a page of its year: an entry named `page` is `page-entry`', async () => {
    expect(hastToString(select('h1', await page('/2025/page-entry/'))!)).toBe('Entry called page')
    expect(hastToString(select('h1', await page('/2025/2/'))!)).toBe('Entry called 2')
    expect(await exists('/2025/page/')).toBe(false)
    // Every page of the site is in the sitemap once: no two things share a URL.
    const map = await fs.readFile(path.join(root, 'dist', 'sitemap.xml'), 'utf8')
    const locs = [...map.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1])
    expect(new Set(locs).size).toBe(locs.length)
    expect(locs).toEqual(expect.arrayContaining(['https://example.org/2025/page-entry/', 'https://example.org/2025/page/2/', 'https://example.org/page/2/']))
  })

  it('names five entries due for a second look on the home page, and all of them at /revisit/', async () => {
    const home = await page('/')
    expect(selectAll('#revisit-heading ~ ul > li', home)).toHaveLength(5)
    expect(hastToString(select('a[href="/revisit/"]', home)!)).toBe('All 6 due for a second look')
    const due = [...cards(await page('/revisit/')), ...cards(await page('/revisit/page/2/')), ...cards(await page('/revisit/page/3/'))]
    expect(due.sort()).toEqual(titles.slice(0, 6).sort())
  })

  it('lists open commitments past their date first, most overdue first, over pages, with the chart on the first', async () => {
    const first = await page('/actions/')
    expect(selectAll('h2', first).map((h) => hastToString(h))).toEqual(['Past the date you set', 'Kept over time'])
    expect(selectAll('.commitment-text', first).map((c) => hastToString(c))).toEqual(['Write the promotion plan first', 'Write the promotion plan first'])
    expect(selectAll('.commitment time', first).filter((t) => !String(t.properties.dateTime).startsWith('2025-0')).length).toBe(0)
    const dueDates = async (url: string) => selectAll('span.muted:not(.from) > time', await page(url)).map((t) => String(t.properties.dateTime))
    expect([
      ...(await dueDates('/actions/')),
      ...(await dueDates('/actions/page/2/')),
      ...(await dueDates('/actions/page/3/')),
      ...(await dueDates('/actions/page/4/'))
    ]).toEqual(['2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01'])
    const second = await page('/actions/page/2/')
    expect(selectAll('h2', second).map((h) => hastToString(h))).toEqual(['Past the date you set', 'Still open'])
    expect(title(second)).toBe('Actions, page 2 of 4 · Post-mortems')
    expect(select('.chart-figure', second)).toBeUndefined()
    expect(hastToString(select('.lead', second)!)).toMatch(/^7 open commitments, 3 overdue\./)
  })

  it('splits a long tag and a long lesson theme over pages, and names each entry of a theme once, without its words again', async () => {
    const tag = await page('/tags/marketing/')
    expect(selectAll('.entry-links a', tag).map((a) => hastToString(a))).toEqual(titles.slice(0, 2))
    expect(head(tag, 'next')).toEqual(['/tags/marketing/page/2/'])
    expect(select('#tag-lessons', tag)).toBeDefined()
    const lastTag = await page('/tags/marketing/page/4/')
    expect(hastToString(select('h1', lastTag)!)).toBe('Tagged marketing, page 4 of 4')
    expect(select('#tag-lessons', lastTag)).toBeUndefined()

    const theme = await page('/lessons/marketing/')
    expect(selectAll('.occurrences > li', theme)).toHaveLength(2)
    // The same words each time: the theme's heading says them, each item names its entry.
    expect(selectAll('.occurrences blockquote', theme)).toHaveLength(0)
    expect(selectAll('.occurrences a', theme).map((a) => hastToString(a))).toEqual(['Entry called g', 'Entry called f'])
    expect(selectAll('[data-pagefind-body]', theme)).toHaveLength(1)
    const later = await page('/lessons/marketing/page/2/')
    expect(select('.occurrences', later)!.properties.start).toBe(3)
    // Only the first page is indexed for search: the others hold the same lesson.
    expect(selectAll('[data-pagefind-body]', later)).toHaveLength(0)
    expect(title(later)).toBe('Promote before launch, not after, page 2 of 4 · Post-mortems')
  })
})
