import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type {Root} from 'hast'
import {select, selectAll} from 'hast-util-select'
import {toString as hastToString} from 'hast-util-to-string'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../src/build.js'
import {parseHtml} from './helpers.js'

/** The bundled sample, built for a fixed date so "overdue" and "due" do not move. */
const packageRoot = path.resolve(import.meta.dirname, '..')
const today = '2026-11-29'
let out: string
let result: BuildResult
const page = async (url: string): Promise<Root> => parseHtml(await fs.readFile(path.join(out, url.slice(1), url.endsWith('/') ? 'index.html' : ''), 'utf8'))
const text = (tree: Root, selector: string) => selectAll(selector, tree).map((node) => hastToString(node).replace(/\s+/g, ' ').trim())

beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-pages-'))
  result = await build({root: packageRoot, today, overrides: {output: out}})
})
afterAll(async () => {
  await fs.rm(out, {recursive: true, force: true})
})

describe('the site built from the sample content', () => {
  it('builds without any message', () => {
    expect(result.messages).toEqual([])
    expect(result.written).toBe(true)
  })

  it('/lessons/ lists every theme, recurring first, with counts and dates, and a page per theme', async () => {
    const lessons = await page('/lessons/')
    const recurring = selectAll('section:first-of-type .theme-list > li', lessons)
    expect(recurring.length).toBeGreaterThanOrEqual(4)
    expect(hastToString(recurring[0]!)).toMatch(/· \d+ times in \d+ entries, \w+ \d+, \d{4} to \w+ \d+, \d{4}/)
    for (const link of selectAll('.theme-list a', lessons)) {
      const theme = await page(String(link.properties.href))
      expect(hastToString(select('h1', theme)!)).toBe(hastToString(link))
      const occurrences = selectAll('.occurrences > li', theme)
      expect(occurrences.length).toBeGreaterThanOrEqual(1)
      for (const o of occurrences) expect(String(select('a', o)!.properties.href)).toMatch(/^\/\d{4}\/[a-z0-9-]+\/$/)
    }
  })

  it('/growth/ has its charts, each with a title, a description, a legend when it has several series, and a table of its numbers', async () => {
    const growth = await page('/growth/')
    const figures = selectAll('figure.chart-figure', growth)
    expect(figures.map((f) => hastToString(select('svg > title', f)!))).toEqual([
      'Entries per quarter',
      'Outcome mix per quarter',
      'Cause mix per quarter',
      'Commitments kept',
      'Recurring lessons over time',
      'Lessons learned, cumulative',
      'Money spent and earned, cumulative'
    ])
    const periods = selectAll('table tbody tr', figures[0]!).length
    for (const figure of figures) {
      expect(select('svg[role=img] > desc', figure)).toBeDefined()
      expect(select('details > .table-scroll[tabindex="0"] > table', figure), 'the table scrolls in its own box').toBeDefined()
      if (hastToString(select('svg > title', figure)!) !== 'Recurring lessons over time') expect(selectAll('table tbody tr', figure).length).toBe(periods)
    }
    expect(text(growth, '#chart-outcomes-caption ~ .chart-legend li')).toEqual(['Failed', 'Mixed', 'Succeeded'])
    const entriesTable = selectAll('tbody td', figures[0]!).map((td) => Number(hastToString(td)))
    expect(entriesTable.reduce((a, b) => a + b, 0)).toBe(result.entries)
  })

  it('/growth/ opens with the answer in words, every figure linking to a list of the entries behind it', async () => {
    const growth = await page('/growth/')
    const data = JSON.parse(await fs.readFile(path.join(out, 'data.json'), 'utf8')) as {growth: {summary: {latest: {period: string; entries: string[]}}}}
    const latest = data.growth.summary.latest
    const answer = select('.growth-answer', growth)!
    expect(text(growth, 'main > section:first-of-type h2')[0]).toMatch(/^Q\d \d{4} against Q\d \d{4}$/)
    expect(text(growth, '.growth-answer > li > strong')).toEqual(['Failures:', 'Causes:', 'Commitments kept:', 'Lessons learned again:', 'Recurring lessons:'])
    const anchors = selectAll('a[href^="#"]', answer).map((a) => String(a.properties.href).slice(1))
    expect(anchors.length).toBeGreaterThanOrEqual(8)
    expect(anchors).toContain(`period-${latest.period}`)
    for (const id of new Set(anchors)) {
      const section = select(`section[id="${id}"]`, growth)
      expect(section, `#${id} exists`).toBeDefined()
    }
    const listed = selectAll(`section[id="period-${latest.period}"] li > a`, growth).map((a) => String(a.properties.href))
    expect(listed).toEqual(latest.entries.map((slug) => expect.stringMatching(new RegExp(`^/\\d{4}/${slug}/$`))))
    const themeLinks = selectAll('a[href^="/lessons/"]', answer)
    expect(themeLinks.length).toBeGreaterThan(0)
    for (const link of themeLinks) expect(hastToString(select('h1', await page(String(link.properties.href)))!)).toBe(hastToString(link))
  })

  it('/actions/ lists open commitments past their date first, then by date, overdue ones marked, each linking to its entry', async () => {
    const actions = await page('/actions/')
    const items = selectAll('.commitments > li', actions)
    expect(items.length).toBeGreaterThan(3)
    const late = items.filter((li) => (li.properties.className as string[]).includes('is-overdue'))
    expect(items.slice(0, late.length)).toEqual(late)
    expect(text(actions, 'h2')).toEqual(expect.arrayContaining(['Past the date you set', 'Still open']))
    // Within each group, by due date; those without one last, oldest first.
    const due = (li: (typeof items)[number]) => select('span.muted:not(.from) > time', li)?.properties.dateTime as string | undefined
    for (const group of [late, items.slice(late.length)]) {
      const dated = group.filter((li) => due(li) !== undefined)
      expect(group.slice(0, dated.length)).toEqual(dated)
      expect(dated.map(due)).toEqual(dated.map(due).sort())
      const made = group.slice(dated.length).map((li) => String(select('.from time', li)!.properties.dateTime))
      expect(made).toEqual([...made].sort())
    }
    expect(selectAll('.commitments > li.is-overdue', actions).length).toBeGreaterThan(0)
    expect(text(actions, '.commitments > li.is-overdue .status')[0]).toBe('Overdue')
    for (const li of items) expect(selectAll('a', li).some((a) => /^\/\d{4}\//.test(String(a.properties.href)))).toBe(true)
    expect(hastToString(select('.lead', actions)!)).toMatch(/\d+ open commitments, \d+ overdue\. \d+ of \d+ kept \(\d+%\)\./)
  })

  it('the home page has a summary and the entries due for a second look', async () => {
    const home = await page('/')
    const figures = text(home, '.summary-figures li')
    expect(figures[0]).toBe(`${result.entries} post-mortems`)
    expect(figures.some((f) => /^\d+ recurring lessons$/.test(f))).toBe(true)
    expect(figures.some((f) => /^\d+ open commitments$/.test(f))).toBe(true)
    expect(selectAll('.revisit li', home).length).toBeGreaterThan(0)
  })

  it('each entry page links its lessons to their themes and shows its commitments, related entries and neighbours', async () => {
    const entry = await page('/2024/newsletter-launch/')
    const lessons = selectAll('.entry-body li[data-lesson]', entry)
    expect(lessons.length).toBe(4)
    expect(String(select('.lesson-note a', lessons[0]!)!.properties.href)).toBe('/lessons/feedback/')
    expect(hastToString(select('.lesson-note', lessons[0]!)!)).toMatch(/^Learned \d+ times, also in .+\.$/)
    expect(text(entry, '.entry-body [data-commitment] .status')).toEqual(['Done', 'Done', 'Overdue', 'Overdue'])
    expect(selectAll('#related-heading + ul li', entry).length).toBeGreaterThan(0)
    expect(text(entry, 'a[rel=prev] .pager-label')).toEqual(['← Older'])
    expect(text(entry, 'a[rel=next] .pager-label')).toEqual(['Newer →'])
    expect(select('a.hashtag[href="/tags/feedback/"]', entry)).toBeDefined()
  })

  it('/tags/ and /tags/<tag>/ list entries by tag', async () => {
    const tags = await page('/tags/')
    const links = selectAll('.tag-index a', tags)
    expect(links.length).toBeGreaterThan(5)
    const work = await page('/tags/work/')
    expect(selectAll('.entry-links li', work).length).toBeGreaterThanOrEqual(2)
  })

  it('data.json holds entries, lessons and actions in the documented shape, with no HTML', async () => {
    const raw = await fs.readFile(path.join(out, 'data.json'), 'utf8')
    const data = JSON.parse(raw) as {entries: Record<string, unknown>[]; lessons: Record<string, unknown>[]; actions: Record<string, unknown>[]}
    expect(data.entries).toHaveLength(result.entries)
    expect(Object.keys(data.entries[0]!)).toEqual(expect.arrayContaining(['slug', 'url', 'title', 'date', 'tags', 'outcome', 'cause', 'draft']))
    expect(data.entries.every((e) => e.draft === false)).toBe(true)
    const slugs = new Set(data.entries.map((e) => e.slug))
    for (const lesson of data.lessons) {
      expect(Object.keys(lesson)).toEqual(expect.arrayContaining(['id', 'text', 'recurring', 'occurrences']))
      for (const o of lesson.occurrences as {entry: string; text: string}[]) expect(slugs.has(o.entry)).toBe(true)
    }
    expect(data.lessons.some((l) => l.recurring === true)).toBe(true)
    for (const action of data.actions) {
      expect(Object.keys(action)).toEqual(expect.arrayContaining(['entry', 'text', 'done', 'due']))
      expect(slugs.has(action.entry as string)).toBe(true)
    }
    expect(raw).not.toMatch(/<[a-z/]/i)
  })
})

describe('bounceback lessons', () => {
  const bin = path.join(packageRoot, 'bin', 'bounceback.js')
  it('prints themes, recurring first, and the same data as JSON', () => {
    const plain = spawnSync(process.execPath, [bin, 'lessons'], {cwd: packageRoot, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
    expect(plain.status).toBe(0)
    const lines = plain.stdout.split('\n')
    expect(lines[0]).toMatch(/^Recurring lessons \(\d+\)$/)
    const onceAt = lines.findIndex((l) => /^Learned once \(\d+\)$/.test(l))
    expect(onceAt).toBeGreaterThan(1)
    const json = spawnSync(process.execPath, [bin, 'lessons', '--json'], {cwd: packageRoot, encoding: 'utf8'})
    const themes = JSON.parse(json.stdout) as {recurring: boolean; text: string; count: number}[]
    const recurring = themes.filter((t) => t.recurring)
    expect(recurring.length).toBe(Number(/\((\d+)\)/.exec(lines[0]!)![1]))
    expect(themes.findIndex((t) => !t.recurring)).toBe(recurring.length)
    expect(plain.stdout).toContain(`${recurring[0]!.count}×  ${recurring[0]!.text}`)
  })
})
