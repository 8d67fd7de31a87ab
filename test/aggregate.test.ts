import {describe, expect, it} from 'vitest'
import {aggregate} from '../src/pipeline/aggregate/site.js'
import {quarterOf} from '../src/pipeline/aggregate/growth.js'
import {choosePeriod, maxColumns, periodRange} from '../src/pipeline/aggregate/periods.js'
import type {EntryResult} from '../src/types.js'
import {entryResult as entry, testConfig} from './helpers.js'

const info = testConfig().site
const run = (entries: EntryResult[], today = '2025-06-15') => aggregate(entries, {info, today}).site

const sample = [
  entry({
    slug: 'launch',
    date: '2024-02-10',
    outcome: 'failed',
    cause: 'information',
    tags: ['work'],
    cost: {spent: 100, earned: 20, currency: 'EUR'},
    lessons: [['Pad every estimate by a fifth.', ['estimation']], 'Check the budget every week.'],
    actions: [
      ['Write a plan', true],
      ['Ask for help', false, '2024-05-01']
    ]
  }),
  entry({
    slug: 'talk',
    date: '2024-08-20',
    outcome: 'mixed',
    cause: 'application',
    tags: ['speaking', 'work'],
    cost: {spent: 50, earned: 0, currency: 'EUR'},
    revisit: '2025-01-01',
    lessons: [['Estimates run short; add a buffer.', ['estimation']], 'Rehearse the talk out loud three times.'],
    actions: [
      ['Rehearse earlier', false, '2026-01-01'],
      ['Book the room', true]
    ]
  }),
  entry({
    slug: 'move',
    date: '2025-03-05',
    outcome: 'succeeded',
    cause: 'circumstances',
    tags: ['home'],
    cost: {spent: 900, earned: 0, currency: 'USD'},
    revisit: '2026-01-01',
    lessons: ['Check the budget every week.'],
    actions: [['Label the boxes', false]]
  }),
  entry({slug: 'draft', date: '2025-04-01', draft: true, lessons: [['Secret lesson', ['estimation']]], actions: [['Secret action', false]]})
]

describe('lesson themes', () => {
  const site = run(sample)

  it('groups by hashtag and by wording, keeps the earliest wording, marks themes seen in two entries as recurring, most recent first', () => {
    expect(site.themes.map((t) => [t.id, t.text, t.recurring, t.count, t.first, t.last])).toEqual([
      ['check-the-budget-every-week', 'Check the budget every week.', true, 2, '2024-02-10', '2025-03-05'],
      ['estimation', 'Pad every estimate by a fifth.', true, 2, '2024-02-10', '2024-08-20'],
      ['rehearse-the-talk-out-loud-three', 'Rehearse the talk out loud three times.', false, 1, '2024-08-20', '2024-08-20']
    ])
    expect(site.themes[1]!.occurrences).toEqual([
      {entry: 'launch', entryTitle: 'launch', entryUrl: '/2024/launch/', date: '2024-02-10', text: 'Pad every estimate by a fifth.'},
      {entry: 'talk', entryTitle: 'talk', entryUrl: '/2024/talk/', date: '2024-08-20', text: 'Estimates run short; add a buffer.'}
    ])
  })

  it('leaves drafts out of everything aggregated', () => {
    expect(JSON.stringify(site.themes)).not.toContain('Secret')
    expect(site.commitments.map((c) => c.text)).not.toContain('Secret action')
    expect(site.entries.map((e) => e.slug)).toEqual(['move', 'talk', 'launch'])
  })

  it('is the same whatever order the entries come in', () => {
    const reversed = run([...sample].reverse())
    expect(JSON.stringify({...reversed, related: [...reversed.related]})).toBe(JSON.stringify({...site, related: [...site.related]}))
  })
})

