#!/usr/bin/env node
// Times the whole-site aggregation (themes, commitments, growth, tags, related entries) on a
// corpus, apart from the per-entry stages, and checks that it grows near-linearly.
//
//   node bench/aggregate.mjs DIR [DIR…]     each DIR a project folder with content/
//
// Uses the compiled lib/ (run `npm run compile` first).
import {performance} from 'node:perf_hooks'
import {aggregate} from '../lib/aggregate/site.js'
import {loadConfig} from '../lib/config/load.js'
import {discover} from '../lib/discover/discover.js'
import {mapLimit} from '../lib/map-limit.js'
import {processEntry} from '../lib/process-entry.js'

const runs = 5
for (const root of process.argv.slice(2)) {
  const config = await loadConfig({root})
  const {sources} = await discover(config)
  const started = performance.now()
  const results = await mapLimit(sources, 32, (source) => processEntry(source, config))
  const perEntry = performance.now() - started
  const times = []
  let site
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    site = aggregate(results, {info: config.site, today: '2026-11-29'}).site
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(runs / 2)]
  const lessons = site.themes.reduce((n, t) => n + t.count, 0)
  console.log(
    `${sources.length} entries, ${lessons} lessons: aggregate median ${median.toFixed(0)} ms over ${runs} runs ` +
      `(${((median / sources.length) * 1000).toFixed(1)} µs per entry); ${site.themes.length} themes, ` +
      `${site.themes.filter((t) => t.recurring).length} recurring, ${site.open.length} open commitments; ` +
      `per-entry stages took ${(perEntry / 1000).toFixed(1)} s`
  )
}
