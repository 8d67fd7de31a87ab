#!/usr/bin/env node
// `npm run bench`: every benchmark in one run, written to bench/results.md with the machine and
// the date. Timings are never asserted in tests: compare ratios measured in the same run.
// BENCH_SIZES (default 100,1000,5000), BENCH_RUNS (3), BENCH_SAVES (20) and BENCH_LARGE (10000;
// 0 skips the single large build) shorten it.
import {execFileSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {goalTable} from './goals.mjs'
import {defaultJobs} from '../lib/pool/pool.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const started = new Date()
const sizes = process.env.BENCH_SIZES ?? '100,1000,5000'
const setArgs = (...words) => process.argv.splice(2, process.argv.length, ...words)

setArgs('--sizes', sizes, '--runs', process.env.BENCH_RUNS ?? '3')
const compare = await import('./compare.mjs')
setArgs('--sizes', '1000,10000')
const aggregate = await import('./aggregate.mjs')
setArgs('--sizes', '1000,5000', '--saves', process.env.BENCH_SAVES ?? '20')
const watch = await import('./watch-latency.mjs')
setArgs('--size', '100')
const budget = await import('./budget.mjs')
const largeSize = process.env.BENCH_LARGE ?? '10000'
setArgs('--size', largeSize)
const large = largeSize === '0' ? undefined : await import('./large.mjs')

const f = (m) => (m ? `${m.seconds.toFixed(2)} s` : 'n/a')
const mb = (m) => (m ? `${m.mb.toFixed(0)} MB` : 'n/a')
const ratio = (a, b) => (a && b ? (a.seconds / b.seconds).toFixed(2) : 'n/a')
const machine =
  `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ` +
  `${process.version}, ${os.platform()} ${os.release()}`
const readsWith = defaultJobs() > 1 ? `${defaultJobs()} worker threads` : 'in line (fewer than 4 cores)'
const threads = `bounceback reads entries ${readsWith}, the floor in ${compare.jobs} worker threads.`
const lines = [
  '# Benchmark results',
  '',
  `Run on ${started.toISOString().slice(0, 10)} by \`npm run bench\` on: ${machine}.`,
  'Corpora: `bench/make-corpus.mjs` (about 3.7 KB per entry, every field and section). Each build is a separate process',
  `measured by /usr/bin/time; median of ${compare.runs} runs; peak RSS is the largest of those runs. ${threads}`,
  'Cold builds (bounceback without its cache, Eleventy, Hugo) start from an empty output folder; warm and one-changed builds replace the previous output.',
  '',
  '## The speed goals',
  '',
  'Each goal of the speed issue against this run; the README (Speed) says where the time goes where one does not hold.',
  '',
  ...goalTable({compare, watch, large}),
  '',
  '## Builds',
  '',
  '| entries | bounceback cold | warm (nothing changed) | one entry changed | Eleventy 3 | Hugo | bare unified (floor) |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...compare.rows.map((r) => `| ${r.size} | ${f(r.cold)} | ${f(r.warm)} | ${f(r.oneChanged)} | ${f(r.eleventy)} | ${f(r.hugo)} | ${f(r.floor)} |`),
  '',
  '| entries | cold / Eleventy | cold / Hugo | cold / floor | warm / Eleventy | warm / Hugo | one changed / Eleventy |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...compare.rows.map(
    (r) =>
      `| ${r.size} | ${ratio(r.cold, r.eleventy)} | ${ratio(r.cold, r.hugo)} | ${ratio(r.cold, r.floor)} | ${ratio(r.warm, r.eleventy)} | ` +
      `${ratio(r.warm, r.hugo)} | ${ratio(r.oneChanged, r.eleventy)} |`
  ),
  '',
  '| entries | peak RSS: bounceback cold | warm | Eleventy | Hugo | floor |',
  '| ---: | ---: | ---: | ---: | ---: | ---: |',
  ...compare.rows.map((r) => `| ${r.size} | ${mb(r.cold)} | ${mb(r.warm)} | ${mb(r.eleventy)} | ${mb(r.hugo)} | ${mb(r.floor)} |`),
  '',
  '## Aggregation (lesson themes, commitments, growth, tags, related entries)',
  '',
  '| entries | lessons | themes | aggregate, median of 5 | per entry |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...aggregate.rows.map((r) => `| ${r.size} | ${r.lessons} | ${r.themes} | ${r.median.toFixed(0)} ms | ${((r.median / r.size) * 1000).toFixed(1)} µs |`),
  '',
  ...(large
    ? [
        `## ${large.size} entries, one build each`,
        '',
        '| | bounceback cold | warm (nothing changed) | Eleventy 3 |',
        '| --- | ---: | ---: | ---: |',
        `| time | ${f(large.cold)} | ${f(large.warm)} | ${f(large.eleventy)} |`,
        `| peak RSS | ${mb(large.cold)} | ${mb(large.warm)} | ${mb(large.eleventy)} |`,
        `| time per entry | ${((large.cold.seconds / large.size) * 1000).toFixed(2)} ms | ` +
          `${((large.warm.seconds / large.size) * 1000).toFixed(2)} ms | ${((large.eleventy.seconds / large.size) * 1000).toFixed(2)} ms |`,
        ...(() => {
          const small = compare.rows.find((r) => r.size === 1000)
          return small
            ? ['', `Cold time per entry at ${large.size} over that at 1000: ${(large.cold.seconds / large.size / (small.cold.seconds / 1000)).toFixed(2)}.`]
            : []
        })(),
        ''
      ]
    : []),
  '## The time budget on the common path',
  '',
  'Per-entry stages only, in one process, median of 11 rounds each: plainly (no budget at all), through the runner as',
  'builds read entries (in line, in stoppable runs shared by the entries that arrive together, an overrunning one handed',
  'to a worker thread), and all in two worker threads started for the purpose (the other way to hold each entry to it).',
  '',
  '| entries | plainly | under the budget | ratio | all in workers |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...budget.rows.map(
    (r) =>
      `| ${r.name}, ${r.entries} | ${r.plain.toFixed(0)} ms | ${r.runner.toFixed(0)} ms | ${(r.runner / r.plain).toFixed(2)} | ${r.workers.toFixed(0)} ms |`
  ),
  '',
  '## Watch: from saving an entry to the live-reload event',
  '',
  '| entries | first build | median | min | max |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...watch.rows.map(
    (r) => `| ${r.size} | ${(r.firstBuild / 1000).toFixed(1)} s | ${r.median.toFixed(0)} ms | ${r.min.toFixed(0)} ms | ${r.max.toFixed(0)} ms |`
  ),
  ''
]
// The measurements behind choices in the code, kept by hand: they are history, not this run.
lines.push(readFileSync(path.join(here, 'history.md'), 'utf8'))
writeFileSync(path.join(here, 'results.md'), lines.join('\n'))
// Tables aligned as the project's formatter (Biome, `npm run lint`) wants them.
execFileSync(path.join(here, '..', 'node_modules', '.bin', 'biome'), ['format', '--write', path.join(here, 'results.md')], {stdio: 'ignore'})
console.log(`\nwrote ${path.join('bench', 'results.md')}`)
