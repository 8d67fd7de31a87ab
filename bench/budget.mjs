#!/usr/bin/env node
// The cost of the time budget on the common path. Entries of a small project are read in line,
// inside stoppable runs (lib/pool/inline-batches.js) that hand an overrunning entry to a worker
// thread. This reads the same entries three ways, alternating rounds in one process: plainly
// (no budget at all), through the runner as builds do, and with every entry in two worker
// threads (the other way to hold every entry to its budget).
//
//   node bench/budget.mjs [--size 100] [--rounds 7]
//
// Uses the compiled lib/ (run `npm run compile` first).
import {readFileSync} from 'node:fs'
import {performance} from 'node:perf_hooks'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadConfig} from '../lib/config/load.js'
import {discover} from '../lib/pipeline/discover/discover.js'
import {processBytesSync} from '../lib/pipeline/entry.js'
import {entryRunner} from '../lib/pool/pool.js'
import {corpus} from './corpus.mjs'

const args = Object.fromEntries(process.argv.slice(2).flatMap((w, i, all) => (w.startsWith('--') ? [[w.slice(2), all[i + 1]]] : [])))
const size = Number(args.size ?? 100)
const rounds = Number(args.rounds ?? 11)
const here = path.dirname(fileURLToPath(import.meta.url))
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function measure(name, root) {
  const config = await loadConfig({root, cache: false})
  const {sources} = await discover(config)
  const entries = sources.map((source) => ({source, bytes: readFileSync(source.path)}))
  const ways = {
    // Each way keeps every result until the end, as a build does.
    plain: async () => {
      const results = []
      for (const {source, bytes} of entries) results.push(processBytesSync(bytes, source, config))
      return results
    },
    runner: async () => {
      const runner = await entryRunner(config, entries.length)
      await Promise.all(entries.map(({source, bytes}) => runner.run(bytes, source)))
      await runner.close()
    },
    workers: async () => {
      // As a build of 500 entries and more reads them: every one in a worker thread.
      const runner = await entryRunner(config, 100_000, {jobs: 2})
      await Promise.all(entries.map(({source, bytes}) => runner.run(bytes, source)))
      await runner.close()
    }
  }
  const times = Object.fromEntries(Object.keys(ways).map((way) => [way, []]))
  for (const way of Object.values(ways)) await way()
  for (let i = 0; i < rounds; i++) {
    for (const [way, run] of Object.entries(ways)) {
      const t = performance.now()
      await run()
      times[way].push(performance.now() - t)
    }
  }
  const row = {name, entries: entries.length, plain: median(times.plain), runner: median(times.runner), workers: median(times.workers)}
  console.log(
    `${name} (${row.entries} entries): ${row.plain.toFixed(0)} ms plainly, ${row.runner.toFixed(0)} ms under the budget ` +
      `(${((row.runner / row.plain - 1) * 100).toFixed(1)}%), ${row.workers.toFixed(0)} ms all in workers`
  )
  return row
}

export const rows = [await measure('bundled sample', path.join(here, '..')), await measure(`corpus of ${size}`, corpus(size))]
