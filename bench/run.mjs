#!/usr/bin/env node
// `npm run bench`: every benchmark in one run, written to bench/results.md with the machine and
// the date. Timings are never asserted in tests: compare ratios measured in the same run.
import {writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const started = new Date()
process.argv.push('--saves', process.env.BENCH_SAVES ?? '20')
const aggregate = await import('./aggregate.mjs')
process.argv.splice(2, process.argv.length, '--sizes', '1000,5000', '--saves', process.env.BENCH_SAVES ?? '20')
const watch = await import('./watch-latency.mjs')

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`
const lines = [
  '# Benchmark results',
  '',
  `Run on ${started.toISOString().slice(0, 10)} by \`npm run bench\` on: ${machine}.`,
  'Corpora: `bench/make-corpus.mjs` (about 3.7 KB per entry, every field and section).',
  '',
  '## Aggregation (lesson themes, commitments, growth, tags, related entries)',
  '',
  '| entries | lessons | themes | aggregate, median of 5 | per entry |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...aggregate.rows.map((r) => `| ${r.size} | ${r.lessons} | ${r.themes} | ${r.median.toFixed(0)} ms | ${((r.median / r.size) * 1000).toFixed(1)} µs |`),
  '',
  '## Watch: from saving an entry to the live-reload event',
  '',
  '| entries | first build | median | min | max |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...watch.rows.map((r) => `| ${r.size} | ${(r.firstBuild / 1000).toFixed(1)} s | ${r.median.toFixed(0)} ms | ${r.min.toFixed(0)} ms | ${r.max.toFixed(0)} ms |`),
  ''
]
writeFileSync(path.join(here, 'results.md'), lines.join('\n'))
console.log(`\nwrote ${path.join('bench', 'results.md')}`)
