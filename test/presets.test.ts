import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {fixtures, messageLines, processString, testConfig, useProjects} from './helpers.js'
import type {UserConfig} from '../src/config/types.js'
import {presetNames} from '../src/config/presets.js'
import {entryTemplate} from '../src/scaffold/new-entry.js'

const project = useProjects()

interface SiteData {
  entries: {slug: string; url: string; title: string; date: string; tags: string[]; summary: string}[]
  lessons: {occurrences: {text: string; entry: string}[]}[]
  actions: {entry: string; text: string; done: boolean; due: string | null; owner: string | null; status: string | null}[]
}

/** A project of one fixture folder's entries under `content/`, with `config`; built, with its data. */
async function buildFixtures(folder: string, config: UserConfig) {
  const files: Record<string, string> = {'bounceback.config.json': JSON.stringify(config)}
  for (const name of await fs.readdir(path.join(fixtures, 'presets', folder))) {
    files[`content/${name}`] = await fs.readFile(path.join(fixtures, 'presets', folder, name), 'utf8')
  }
  const root = await project(files)
  const result = await build({root, cache: false})
  const data = result.written ? (JSON.parse(await fs.readFile(path.join(root, 'dist', 'data.json'), 'utf8')) as SiteData) : undefined
  const page = async (url: string) => fs.readFile(path.join(root, 'dist', url, 'index.html'), 'utf8')
  return {root, result, data: data!, page}
}

const lessonTexts = (data: SiteData) => data.lessons.flatMap((t) => t.occurrences.map((l) => l.text)).sort()

describe('presets', () => {
  it("sre-book: ### sections under a ## are found, the Action Items table gives commitments, and only Lessons Learned's own list counts", async () => {
    const {result, data, page} = await buildFixtures('sre-book', {preset: 'sre-book'})
    expect(messageLines(result.messages.filter((m) => m.severity === 'error'))).toEqual([])
    expect(result.written).toBe(true)
    const outage = data.entries.find((e) => e.date === '2025-02-11')!
    expect(outage.title).toBe('Search results empty for 40 minutes')
    expect(outage.summary).toBe('A reindex job pointed at the wrong alias and served an empty index for 40 minutes.')
    expect(lessonTexts(data)).toEqual([
      'A default that looks safe can be the riskiest value in a script',
      'A reminder tied to one person is not a process',
      'Alerts on what users see catch what checks on jobs miss'
    ])
    const actions = data.actions.filter((a) => a.entry === outage.slug)
    expect(actions).toEqual(
      [
        {entry: outage.slug, text: 'Alert when the live index has fewer than 1,000 documents', done: true, due: '2025-02-20', owner: 'Ana', status: 'done'},
        {
          entry: outage.slug,
          text: 'Make the reindex script refuse to run without an explicit alias',
          done: false,
          due: '2025-03-01',
          owner: 'Tomás',
          status: 'open'
        },
        {entry: outage.slug, text: 'Add the runner move to the change checklist', done: false, due: null, owner: 'Lee', status: 'in progress'}
      ].map((a) => expect.objectContaining(a))
    )
    // The template's `# Title` repeats the title: the page has one <h1>, and what went well is shown.
    const html = await page(outage.url)
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html).toContain('Rolling the alias back took two minutes once we knew.')
    const cert = data.actions.filter((a) => a.entry !== outage.slug)
    expect(cert.map((a) => [a.text, a.done, a.owner])).toEqual([
      ['Renew certificates automatically', true, 'Kim'],
      ['Alert 30 days before any certificate expires', false, 'Kim']
    ])
  })

  it('pagerduty: Overview gives the summary, the Action Items table with a Due column gives commitments', async () => {
    const {result, data} = await buildFixtures('pagerduty', {preset: 'pagerduty'})
    expect(messageLines(result.messages)).toEqual([])
    const [entry] = data.entries
    expect(entry).toMatchObject({title: 'Notification queue backlog', date: '2025-04-09'})
    expect(entry!.summary).toMatch(/^A slow consumer let the notification queue grow/)
    expect(lessonTexts(data)).toEqual(['A load test is only as good as its data', 'Defaults change between versions: pin what you rely on'])
    expect(data.actions.map((a) => [a.text, a.owner, a.due, a.done])).toEqual([
      ['Load-test with production-sized batches', 'Jonas', '2025-05-01', false],
      ['Update the queue runbook', 'Priya', '2025-04-20', false]
    ])
  })

  it('atlassian: sections at ## with task-list corrective actions and a numbered list of lessons', async () => {
    const {result, data} = await buildFixtures('atlassian', {preset: 'atlassian'})
    expect(messageLines(result.messages)).toEqual([])
    expect(data.entries[0]).toMatchObject({title: 'Login loop after the session change', date: '2025-06-21'})
    expect(data.entries[0]!.summary).toMatch(/^Between 10:00 and 11:30, users who signed in were sent back/)
    expect(lessonTexts(data)).toEqual(['Roll back first, debug second', 'Settings that differ by environment must live with the environment'])
    expect(data.actions.map((a) => [a.text, a.done, a.due])).toEqual([
      ['Split settings per environment', true, '2025-07-01'],
      ['Add a sign-in smoke test after each release', false, '2025-07-15']
    ])
  })

  it("`bounceback new` writes each preset's headings at depths the preset finds them at", async () => {
    for (const preset of presetNames) {
      const config = testConfig({preset})
      const text = entryTemplate(config, {title: 'A new one', date: '2025-01-01'})
      const result = await processString(text, 'a.md', config)
      // Every section is there and only waits for an answer: none is missing or at the wrong depth.
      const rules = new Set(result.messages.map((m) => m.ruleId))
      expect(rules.has('sections/empty'), preset).toBe(true)
      expect(
        [...rules].filter((id) => !['sections/empty', 'sections/recommended', 'lessons/none'].includes(id)),
        preset
      ).toEqual([])
      expect(
        result.messages.filter((m) => m.message.startsWith('Missing')),
        preset
      ).toEqual([])
    }
  })

  it('questions stays the default, and an unknown preset is refused with a suggestion', async () => {
    expect(testConfig().preset).toBe('questions')
    expect(testConfig().sections.map((s) => s.id)).toContain('plan-review')
    expect(() => testConfig({preset: 'sre' as never})).toThrow(
      /`preset` must be one of 'questions', 'sre-book', 'pagerduty', 'atlassian', got `sre` \(did you mean 'sre-book'\?\)/
    )
  })
})

