#!/usr/bin/env node
// Times the whole-site aggregation (themes, commitments, growth, tags, related entries) apart
// from the per-entry stages, on corpora of several sizes, to show how it grows.
//
//   node bench/aggregate.mjs [--sizes 1000,10000]
//
// Uses the compiled lib/ (run `npm run compile` first).
import {performance} from 'node:perf_hooks'
import {aggregate} from '../lib/pipeline/aggregate/site.js'
import {loadConfig} from '../lib/config/load.js'
import {discover} from '../lib/pipeline/discover/discover.js'
import {mapLimit} from '../lib/map-limit.js'
import {readFile} from 'node:fs/promises'
import {processBytes} from '../lib/pipeline/entry.js'
import {corpus} from './corpus.mjs'

const args = Object.fromEntries(process.argv.slice(2).flatMap((w, i, all) => (w.startsWith('--') ? [[w.slice(2), all[i + 1]]] : [])))
const sizes = (args.sizes ?? '1000,10000').split(',').map(Number)
const runs = 5

export const rows = []
for (const size of sizes) {
  const config = await loadConfig({root: corpus(size)})
  const {sources} = await discover(config)
  const started = performance.now()
  const results = await mapLimit(sources, 32, async (source) => processBytes(await readFile(source.path), source, config))
  const perEntry = performance.now() - started
  const times = []
  let site
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    site = aggregate(results, {info: config.site, today: '2026-11-29'}).site
    times.push(performance.now() - t)
  }
  const median = times.sort((a, b) => a - b)[Math.floor(runs / 2)]
  const lessons = site.themes.reduce((n, t) => n + t.count, 0)
  rows.push({size, lessons, median, themes: site.themes.length, perEntry})
  console.log(
    `${size} entries, ${lessons} lessons: aggregate median ${median.toFixed(0)} ms over ${runs} runs ` +
      `(${((median / size) * 1000).toFixed(1)} µs per entry); ${site.themes.length} themes; per-entry stages ${(perEntry / 1000).toFixed(1)} s`
  )
}
