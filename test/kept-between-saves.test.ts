import {describe, expect, it} from 'vitest'
import {buildLexicon, defaultSynonyms} from '../src/pipeline/aggregate/lexicon.js'
import {aggregate, type Site} from '../src/pipeline/aggregate/site.js'
import {SiteMemo} from '../src/pipeline/aggregate/site-memo.js'
import {siteData, type DataRecords} from '../src/pipeline/render/data-json.js'
import {sitePages} from '../src/pipeline/render/pages.js'
import {PlanMemo} from '../src/pipeline/render/plan-memo.js'
import type {Page} from '../src/pipeline/render/pages.js'
import {swappedEntries, swappedPages} from '../src/pipeline/render/swapped-pages.js'
import type {Entry, EntryResult} from '../src/types.js'
import {entryResult, testConfig} from './helpers.js'

// What watch keeps between saves: the last site aggregated and the pages planned from it.
// Whatever is kept, the site and pages after a save must be those a fresh run makes.

const info = testConfig().site
const today = '2025-06-15'

/** Six entries: two pairs share a theme, one pair a tag, and the rest stand alone. */
const sample = (): EntryResult[] => [
  entryResult({slug: 'kiln', date: '2025-05-01', tags: ['craft'], lessons: ['Fire the test tile first.'], actions: [['Buy cones', false, '2025-06-01']]}),
  entryResult({slug: 'garden', date: '2025-03-10', tags: ['home'], lessons: [['Water before the heat.', ['water']]]}),
  entryResult({slug: 'marathon', date: '2024-11-02', tags: ['run'], lessons: [['Taper for two weeks.', ['taper']]], actions: [['Log runs', true]]}),
  entryResult({slug: 'pond', date: '2024-07-20', tags: ['home'], lessons: [['Water early in the day.', ['water']]]}),
  entryResult({slug: 'relay', date: '2024-04-05', tags: ['team'], lessons: [['Taper before race day.', ['taper']]]}),
  entryResult({slug: 'choir', date: '2023-12-01', tags: ['music'], lessons: ['Breathe at the commas.'], revisit: '2025-01-01'})
]

/** The entry of `result` read again after a save: a new object with a new key, changed as `change` says. */
function saved(result: EntryResult, change: (entry: Entry) => Partial<Entry>): EntryResult {
  const entry = result.entry!
  return {...result, entry: {...entry, key: `${entry.key}+`, ...change(entry)}}
}

const withSaved = (results: EntryResult[], slug: string, change: (entry: Entry) => Partial<Entry>) =>
  results.map((r) => (r.entry!.slug === slug ? saved(r, change) : r))

const plain = (site: Site) => JSON.stringify({...site, related: [...site.related]})
const fresh = (results: EntryResult[], on = today) => aggregate(results, {info, today: on}).site

/** A save that changes the prose (the summary cards show) and moves the lessons down the file. */
const proseOnly = (entry: Entry): Partial<Entry> => ({
  summary: `${entry.summary} Said again.`,
  lessons: entry.lessons.map((lesson) => ({...lesson, line: lesson.line + 4}))
})

/** Saves that change what the site is made from across entries. */
const changes: [string, (entry: Entry) => Partial<Entry>][] = [
  ['a lesson', (e) => ({lessons: [{...e.lessons[0]!, text: 'Fire two test tiles.'}]})],
  ['a hashtag', (e) => ({lessons: [{...e.lessons[0]!, hashtags: ['water']}]})],
  ['a tag', (e) => ({meta: {...e.meta, tags: ['home']}})],
  ['the date', (e) => ({meta: {...e.meta, date: '2023-01-01'}})],
  ['the title', (e) => ({meta: {...e.meta, title: 'Glaze'}})],
  ['a draft', (e) => ({meta: {...e.meta, draft: true}})],
  ['a commitment kept', (e) => ({actions: [{...e.actions[0]!, done: true}]})],
  ['a date to look again', (e) => ({meta: {...e.meta, revisit: '2025-02-01'}})]
]

