import fs from 'node:fs/promises'
import path from 'node:path'
import {select, selectAll} from 'hast-util-select'
import {toString as hastToString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {parseHtml, useProjects, validEntry} from './helpers.js'

const project = useProjects()

/** An entry with its own frontmatter, lessons and commitments; the rest from `validEntry`. */
function entry(frontmatter: string, lessons: string[], actions: string[]): string {
  const text = validEntry({frontmatter})
  return text
    .replace('- Promote before launch, not after. #marketing', lessons.map((l) => `- ${l}`).join('\n'))
    .replace(/- \[ \] Write the promotion plan first \(due 2025-09-01\)\n- \[x\] Ask two friends to share it/, actions.join('\n') || 'None.')
}

/** Two quarters with known answers, and a lesson that came back in 2022 and then stopped. */
const files = {
  'content/2022-02-01-old-1.md': entry('title: Old one\ndate: 2022-02-01\noutcome: succeeded', ['Check the budget weekly. #budget'], []),
  'content/2022-08-01-old-2.md': entry('title: Old two\ndate: 2022-08-01', ['Budget reviews slipped again. #budget'], []),
  'content/2024-01-10-a.md': entry('title: A\ndate: 2024-01-10\noutcome: failed\ncause: information', ['Pad estimates. #estimation'], ['- [x] x', '- [ ] y']),
  'content/2024-02-10-b.md': entry('title: B\ndate: 2024-02-10\noutcome: failed\ncause: application', ['Water the ficus on Mondays.'], ['- [x] z']),
  'content/2024-03-10-f.md': entry('title: F\ndate: 2024-03-10\noutcome: succeeded\ncause: information', ['Carry spare bicycle tubes.'], []),
  'content/2024-04-10-c.md': entry('title: C\ndate: 2024-04-10\noutcome: failed\ncause: circumstances', ['Estimates ran short again. #estimation'], []),
  'content/2024-05-10-d.md': entry('title: D\ndate: 2024-05-10\noutcome: mixed', ['Label the freezer boxes.'], ['- [ ] p', '- [ ] q']),
  'content/2024-06-10-e.md': entry('title: E\ndate: 2024-06-10\ncause: application', ['Book trains a month ahead.'], [])
}

describe('the growth page', () => {
  it('answers in words for the latest quarter against the one before, each figure linking to the entries behind it', async () => {
    const root = await project(files)
    const result = await build({root, cache: false, today: '2024-07-01'})
    expect(result.written).toBe(true)
    const page = parseHtml(await fs.readFile(path.join(root, 'dist', 'growth', 'index.html'), 'utf8'))
    const words = (selector: string) => selectAll(selector, page).map((node) => hastToString(node).replace(/\s+/g, ' ').trim())
    expect(words('main > section:first-of-type h2')).toEqual(['Q2 2024 against Q1 2024'])
    expect(words('.growth-answer > li')).toEqual([
      'Failures: 1 of 2 (50%) failed, down from 2 of 3 (67%) in Q1 2024.',
      'Causes: misused information 1 of 2 (50%), circumstances 1 of 2 (50%); missing information 2 of 3 (67%), misused information 1 of 3 (33%) in Q1 2024.',
      'Commitments kept: 0 of 2 (0%), down from 2 of 3 (67%) in Q1 2024.',
      'Lessons learned again: 1 lesson written down before, against 0 in Q1 2024.',
      'Recurring lessons: 1 still comes back (written down again in the year up to June 10, 2024):Pad estimates.' +
        '1 has not come back for a year:Check the budget weekly. (last written down August 1, 2022)'
    ])
    const hrefs = (selector: string) => selectAll(selector, page).map((a) => String(a.properties.href))
    expect(hrefs('.growth-answer > li:first-child a')).toEqual(['#period-2024-Q2', '#period-2024-Q1'])
    expect(hrefs('section#period-2024-Q2 li > a')).toEqual(['/2024/c/', '/2024/d/', '/2024/e/'])
    expect(hrefs('section#period-2024-Q1 li > a')).toEqual(['/2024/a/', '/2024/b/', '/2024/f/'])
    expect(words('section#period-2024-Q1 li')).toEqual([
      'A January 10, 2024 failed cause: missing information 1 of 2 commitments kept',
      'B February 10, 2024 failed cause: misused information 1 of 1 commitments kept',
      'F March 10, 2024 succeeded cause: missing information'
    ])
    expect(hrefs('.growth-answer > li:last-child a')).toEqual(['/lessons/estimation/', '/lessons/budget/'])
    expect(select('#chart-recurring-title', page)).toBeDefined()
    expect(words('figure:has(#chart-recurring-title) tbody tr')).toEqual([
      'Pad estimates.2January 10, 2024April 10, 2024Still',
      'Check the budget weekly.2February 1, 2022August 1, 2022Not for a year'
    ])
    expect(selectAll('#chart-recurring-title ~ .marks .timeline-row.is-quiet', page)).toHaveLength(1)

    const data = JSON.parse(await fs.readFile(path.join(root, 'dist', 'data.json'), 'utf8'))
    expect(data.growth.summary.latest).toMatchObject({period: '2024-Q2', entries: ['c', 'd', 'e'], failedShare: 0.5, commitments: {made: 2, kept: 0, share: 0}})
    expect(data.growth.summary.recurring).toEqual({asOf: '2024-06-10', still: ['estimation'], quiet: ['budget']})
    expect(data.growth.shares.kept.at(-1)).toBe(0)
  })

  it('says when a period has nothing to compare, rather than a share of nothing', async () => {
    const root = await project({
      'content/2024-02-01-quiet.md': entry('title: Quiet\ndate: 2024-02-01', ['Water the ficus on Mondays.'], []),
      'content/2024-05-01-loud.md': entry('title: Loud\ndate: 2024-05-01\noutcome: failed', ['Carry spare bicycle tubes.'], ['- [x] z'])
    })
    expect((await build({root, cache: false, today: '2024-07-01'})).written).toBe(true)
    const page = parseHtml(await fs.readFile(path.join(root, 'dist', 'growth', 'index.html'), 'utf8'))
    expect(selectAll('.growth-answer > li', page).map((li) => hastToString(li).replace(/\s+/g, ' ').trim())).toEqual([
      'Failures: 1 of 1 (100%) failed, against no outcome given in Q1 2024.',
      'Causes: no cause given; no cause given in Q1 2024.',
      'Commitments kept: 1 of 1 (100%), against no commitment made in Q1 2024.',
      'Lessons learned again: 0 lessons written down before, against 0 in Q1 2024.',
      'Recurring lessons: none yet: no lesson has been written down in two entries.'
    ])
  })
})
