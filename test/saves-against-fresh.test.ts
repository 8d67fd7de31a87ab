import {describe, expect, it} from 'vitest'
import {aggregate} from '../src/pipeline/aggregate/site.js'
import {SiteMemo} from '../src/pipeline/aggregate/site-memo.js'
import {pageKeys, sharedData} from '../src/pipeline/render/page-keys.js'
import {sitePages} from '../src/pipeline/render/pages.js'
import {PlanMemo} from '../src/pipeline/render/plan-memo.js'
import type {Entry, EntryResult} from '../src/types.js'
import {entryResult, testConfig} from './helpers.js'

// Watch keeps the last site, its themes and pages between saves (see site-memo.ts, plan-memo.ts,
// swapped-pages.ts). Whatever a run of saves does, each plan must give the pages and page keys a
// fresh run over the same entries gives. Random runs from fixed seeds: a failure names its run
// and step, and replays the same.

const info = {...testConfig().site, pageSize: 2}
const lessons: [string, string[]][] = [
  ['Water before the heat.', ['water']],
  ['Water early in the day.', ['water']],
  ['Taper for two weeks.', ['taper']],
  ['Taper before race day.', ['taper']],
  ['Breathe at the commas.', []],
  ['Fire the test tile first.', []],
  ['Sleep early.', ['rest']]
]
const tags = ['home', 'run', 'craft', 'music', 'team']
const dates = ['2023-12-01', '2024-04-05', '2024-07-20', '2024-07-20', '2024-11-02', '2025-03-10', '2025-05-01', '2025-05-01']

/** A small linear congruential generator: the same seed, the same run. */
function random(seed: number) {
  let state = seed
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  return {next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!}
}

describe('a run of saves in watch', () => {
  for (let run = 0; run < 16; run++) {
    it(`gives the pages and keys of a fresh run after every save (run ${run})`, () => {
      const {next, pick} = random(run + 7)
      let saves = 0
      // A save reads the file again: a new entry object, nothing shared with the one before.
      const saved = (r: EntryResult, change: (e: Entry) => Partial<Entry>): EntryResult => {
        const entry = structuredClone(r.entry!)
        return {...r, entry: {...entry, key: `${entry.key}+${++saves}`, ...change(structuredClone(entry))}}
      }
      const changes: ((e: Entry) => Partial<Entry>)[] = [
        // Prose only, the most common save, three times as likely as the rest.
        () => ({summary: `Summary ${saves}.`}),
        () => ({body: {type: 'root', children: [{type: 'text', value: `Body ${saves}.`}]}}),
        (e) => ({summary: `Summary ${saves}.`, lessons: e.lessons.map((l) => ({...l, line: l.line + 1}))}),
        (e) => ({meta: {...e.meta, title: `Title ${saves % 3}`}}),
        () => ({lessons: [{text: pick(lessons)[0], hashtags: pick(lessons)[1], line: 1}]}),
        (e) => ({meta: {...e.meta, tags: [pick(tags)]}}),
        (e) => ({meta: {...e.meta, draft: !e.meta.draft}}),
        (e) => ({meta: {...e.meta, revisit: pick(['2025-01-01', '2025-09-01', '2024-02-02'])}}),
        (e) => ({meta: {...e.meta, outcome: pick(['failed', 'mixed', 'succeeded'] as const)}})
      ]
      let results = Array.from({length: run % 2 ? 9 : 23}, (_, i) =>
        entryResult({
          slug: `e${i}`,
          date: dates[i % dates.length]!,
          tags: [pick(tags)],
          lessons: next() < 0.3 ? [pick(lessons), pick(lessons)] : [pick(lessons)],
          actions: i % 3 === 0 ? [['Do it', false, '2025-06-01']] : [],
          ...(i % 4 === 0 ? {revisit: '2025-01-01'} : {})
        })
      )
      const [siteMemo, memo] = [new SiteMemo(), new PlanMemo()]
      const read: Entry[][] = []
      let today = '2025-06-15'
      for (let step = 0; step < 40; step++) {
        if (step > 0) {
          for (let k = 0; k < (next() < 0.2 ? 2 : 1); k++) {
            const i = Math.floor(next() * results.length)
            const before = (read[i] ??= [results[i]!.entry!])
            // Sometimes a save gives back an entry read before (the cache hands back its object).
            if (next() < 0.2 && before.length > 1) {
              const old = pick(before)
              results = results.map((r, j) => (j === i ? {...r, entry: old} : r))
            } else {
              const change = next() < 0.6 ? changes[Math.floor(next() * 3)]! : pick(changes)
              results = results.map((r, j) => (j === i ? saved(r, change) : r))
              before.push(results[i]!.entry!)
            }
          }
          if (next() < 0.05) today = today === '2025-06-15' ? '2025-06-16' : '2025-06-15'
        }
        const site = aggregate(results, {info, today, memo: siteMemo}).site
        const pages = sitePages(site, memo)
        const keys = pages.map(pageKeys('salt', memo, sharedData(site, pages)))
        memo.sweep(new Set(pages.map((page) => page.path)))
        const freshSite = aggregate(results, {info, today}).site
        const freshMemo = new PlanMemo({lasting: false})
        const fresh = sitePages(freshSite, freshMemo)
        const freshKeys = fresh.map(pageKeys('salt', freshMemo, sharedData(freshSite, fresh)))
        expect(pages.map((page) => page.url)).toEqual(fresh.map((page) => page.url))
        const differ = fresh.filter((page, i) => JSON.stringify(page) !== JSON.stringify(pages[i]) || freshKeys[i] !== keys[i])
        expect({run, step, differ: differ.map((page) => page.url)}).toEqual({run, step, differ: []})
      }
    })
  }
})