describe('field mapping', () => {
  it('builds the collection shape: date from start_time as written, title from company, tags from categories, summary from the frontmatter', async () => {
    const {result, data} = await buildFixtures('collection', {
      fields: {date: ['date', 'start_time'], title: ['title', 'company'], tags: ['tags', 'categories']},
      sections: []
    })
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([])
    expect(result.written).toBe(true)
    expect(data.entries.map((e) => [e.title, e.date, e.tags])).toEqual([
      ['Bravo Cloud', '2019-07-02', ['dns']],
      ['Acme Storage', '2017-02-28', ['config-change', 'cloud']]
    ])
    expect(data.entries[1]!.summary).toMatch(/^A mistyped command removed more servers/)
    // Mapped keys are not unknown; the ones left over are, once each.
    expect(new Set(result.messages.map((m) => m.message.match(/field `(\w+)`/)?.[1]))).toEqual(new Set(['url', 'product', 'keywords']))
  })

  it('reads the first key with a value, names the source key in messages at its line, and never shifts a timestamp by its zone', async () => {
    const config = testConfig({fields: {date: ['start_time', 'date']}})
    const late = await processString('---\ntitle: T\nstart_time: 2020-03-01T23:30:00-08:00\n---\n', 'a.md', config)
    expect(late.entry?.meta.date).toBe('2020-03-01')
    const bad = await processString('---\ntitle: T\nstart_time: 2020-02-30 10:00\n---\n', 'a.md', config)
    expect(messageLines(bad.messages).filter((l) => l.includes('frontmatter/date'))).toEqual([
      '3:13 error Unexpected `start_time` (read as `date`) `2020-02-30 10:00`: February 2020 has 29 days, expected a day from 01 to 29 frontmatter/date'
    ])
    const first = await processString('---\ntitle: T\nstart_time: \ndate: 2021-05-05\n---\n', 'a.md', config)
    expect(first.entry?.meta.date).toBe('2021-05-05')
    const none = await processString('---\ntitle: T\n---\n', 'a.md', config)
    expect(messageLines(none.messages).filter((l) => l.includes('frontmatter/required'))).toEqual([
      '3:1 error Missing required field `date` (or `start_time`, read as it), expected a date as `YYYY-MM-DD` frontmatter/required'
    ])
  })

  it('a summary field wins over the text before <!--more-->, which wins over the summary section', async () => {
    const body = '\nChosen words.\n\n<!--more-->\n\n## What was the goal?\n\nThe goal sentence. More.\n'
    const withField = await processString(`---\ntitle: T\ndate: 2025-01-01\nsummary: From the field.\n---\n${body}`)
    expect(withField.entry?.summary).toBe('From the field.')
    const withExcerpt = await processString(`---\ntitle: T\ndate: 2025-01-01\n---\n${body}`)
    expect(withExcerpt.entry?.summary).toBe('Chosen words.')
    const plain = await processString(`---\ntitle: T\ndate: 2025-01-01\n---\n${body.replace('<!--more-->', '')}`)
    expect(plain.entry?.summary).toBe('The goal sentence.')
  })

  it('refuses a mapping that names no field, reads a key twice, or reads another field', () => {
    expect(() => testConfig({fields: {titel: ['company']} as never})).toThrow(/unknown field `titel`, did you mean `title`\?/)
    expect(() => testConfig({fields: {title: ['company'], tags: ['company']}})).toThrow(/`fields.tags` reads `company`, which `fields.title` reads already/)
    expect(() => testConfig({fields: {title: ['summary']}})).toThrow(/`fields.title` reads `summary`, which is a field of its own/)
    expect(() => testConfig({fields: {date: []}})).toThrow(/`fields.date` must be a key or a list of keys/)
  })
})

