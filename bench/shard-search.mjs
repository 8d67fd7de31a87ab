#!/usr/bin/env node
// What a search index in more shards costs the reader: the time from opening the search page
// with a query to the first result shown, in headless Chromium with an empty browser cache, for
// several shard sizes on one corpus. Served locally, and again with a round trip of `--latency`
// ms per request (a site on the network), since every shard is fetched apart. Uses lib/.
//
//   node bench/shard-search.mjs --root /tmp/NAME-p1000 [--sizes 2000,500,250,125,60] [--runs 3] [--latency 40]
//
// The root is a corpus built once before, a copy of one (its caches make each build here quick, and are rewritten); each
// shard size is built into its own folder under /tmp, never into the corpus's output.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {chromium} from 'playwright-core'
import {build} from '../lib/index.js'
import {startServer} from '../lib/dev/serve/server.js'

const args = Object.fromEntries(process.argv.slice(2).flatMap((w, i, all) => (w.startsWith('--') ? [[w.slice(2), all[i + 1]]] : [])))
const root = path.resolve(args.root)
const sizes = (args.sizes ?? '2000,500,250,125,60').split(',').map(Number)
const runs = Number(args.runs ?? 3)
const latency = Number(args.latency ?? 40)
const queries = (args.queries ?? 'pricing,vendor').split(',')
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu']})
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-shard-search-'))
try {
  for (const size of sizes) {
    const out = path.join(scratch, String(size))
    await build({root, overrides: {output: out}, searchShardSize: size})
    const shards = 1 + (await fs.readdir(path.join(out, 'pagefind'))).filter((name) => name.startsWith('shard-')).length
    const server = await startServer({dir: out, host: '127.0.0.1', port: 0})
    try {
      const cells = []
      for (const query of queries) {
        for (const delay of [0, latency]) {
          const times = []
          let found
          for (let run = 0; run < runs; run++) {
            const result = await firstSearch(server.url, query, delay)
            times.push(result.ms)
            found = result.found
          }
          cells.push(`${query}${delay ? ` +${delay} ms` : ''} ${median(times).toFixed(0)} ms (${found})`)
        }
      }
      console.log(`shard size ${size}: ${shards} shards; ${cells.join('; ')}`)
    } finally {
      await server.close()
      await fs.rm(out, {recursive: true, force: true})
    }
  }
} finally {
  await browser.close()
  await fs.rm(scratch, {recursive: true, force: true})
}

/** A new context (empty cache): open the search page with the query, wait for the first result and the count. */
async function firstSearch(base, query, delay) {
  const context = await browser.newContext()
  const page = await context.newPage()
  if (delay > 0) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {offline: false, latency: delay, downloadThroughput: -1, uploadThroughput: -1})
  }
  const start = performance.now()
  await page.goto(new URL(`/search/?q=${query}`, base).href)
  await page.locator('.search-result-title a').first().waitFor({timeout: 60_000})
  await page.waitForFunction(() => /\d+ results?/.test(document.querySelector('#search-status')?.textContent ?? ''))
  const ms = performance.now() - start
  const found = /(\d+) results?/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]
  await context.close()
  return {ms, found}
}
