import fs from 'node:fs/promises'
import path from 'node:path'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {check} from '../src/check.js'
import {dateProblem, formatDate} from '../src/schema/date.js'
import {processString, useProjects, validEntry} from './helpers.js'

const project = useProjects()
const withGoal = (goal: string) => validEntry().replace('Reach 100 subscribers by June. Then keep going.', goal)

describe('summaries', () => {
  it('take the first sentence of the goal, past abbreviations', async () => {
    expect((await processString(withGoal('Dr. Okafor and I wanted a clinic app. It took a year.'))).entry!.summary).toBe(
      'Dr. Okafor and I wanted a clinic app.'
    )
    expect((await processString(withGoal('Ship v2, e.g. the new editor, by May. Then rest.'))).entry!.summary).toBe('Ship v2, e.g. the new editor, by May.')
  })

  it('take the first item when the goal is a list', async () => {
    expect((await processString(withGoal('- Reach 100 readers by June.\n- Keep a weekly cadence.'))).entry!.summary).toBe('Reach 100 readers by June.')
  })
})

describe('dates', () => {
  it('are real calendar dates from 1900 to 2199, shown as written', () => {
    expect(dateProblem('1900-02-29')).toContain('February 1900 has 28 days')
    expect(dateProblem('2000-02-29')).toBeUndefined()
    expect(dateProblem('2199-12-31')).toBeUndefined()
    for (const typo of ['0224-01-05', '1899-12-31', '2200-01-01', '9999-12-31']) expect(dateProblem(typo)).toBe('expected a year from 1900 to 2199')
    expect(formatDate('0099-03-01')).toBe('March 1, 99')
    expect(formatDate('2025-03-14', 'nl')).toBe('14 maart 2025')
  })
})

describe('entry bodies', () => {
  it('keep footnote links pointing at their notes', async () => {
    const {entry} = await processString(withGoal('Reach 100 readers.[^1]\n\n[^1]: Counted on June 30.'))
    const html = toHtml(entry!.body, {allowDangerousHtml: true})
    const href = /href="#([^"]+)"[^>]*data-footnote-ref/.exec(html)?.[1]
    expect(href).toBe('user-content-fn-1')
    expect(html).toContain(`id="${href}"`)
    expect(html).toContain('href="#user-content-fnref-1"')
  })

  it('keep safe raw HTML as GitHub does, and count its text as an answer', async () => {
    const result = await processString(withGoal('<details><summary>Numbers</summary>41 of 100.</details>'))
    expect(result.messages).toEqual([])
    expect(toHtml(result.entry!.body, {allowDangerousHtml: true})).toContain('<details><summary>Numbers</summary>41 of 100.</details>')
  })
})

describe('one bad entry costs one message', () => {
  it('an entry nested thousands deep is reported, and the others are still checked', async () => {
    const root = await project({
      'content/deep.md': validEntry().replace('Writing every week.', `${'>'.repeat(3000)} deep`),
      'content/other.md': validEntry({frontmatter: 'title: Other\ndate: 2025-02-30'})
    })
    const result = await check({root})
    expect(result.messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual(['content/deep.md file/too-deep', 'content/other.md frontmatter/date'])
    expect(result.messages[0]).toMatchObject({line: 18, message: expect.stringContaining('nesting 3000 levels deep, expected at most 100')})
  })

  it('an entry the parser cannot read is one message too (limits raised past what the stack takes)', async () => {
    const root = await project({
      'bounceback.config.json': JSON.stringify({limits: {nesting: 100000, timeBudget: 3000, memory: 128}}),
      'content/deep.md': validEntry().replace('Writing every week.', `${'>'.repeat(20000)} deep`),
      'content/other.md': validEntry({frontmatter: 'title: Other\ndate: 2025-02-30'})
    })
    const result = await check({root})
    // Read in line, it overflows the stack; in a worker (where it goes after a second), it
    // meets the memory ceiling first. Either way: one message, and the other entry is checked.
    expect(result.messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual([
      expect.stringMatching(/^content\/deep\.md file\/(?:unprocessable|memory|timeout)$/),
      'content/other.md frontmatter/date'
    ])
  })
})

describe('content folder links', () => {
  it('read a file reached through two paths once, by its own path', async () => {
    const root = await project({'content/b-real.md': validEntry()})
    await fs.symlink('b-real.md', path.join(root, 'content', 'a-link.md'))
    await fs.symlink('.', path.join(root, 'content', 'self'))
    const result = await check({root})
    // `self` leads back to the content folder itself: not outside it, and not walked twice.
    expect(result.messages.map((m) => `${m.severity} ${m.file} ${m.ruleId}`)).toEqual(['warning content/a-link.md file/duplicate-link'])
    expect(result.files).toEqual(['content/a-link.md', 'content/b-real.md'])
    expect(result.ok).toBe(true)
  })
})

describe('writing the site', () => {
  it('sweeps temporary folders left by a killed build, and only those', async () => {
    const root = await project({'content/a.md': validEntry()})
    const stale = path.join(root, '.bounceback-tmp-dist-999999-0badc0de')
    const other = path.join(root, '.bounceback-tmp-other-999999-0badc0de')
    // Named like ours, but without the marker every build writes first: not ours to remove.
    const unmarked = path.join(root, '.bounceback-old-dist-999999-0ddba11a')
    for (const dir of [stale, other, unmarked]) await fs.mkdir(dir)
    await fs.writeFile(path.join(stale, '.bounceback'), '{"generator":"bounceback"}')
    await fs.writeFile(path.join(other, '.bounceback'), '{"generator":"bounceback"}')
    await fs.writeFile(path.join(unmarked, 'notes.txt'), 'mine')
    await build({root})
    await expect(fs.access(stale)).rejects.toThrow()
    await expect(fs.access(other)).resolves.toBeUndefined()
    await expect(fs.readFile(path.join(unmarked, 'notes.txt'), 'utf8')).resolves.toBe('mine')
  })

  it('refuses an output folder that is the content folder, and deletes nothing', async () => {
    const root = await project({'content/a.md': validEntry(), 'bounceback.config.json': JSON.stringify({output: 'content'})})
    await expect(build({root})).rejects.toMatchObject({code: 'OUTPUT_PROTECTED'})
    await expect(fs.readFile(path.join(root, 'content/a.md'), 'utf8')).resolves.toContain('Newsletter launch')
  })
})