describe('commitments', () => {
  it('lists open ones oldest first and marks the overdue ones against the build date', () => {
    const site = run(sample, '2025-06-15')
    expect(site.open.map((c) => [c.entry, c.text, c.overdue])).toEqual([
      ['launch', 'Ask for help', true],
      ['talk', 'Rehearse earlier', false],
      ['move', 'Label the boxes', false]
    ])
    expect(
      run(sample, '2026-02-01')
        .open.filter((c) => c.overdue)
        .map((c) => c.text)
    ).toEqual(['Ask for help', 'Rehearse earlier'])
  })

  it('lists entries due for a second look', () => {
    expect(run(sample, '2025-06-15').revisitDue.map((e) => e.slug)).toEqual(['talk'])
    expect(run(sample, '2026-01-01').revisitDue.map((e) => e.slug)).toEqual(['talk', 'move'])
  })
})

describe('growth per quarter', () => {
  const growth = run(sample).growth

  it('covers every quarter from the first entry to the last, empty ones included', () => {
    expect(quarterOf('2024-03-31')).toBe('2024-Q1')
    expect(quarterOf('2024-10-01')).toBe('2024-Q4')
    expect(growth.periods).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1'])
    expect(growth.entries).toEqual([1, 0, 1, 0, 1])
  })

  it('counts outcomes and causes per quarter', () => {
    expect(growth.outcomes).toEqual({failed: [1, 0, 0, 0, 0], mixed: [0, 0, 1, 0, 0], succeeded: [0, 0, 0, 0, 1]})
    expect(growth.causes).toEqual({information: [1, 0, 0, 0, 0], application: [0, 0, 1, 0, 0], circumstances: [0, 0, 0, 0, 1]})
  })

  it('counts lessons cumulatively, new against recurring', () => {
    expect(growth.lessons).toEqual({new: [2, 2, 3, 3, 3], recurring: [0, 0, 1, 1, 2]})
  })

  it('counts commitments made and kept by the quarter that made them', () => {
    expect(growth.commitments).toEqual({made: [2, 0, 2, 0, 1], kept: [1, 0, 1, 0, 0]})
  })

  it('sums money cumulatively in the most used currency and counts the rest apart', () => {
    expect(growth.money).toEqual({currency: 'EUR', spent: [100, 100, 150, 150, 150], earned: [20, 20, 20, 20, 20], otherCurrencyEntries: 1})
  })
})

/** Two quarters with known answers, and a lesson that came back in 2022 and then stopped. */
const twoQuarters = [
  entry({slug: 'old-1', date: '2022-02-01', outcome: 'succeeded', lessons: [['Check the budget weekly.', ['budget']]]}),
  entry({slug: 'old-2', date: '2022-08-01', lessons: [['Budget reviews slipped again.', ['budget']]]}),
  entry({
    slug: 'a',
    date: '2024-01-10',
    outcome: 'failed',
    cause: 'information',
    lessons: [['Pad estimates.', ['estimation']]],
    actions: [
      ['x', true],
      ['y', false]
    ]
  }),
  entry({slug: 'b', date: '2024-02-10', outcome: 'failed', cause: 'application', actions: [['z', true]]}),
  entry({slug: 'f', date: '2024-03-10', outcome: 'succeeded', cause: 'information'}),
  entry({slug: 'c', date: '2024-04-10', outcome: 'failed', cause: 'circumstances', lessons: [['Estimates ran short again.', ['estimation']]]}),
  entry({
    slug: 'd',
    date: '2024-05-10',
    outcome: 'mixed',
    actions: [
      ['p', false],
      ['q', false]
    ]
  }),
  entry({slug: 'e', date: '2024-06-10', cause: 'application'})
]