describe('the site kept between saves', () => {
  it('after a save that changes only prose, is the last site with the new entry in place, its themes and figures the same objects', () => {
    const memo = new SiteMemo()
    const before = sample()
    const first = aggregate(before, {info, today, memo}).site
    const after = withSaved(before, 'pond', proseOnly)
    const second = aggregate(after, {info, today, memo}).site
    expect(plain(second)).toBe(plain(fresh(after)))
    expect(second.all).toContain(after[3]!.entry)
    expect(second.all).not.toContain(before[3]!.entry)
    expect(second.revisitDue.map((e) => e.slug)).toEqual(['choir'])
    for (const field of ['themes', 'commitments', 'open', 'growth', 'tags', 'related'] as const) expect(second[field]).toBe(first[field])
  })

  it.each(changes)('after a save that changes %s, is made again as a fresh run makes it', (_, change) => {
    const memo = new SiteMemo()
    const before = sample()
    const first = aggregate(before, {info, today, memo}).site
    const after = withSaved(before, 'kiln', change)
    const second = aggregate(after, {info, today, memo}).site
    expect(plain(second)).not.toBe(plain(first))
    expect(plain(second)).toBe(plain(fresh(after)))
  })

  it('keeps the related entries when what changed is neither a tag, a theme nor the order of entries', () => {
    const memo = new SiteMemo()
    // With a lexicon, as the engine groups lessons: themes are then kept while no lesson changed.
    const grouping = {threshold: 0.6, lexicon: buildLexicon(defaultSynonyms)}
    const before = sample()
    const first = aggregate(before, {info, today, grouping, memo}).site
    const after = withSaved(before, 'pond', (e) => ({meta: {...e.meta, outcome: 'failed'}}))
    const second = aggregate(after, {info, today, grouping, memo}).site
    expect(second.growth).not.toBe(first.growth)
    expect(second.related).toBe(first.related)
    expect(plain(second)).toBe(plain(fresh(after)))
  })

  it('keeps the themes not naming a renamed entry, and the related entries; finds related entries again when a theme gains one', () => {
    const memo = new SiteMemo()
    const before = sample()
    const first = aggregate(before, {info, today, memo}).site
    const renamed = withSaved(before, 'relay', (e) => ({meta: {...e.meta, title: 'Relay, renamed'}}))
    const second = aggregate(renamed, {info, today, memo}).site
    // Only the theme that names relay is new; the others are the very objects they were.
    const [named, others] = [
      second.themes.filter((t) => t.occurrences.some((o) => o.entry === 'relay')),
      second.themes.filter((t) => t.occurrences.every((o) => o.entry !== 'relay'))
    ]
    expect(named.map((t) => first.themes.includes(t))).toEqual([false])
    expect(others.length).toBeGreaterThan(2)
    for (const theme of others) expect(first.themes).toContain(theme)
    expect(second.related).toBe(first.related)
    expect(plain(second)).toBe(plain(fresh(renamed)))
    // relay's lesson joins the water theme: pond and garden now share a theme with it.
    const moved = withSaved(renamed, 'relay', (e) => ({lessons: [{...e.lessons[0]!, text: 'Water before race day.', hashtags: ['water']}]}))
    const third = aggregate(moved, {info, today, memo}).site
    expect(third.related).not.toBe(second.related)
    expect(plain(third)).toBe(plain(fresh(moved)))
    expect(third.related.get('relay')).toEqual(expect.arrayContaining(['pond']))
  })

  it('gives the suggestions of lessons/similar at the lines the lessons stand on after a save', () => {
    const memo = new SiteMemo()
    const grouping = {threshold: 0.6, lexicon: buildLexicon(defaultSynonyms)}
    const options = {info, today, grouping, suggest: 'warning' as const}
    const before = [
      entryResult({slug: 'first', date: '2024-01-01', lessons: [['Pad every estimate by a fifth', ['estimation']]]}),
      entryResult({slug: 'second', date: '2024-06-01', lessons: [['Deadlines slip unless the plan keeps spare days', ['estimation']]]}),
      entryResult({slug: 'third', date: '2025-01-01', lessons: ['Call the venue before paying', 'Quote every estimate with spare days']})
    ]
    const first = aggregate(before, {...options, memo}).messages
    expect(first.map((m) => [m.file, m.line, m.ruleId])).toEqual([['content/2025-01-01-third.md', 2, 'lessons/similar']])
    const after = withSaved(before, 'third', proseOnly)
    const second = aggregate(after, {...options, memo}).messages
    expect(second.map((m) => m.line)).toEqual([6])
    expect(second).toEqual(aggregate(after, options).messages)
  })

  it('is made again for another date, and when an entry comes or goes', () => {
    const memo = new SiteMemo()
    const before = sample()
    aggregate(before, {info, today, memo})
    expect(plain(aggregate(before, {info, today: '2026-01-01', memo}).site)).toBe(plain(fresh(before, '2026-01-01')))
    const fewer = before.slice(1)
    expect(plain(aggregate(fewer, {info, today, memo}).site)).toBe(plain(fresh(fewer)))
    expect(plain(aggregate(before, {info, today, memo}).site)).toBe(plain(fresh(before)))
  })
})

