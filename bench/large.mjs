#!/usr/bin/env node
// One large corpus, built once each way: bounceback cold (no cache), bounceback warm (nothing
// changed) and Eleventy 3, for peak memory and time per entry at scale. Single runs: a build of
// 10,000 entries takes about a minute here.
//
//   node bench/large.mjs [--size 10000]
import {rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {corpus} from './corpus.mjs'
import {eleventy as eleventyBuild, expectPages, measure} from './measure.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.dirname(here)
const args = Object.fromEntries(process.argv.slice(2).flatMap((w, i, all) => (w.startsWith('--') ? [[w.slice(2), all[i + 1]]] : [])))
export const size = Number(args.size ?? 10000)
const project = corpus(size)
const bin = path.join(root, 'bin', 'bounceback.js')
// Cold: no cache and an empty output folder, as Eleventy gets.
rmSync(path.join(project, 'dist'), {recursive: true, force: true})
export const cold = measure(process.execPath, [bin, 'build', '--root', project, '--no-cache', '--quiet'])
expectPages(path.join(project, 'dist'), size, 'bounceback')
measure(process.execPath, [bin, 'build', '--root', project, '--quiet'])
export const warm = measure(process.execPath, [bin, 'build', '--root', project, '--quiet'])
export const eleventy = eleventyBuild(project, size)
const f = (m) => `${m.seconds.toFixed(2)} s / ${m.mb.toFixed(0)} MB`
console.log(`${size} entries: cold ${f(cold)}, warm ${f(warm)}; Eleventy ${f(eleventy)}`)