describe('the growth summary', () => {
  const growth = run(twoQuarters, '2024-07-01').growth

  it('compares the latest period with the one before: failed share, causes, commitments kept, lessons learned again', () => {
    expect(growth.period).toBe('quarter')
    expect(growth.summary.latest).toEqual({
      period: '2024-Q2',
      entries: ['c', 'd', 'e'],
      outcomes: {failed: 1, mixed: 1, succeeded: 0},
      withOutcome: 2,
      failedShare: 0.5,
      causes: {information: 0, application: 1, circumstances: 1},
      withCause: 2,
      causeShares: {information: 0, application: 0.5, circumstances: 0.5},
      commitments: {made: 2, kept: 0, share: 0},
      recurringLessons: 1
    })
    expect(growth.summary.previous).toEqual({
      period: '2024-Q1',
      entries: ['a', 'b', 'f'],
      outcomes: {failed: 2, mixed: 0, succeeded: 1},
      withOutcome: 3,
      failedShare: 0.6667,
      causes: {information: 2, application: 1, circumstances: 0},
      withCause: 3,
      causeShares: {information: 0.6667, application: 0.3333, circumstances: 0},
      commitments: {made: 3, kept: 2, share: 0.6667},
      recurringLessons: 0
    })
  })

  it('tells recurring lessons that still come back from those that have not for a year, as of the latest entry', () => {
    expect(growth.summary.recurring).toEqual({asOf: '2024-06-10', still: ['estimation'], quiet: ['budget']})
  })

  it('gives shares per period, null where there is nothing to divide by', () => {
    const last = growth.periods.length - 1
    expect(growth.shares.outcomes.failed[last]).toBe(0.5)
    expect(growth.shares.outcomes.failed[growth.periods.indexOf('2023-Q1')]).toBeNull()
    expect(growth.shares.kept[growth.periods.indexOf('2024-Q1')]).toBe(0.6667)
    expect(growth.shares.kept[growth.periods.indexOf('2022-Q1')]).toBeNull()
  })

  it('has no comparison without entries, and no period before with one period only', () => {
    expect(run([]).growth.summary).toEqual({latest: null, previous: null, recurring: {asOf: null, still: [], quiet: []}})
    const one = run([twoQuarters[2]!]).growth.summary
    expect([one.latest?.period, one.previous]).toEqual(['2024-Q1', null])
  })
})

describe('the period follows the span', () => {
  it('is quarters for a few years, years for longer spans, decades beyond, never over 40 columns', () => {
    expect(choosePeriod('2023-01-05', '2024-12-20')).toBe('quarter')
    expect(periodRange('quarter', '2023-01-05', '2024-12-20')).toHaveLength(8)
    expect(choosePeriod('2021-01-01', '2024-12-31')).toBe('quarter')
    expect(choosePeriod('2021-01-01', '2025-01-01')).toBe('year')
    expect(choosePeriod('2010-03-01', '2024-11-30')).toBe('year')
    expect(periodRange('year', '2010-03-01', '2024-11-30')).toEqual(Array.from({length: 15}, (_, i) => String(2010 + i)))
    expect(choosePeriod('1950-01-01', '1989-12-31')).toBe('year')
    expect(choosePeriod('1950-01-01', '1990-01-01')).toBe('decade')
    expect(periodRange('decade', '1900-01-01', '2199-12-31')).toHaveLength(30)
    for (const [first, last] of [
      ['2024-01-01', '2024-01-01'],
      ['2020-10-01', '2024-09-30'],
      ['1985-06-01', '2024-06-01'],
      ['1900-01-01', '2199-12-31']
    ] as const) {
      expect(periodRange(choosePeriod(first, last), first, last).length, `${first} to ${last}`).toBeLessThanOrEqual(maxColumns)
    }
  })

  it('counts entries of a fifteen-year span per year', () => {
    const growth = run([entry({slug: 'first', date: '2010-03-01', outcome: 'failed'}), entry({slug: 'last', date: '2024-11-30', outcome: 'succeeded'})]).growth
    expect(growth.period).toBe('year')
    expect(growth.periods).toHaveLength(15)
    expect([growth.entries[0], growth.entries[14], growth.entries.reduce((a, b) => a + b)]).toEqual([1, 1, 2])
    expect([growth.summary.latest?.period, growth.summary.previous?.period]).toEqual(['2024', '2023'])
  })
})

describe('tags and related entries', () => {
  const site = run(sample)

  it('index entries by tag and lesson themes by hashtag on one page per tag', () => {
    expect(site.tags.map((t) => [t.slug, t.entries, t.themes])).toEqual([
      ['work', ['talk', 'launch'], []],
      ['estimation', [], ['estimation']],
      ['home', ['move'], []],
      ['speaking', ['talk'], []]
    ])
  })

  it('relate entries that share themes (worth two) or tags (worth one)', () => {
    expect(site.related.get('launch')).toEqual(['talk', 'move'])
    expect(site.related.get('move')).toEqual(['launch'])
  })
})