describe('the pages kept between saves', () => {
  const plan = (results: EntryResult[], siteMemo: SiteMemo, memo: PlanMemo) => sitePages(aggregate(results, {info, today, memo: siteMemo}).site, memo)

  it('keeps the pages made from nothing the save changed, and every page is what a fresh run makes', () => {
    const [siteMemo, memo] = [new SiteMemo(), new PlanMemo()]
    const before = sample()
    const first = plan(before, siteMemo, memo)
    const after = withSaved(before, 'kiln', proseOnly)
    const second = plan(after, siteMemo, memo)
    expect(JSON.stringify(second)).toBe(JSON.stringify(sitePages(fresh(after), new PlanMemo())))
    const kept = second.filter((page) => first.includes(page)).map((page) => page.url)
    // The saved entry's card is on its own page, its neighbour's, and the lists that hold it;
    // its themes, tags and commitments are the same objects.
    expect(kept).toEqual(
      expect.arrayContaining(['/2024/marathon/', '/2024/pond/', '/2024/relay/', '/2023/choir/', '/lessons/water/', '/2024/', '/tags/home/', '/actions/'])
    )
    for (const showsKiln of ['/', '/2025/', '/tags/craft/', '/2025/kiln/', '/2025/garden/']) expect(kept).not.toContain(showsKiln)
    const kiln = second.find((page) => page.url === '/2025/kiln/')!
    expect(JSON.stringify(kiln.data)).toContain('Said again.')
  })

  it('after saves of prose, one after another, takes the last pages with the new entry in place, and every page is what a fresh run makes', () => {
    const [siteMemo, memo] = [new SiteMemo(), new PlanMemo()]
    let results = sample()
    let pages = plan(results, siteMemo, memo)
    const lesson = (e: Entry): Partial<Entry> => ({lessons: [{...e.lessons[0]!, hashtags: ['race']}]})
    const title = (e: Entry): Partial<Entry> => ({meta: {...e.meta, title: 'Garden, renamed'}})
    const saves: [string, (entry: Entry) => Partial<Entry>][] = [
      // The same entry twice running: its card is a new object each time, on the same pages.
      ['kiln', () => ({summary: 'First rewrite.'})],
      ['kiln', () => ({summary: 'Second rewrite.'})],
      // An entry due for a second look (on /revisit/ and the home page), then one named by lessons.
      ['choir', () => ({summary: 'Sung again.'})],
      ['marathon', proseOnly],
      // A lesson: the pages are listed again from new themes; then prose again, from those.
      ['relay', lesson],
      ['kiln', () => ({summary: 'Third rewrite.'})],
      // A title: the themes that name the entry are new, the others kept, and so are their pages.
      ['garden', title],
      ['pond', proseOnly],
      ['relay', proseOnly]
    ]
    for (const [slug, change] of saves) {
      const before = pages
      results = withSaved(results, slug, change)
      pages = plan(results, siteMemo, memo)
      const want = sitePages(fresh(results), new PlanMemo())
      const differ = want.filter((page, i) => JSON.stringify(page) !== JSON.stringify(pages[i])).map((page) => page.url)
      expect({slug, differ}).toEqual({slug, differ: []})
      expect(JSON.stringify(pages)).toBe(JSON.stringify(want))
      // A page that names nothing of the saved entry is the very page planned before.
      if (change === lesson || change === title) continue
      const madeAgain = pages.filter((page, i) => page !== before[i] && !JSON.stringify(page.data).includes(`"${slug}"`))
      expect({slug, madeAgain: madeAgain.map((page) => page.url)}).toEqual({slug, madeAgain: []})
    }
    // The last save changed only prose: the pages were taken from the last ones, found by what each holds.
    expect(memo.lastPlan?.walked?.holders).toBeInstanceOf(Map)
  })

  it('lists the pages again when a page holds data of a shape it does not look through', () => {
    const memo = new PlanMemo()
    const before = sample()
    const site = fresh(before)
    const pages = sitePages(site, memo)
    const home = pages.find((page): page is Page<'home'> => page.kind === 'home')!
    const odd = {...home, data: {...home.data, byCard: new Map(home.data.entries.map((card) => [card, 1]))}} as unknown as Page
    const last = {site, sharding: undefined, pages: pages.map((page) => (page === home ? odd : page))}
    const after = {...site, entries: site.entries.map((entry) => (entry.slug === 'kiln' ? {...entry, summary: 'New.'} : entry))}
    const swap = swappedEntries(site, after)
    expect([...(swap?.keys() ?? [])].map((entry) => entry.slug)).toEqual(['kiln'])
    expect(swappedPages(last, after, swap!, memo)).toBeUndefined()
    expect(memo.unwalkable).toBe(true)
    expect(swappedPages({site, sharding: undefined, pages}, after, swap!, memo)?.pages).toHaveLength(pages.length)
  })

  it('makes an entry page again when an entry it names in its lessons changed', () => {
    const [siteMemo, memo] = [new SiteMemo(), new PlanMemo()]
    const before = sample()
    // `relay` shares a theme with `marathon`: its page names marathon's card under that lesson.
    // Related entries left out, so that only the lesson names it.
    const unrelated = (results: EntryResult[], siteMemo?: SiteMemo) => ({
      ...aggregate(results, {info, today, ...(siteMemo ? {memo: siteMemo} : {})}).site,
      related: new Map<string, string[]>()
    })
    const first = sitePages(unrelated(before, siteMemo), memo)
    const after = withSaved(before, 'marathon', proseOnly)
    const second = sitePages(unrelated(after, siteMemo), memo)
    const relay = second.find((page) => page.url === '/2024/relay/')!
    expect(first).not.toContain(relay)
    expect(JSON.stringify(relay.data)).toContain('Said again.')
    expect(JSON.stringify(second)).toBe(JSON.stringify(sitePages(unrelated(after), new PlanMemo())))
  })

  it('makes an entry page again when its theme changed with the same entries in it, though the page names no entry that changed', () => {
    const [siteMemo, memo] = [new SiteMemo(), new PlanMemo()]
    // Eight entries in one theme: the newest names the five nearest in time, not the oldest,
    // whose wording is the theme's own (the earliest).
    const before = Array.from({length: 8}, (_, i) =>
      entryResult({slug: `w${i}`, date: `2024-0${i + 1}-10`, tags: [`t${i}`], lessons: [[i === 0 ? 'Water at dawn.' : `Water, take ${i}.`, ['water']]]})
    )
    plan(before, siteMemo, memo)
    const after = withSaved(before, 'w0', (e) => ({lessons: [{...e.lessons[0]!, text: 'Water before the sun is up.'}]}))
    const second = plan(after, siteMemo, memo)
    const newest = second.find((page): page is Page<'entry'> => page.url === '/2024/w7/')!
    expect(newest.data.lessons[0]!.alsoIn.map((card) => card.slug)).not.toContain('w0')
    expect(newest.data.lessons[0]!.theme.text).toBe('Water before the sun is up.')
    expect(JSON.stringify(second)).toBe(JSON.stringify(sitePages(fresh(after), new PlanMemo())))
  })

  it('plans every page again from new themes when a lesson changes', () => {
    const [siteMemo, memo] = [new SiteMemo(), new PlanMemo()]
    const before = sample()
    plan(before, siteMemo, memo)
    const after = withSaved(before, 'relay', (e) => ({lessons: [{...e.lessons[0]!, hashtags: ['race']}]}))
    const second = plan(after, siteMemo, memo)
    expect(JSON.stringify(second)).toBe(JSON.stringify(sitePages(fresh(after), new PlanMemo())))
    expect(JSON.stringify(second.find((page) => page.url === '/2024/marathon/')!.data)).not.toContain('relay')
  })
})

