#!/usr/bin/env node
// bounceback against Eleventy 3, Hugo (when `hugo` is on the PATH) and a bare unified pipeline,
// on the same corpora, each measured as a separate process by /usr/bin/time (wall time and peak
// RSS), several times, median reported. Uses the compiled lib/ through bin/bounceback.js.
//
//   node bench/compare.mjs [--sizes 100,1000,5000] [--runs 3]
import {spawnSync} from 'node:child_process'
import {appendFileSync, readdirSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {corpus} from './corpus.mjs'
import {eleventy, expectPages, measure} from './measure.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.dirname(here)
const args = Object.fromEntries(process.argv.slice(2).flatMap((w, i, all) => (w.startsWith('--') ? [[w.slice(2), all[i + 1]]] : [])))
const sizes = (args.sizes ?? '100,1000,5000').split(',').map(Number)
const runs = Number(args.runs ?? 3)
const jobs = os.availableParallelism()
const hugo = spawnSync('hugo', ['version'], {encoding: 'utf8'}).status === 0

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
function repeat(fn, before) {
  const samples = []
  for (let i = 0; i < runs; i++) {
    before?.()
    samples.push(fn())
  }
  return {seconds: median(samples.map((s) => s.seconds)), mb: Math.max(...samples.map((s) => s.mb))}
}

const bin = path.join(root, 'bin', 'bounceback.js')
export const rows = []
for (const size of sizes) {
  const project = corpus(size)
  const content = path.join(project, 'content')
  const files = readdirSync(content).sort()
  const one = path.join(content, files[Math.floor(files.length / 2)])
  const row = {size}
  // Cold: no cache and, as for Eleventy and Hugo, an empty output folder (removed before the clock runs).
  row.cold = repeat(
    () => measure(process.execPath, [bin, 'build', '--root', project, '--no-cache', '--quiet']),
    () => rmSync(path.join(project, 'dist'), {recursive: true, force: true})
  )
  expectPages(path.join(project, 'dist'), size, 'bounceback')
  measure(process.execPath, [bin, 'build', '--root', project, '--quiet'])
  row.warm = repeat(() => measure(process.execPath, [bin, 'build', '--root', project, '--quiet']))
  row.oneChanged = repeat(
    () => measure(process.execPath, [bin, 'build', '--root', project, '--quiet']),
    () => appendFileSync(one, `\nOne more line, changed at ${Date.now()}.\n`)
  )
  row.eleventy = repeat(() => eleventy(project, size))
  if (hugo) {
    const hugoOut = path.join(project, '_hugo')
    row.hugo = repeat(
      () => measure('hugo', ['--quiet', '--source', path.join(here, 'hugo-site'), '--contentDir', content, '--destination', hugoOut]),
      () => rmSync(hugoOut, {recursive: true, force: true})
    )
    expectPages(hugoOut, size + 1, 'Hugo')
  }
  row.floor = repeat(() => measure(process.execPath, [path.join(here, 'floor.mjs'), content, path.join(project, '_floor'), String(jobs)]))
  expectPages(path.join(project, '_floor'), size, 'the bare unified floor')
  rows.push(row)
  const f = (m) => (m ? `${m.seconds.toFixed(2)} s / ${m.mb.toFixed(0)} MB` : 'n/a')
  console.log(
    `${size} entries: cold ${f(row.cold)}, warm ${f(row.warm)}, one changed ${f(row.oneChanged)}; Eleventy ${f(row.eleventy)}; Hugo ` +
      `${f(row.hugo)}; floor ${f(row.floor)}`
  )
}
export {hugo, jobs, runs}
