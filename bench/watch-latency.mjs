#!/usr/bin/env node
// Time from saving an entry to the live-reload event, as `bounceback watch` serves it.
//
//   node bench/watch-latency.mjs [--sizes 1000,5000] [--saves 20]
//
// Corpora come from bench/make-corpus.mjs into bench/corpus-N/ (ignored by git). Uses lib/.
import {readFileSync, writeFileSync, readdirSync} from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import {watch} from '../lib/dev/watch/watch.js'
import {corpus} from './corpus.mjs'

const args = Object.fromEntries(process.argv.slice(2).flatMap((w, i, all) => (w.startsWith('--') ? [[w.slice(2), all[i + 1]]] : [])))
const sizes = (args.sizes ?? '1000,5000').split(',').map(Number)
const saves = Number(args.saves ?? 20)

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

export const rows = []
for (const size of sizes) {
  const root = corpus(size)
  const started = performance.now()
  const watcher = await watch({root, port: 0})
  const firstBuild = performance.now() - started
  const waiting = []
  const request = http.get(`${watcher.url}__bounceback/events`, (response) => {
    response.setEncoding('utf8')
    response.on('data', (chunk) => {
      // The reload that names pages: the one a reader waits for (data.json and the feed follow in a second one).
      if (/event: reload\ndata: .*"\/[^"]*\/"/.test(chunk)) for (const resolve of waiting.splice(0)) resolve(performance.now())
    })
  })
  await new Promise((resolve) => setTimeout(resolve, 300))
  const files = readdirSync(path.join(root, 'content')).sort()
  const file = path.join(root, 'content', files[Math.floor(files.length / 2)])
  const original = readFileSync(file, 'utf8')
  const times = []
  for (let i = 0; i < saves; i++) {
    const reloaded = new Promise((resolve) => waiting.push(resolve))
    const text = original.replace(/(## (?:What was the goal\?|Goal)\n\n)/, `$1Save ${i} of the benchmark. `)
    const t0 = performance.now()
    writeFileSync(file, text)
    times.push((await reloaded) - t0)
    await watcher.idle()
  }
  writeFileSync(file, original)
  await new Promise((resolve) => setTimeout(resolve, 200))
  await watcher.idle()
  request.destroy()
  await watcher.close()
  rows.push({size, firstBuild, median: median(times), min: Math.min(...times), max: Math.max(...times)})
  console.log(
    `${size} entries: first build ${(firstBuild / 1000).toFixed(1)} s; save to reload median ${median(times).toFixed(0)} ms (min ` +
      `${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}) over ${saves} saves`
  )
}