describe('headings', () => {
  const body = (lessonsHeading: string, poorly = '## What went really poorly?') =>
    [
      '---\ntitle: Launch\ndate: 2025-01-01\n---\n',
      '## What was the goal?\n\nShip it.\n',
      '## How am I measuring the success/failure of this project?\n\nUsers.\n',
      '## What went really well?\n\nThe demo.\n',
      '## What went as planned?\n\nThe date.\n',
      `${poorly}\n\nThe docs.\n`,
      "## What didn't go as planned?\n\nThe budget.\n",
      '## Did the plan make sense as a strategy for achieving the goal?\n\nYes.\n',
      `${lessonsHeading}\n\n- Start the docs earlier\n`
    ].join('\n')

  it('a misspelled heading gets "did you mean" at its own line and column', async () => {
    const result = await processString(body('## What did I learn?', '## What went realy poorly?'))
    expect(messageLines(result.messages).filter((l) => l.includes('sections/'))).toEqual([
      '4:1 warning Missing recommended section `actions`, expected a `## How will I do better?` heading sections/recommended',
      '4:1 warning Missing recommended section `feedback`, expected a `## Feedback` heading sections/recommended',
      '22:1 error Missing section `went-poorly`: did you mean `## What went really poorly?`? This heading, `## What went realy poorly?`, is spelled ' +
        'differently sections/missing'
    ])
  })

  it('an accepted heading at the wrong depth gets "did you mean" at its line', async () => {
    const result = await processString(body('### What did I learn?'))
    const lines = messageLines(result.messages).filter((l) => l.includes('`lessons`'))
    expect(lines).toEqual([
      '34:1 error Missing section `lessons`: did you mean `## What did I learn?`? This heading, `### What did I learn?`, is at depth 3, ' +
        'expected `##` sections/missing'
    ])
  })

  it('a leading `# Title` serves as the title when the frontmatter has none, and is not rendered twice', async () => {
    const config = testConfig({preset: 'atlassian'})
    const text = '---\ndate: 2025-01-01\n---\n\n# The night the cache went cold\n\n## Incident summary\n\nCold cache.\n'
    const result = await processString(text, 'a.md', config)
    expect(messageLines(result.messages).filter((l) => l.includes('frontmatter/'))).toEqual([])
    expect(result.entry?.meta.title).toBe('The night the cache went cold')
    const html = (result.entry!.body.children[0] as {value: string}).value
    expect(html).not.toContain('The night the cache went cold')
    expect(html).toContain('Cold cache.')
    // A different `#` heading stays.
    const other = await processString('---\ntitle: Other\ndate: 2025-01-01\n---\n\n# Context\n\nText.\n', 'b.md', config)
    expect((other.entry!.body.children[0] as {value: string}).value).toContain('<h1>Context</h1>')
  })

  it('lessons/none: a lessons section holding only what went well and wrong gives no lessons and says so', async () => {
    const text = [
      '---\ntitle: T\ndate: 2025-01-01\n---\n',
      '## Lessons Learned\n',
      '### What went well\n\n- Fast rollback\n',
      '### What went wrong\n\n- No alert\n'
    ].join('\n')
    const result = await processString(text, 'a.md', testConfig({preset: 'sre-book'}))
    expect(result.entry?.lessons).toEqual([])
    expect(messageLines(result.messages).filter((l) => l.includes('lessons/'))).toEqual([
      '6:1 warning Unexpected “Lessons Learned” with no lesson of its own, expected a list of what you learned right under it: the sections below it are ' +
        'shown, not counted as lessons lessons/none'
    ])
  })
})
