import fs from 'node:fs/promises'
import path from 'node:path'
import {select, selectAll} from 'hast-util-select'
import {toString as hastToString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {parseHtml, useProjects, validEntry} from './helpers.js'

const project = useProjects()
const text = (node: Parameters<typeof hastToString>[0]) => hastToString(node).replace(/\s+/g, ' ').trim()

/** Two entries that learned the same lesson, a year apart; the later one due for a second look. */
async function site() {
  const entry = (title: string, date: string, extra = '') =>
    validEntry({frontmatter: `title: ${title}\ndate: ${date}\ntags: [writing]\noutcome: mixed${extra}`})
  const root = await project({
    'content/2024-03-14-first.md': entry('First launch', '2024-03-14'),
    'content/2025-03-14-second.md': entry('Second launch', '2025-03-14', '\nrevisit: 2025-06-01')
  })
  const result = await build({root, today: '2026-01-01', cache: false})
  expect(result.written).toBe(true)
  return async (url: string) => parseHtml(await fs.readFile(path.join(root, 'dist', url.slice(1), 'index.html'), 'utf8'))
}

describe('lists a reader scans', () => {
  it('say only what there is: a tag on lessons alone counts lessons, and no empty "learned once" section', async () => {
    const page = await site()
    const tags = await page('/tags/')
    expect(selectAll('.tag-index li', tags).map(text)).toEqual(['writing · 2 entries', 'marketing · 1 lesson'])
    const lessons = await page('/lessons/')
    expect(select('#recurring-heading', lessons)).toBeDefined()
    expect(select('#once-heading', lessons)).toBeUndefined()
    expect(text(select('main', lessons)!)).not.toContain('None.')
  })

  it('show the entries of a tag by year, newest first, each with its outcome', async () => {
    const tag = await (await site())('/tags/writing/')
    expect(selectAll('.year-group', tag).map((group) => [text(select('h3', group)!), selectAll('li', group).map(text)])).toEqual([
      ['2025', ['Second launch March 14, 2025 mixed']],
      ['2024', ['First launch March 14, 2024 mixed']]
    ])
    expect(selectAll('.year-group .outcome-mixed', tag)).toHaveLength(2)
  })

  it('on the home page: no link to the page itself, and a second look "planned for" its date', async () => {
    const home = await (await site())('/')
    expect(selectAll('main a', home).filter((a) => a.properties.href === '/')).toEqual([])
    expect(text(select('.summary-figures li', home)!)).toBe('2 post-mortems')
    expect(selectAll('.revisit li', home).map(text)).toEqual(['Second launch planned for June 1, 2025'])
  })
})