describe('data.json after a save', () => {
  /** What data.json holds, written out afresh: two spaces a level, as JSON.stringify writes it. */
  const plainly = (text: string) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`
  /** data.json's text, with the records an engine that runs again keeps (or none: a build that runs once). */
  const data = (site: Site, records?: DataRecords) => siteData(site, records).toString()

  it('is the whole site written out as JSON.stringify writes it, empty lists too', () => {
    const site = fresh(sample())
    const text = data(site)
    expect(text).toBe(plainly(text))
    expect(JSON.parse(text).entries).toHaveLength(6)
    const empty = data(fresh([]))
    expect(empty).toBe(plainly(empty))
    expect(JSON.parse(empty)).toMatchObject({entries: [], lessons: [], actions: []})
  })

  it.each(changes)('after a save that changes %s, says what a fresh run says', (_, change) => {
    const memo = new SiteMemo()
    const before = sample()
    const records: DataRecords = new Map()
    data(aggregate(before, {info, today, memo}).site, records)
    const after = withSaved(before, 'kiln', change)
    const second = data(aggregate(after, {info, today, memo}).site, records)
    expect(second).toBe(plainly(data(fresh(structuredClone(after)))))
    expect(second).not.toBe(data(fresh(before)))
  })

  it('after a save of prose, has the new summary; under another base, the URLs follow it', () => {
    const memo = new SiteMemo()
    const before = sample()
    const records: DataRecords = new Map()
    data(aggregate(before, {info, today, memo}).site, records)
    const after = withSaved(before, 'pond', proseOnly)
    const site = aggregate(after, {info, today, memo}).site
    expect(JSON.parse(data(site, records)).entries.find((e: {slug: string}) => e.slug === 'pond').summary).toBe(' Said again.')
    const moved = JSON.parse(data({...site, info: {...site.info, base: '/growth-log/'}}, records))
    expect(moved.entries.map((e: {url: string}) => e.url)).toEqual(site.entries.map((e) => `/growth-log${e.url}`))
    expect(moved.lessons.every((l: {url: string}) => l.url.startsWith('/growth-log/'))).toBe(true)
  })

  it('over many runs of records, after a save in the middle, an entry added and entries taken away, says what a fresh run says', () => {
    const many = Array.from({length: 150}, (_, i) =>
      entryResult({
        slug: `try-${i}`,
        date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        actions: [[`Step ${i}`, i % 3 === 0]]
      })
    )
    const memo = new SiteMemo()
    const records: DataRecords = new Map()
    const run = (results: EntryResult[]) => data(aggregate(results, {info, today, memo}).site, records)
    const before = run(many)
    expect(before).toBe(plainly(data(fresh(many))))
    const saved = withSaved(many, 'try-77', (e) => ({summary: 'Tried again.', meta: {...e.meta, cost: {spent: 40, currency: 'EUR'}}}))
    expect(run(saved)).toBe(plainly(data(fresh(saved))))
    expect(JSON.parse(run(saved)).entries.find((e: {slug: string}) => e.slug === 'try-77')).toMatchObject({
      summary: 'Tried again.',
      cost: {spent: 40, currency: 'EUR'}
    })
    const added = [...saved, entryResult({slug: 'newest', date: '2024-06-30'})]
    expect(run(added)).toBe(plainly(data(fresh(added))))
    const fewer = added.slice(0, 40)
    expect(run(fewer)).toBe(plainly(data(fresh(fewer))))
    expect(records.has('entries:64')).toBe(false)
    expect(run(added)).toBe(plainly(data(fresh(added))))
  })
})
