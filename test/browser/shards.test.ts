import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {hasChromium} from '../requirements.js'
import {build} from '../../src/build.js'
import {startServer} from '../../src/dev/serve/server.js'
import {packageRoot, useSampleSite} from './sample-site.js'

const site = useSampleSite()

describe.skipIf(!hasChromium)('a search index in shards', () => {
  it('finds in every shard what one index finds', async () => {
    const sharded = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-shards-'))
    // Small shards: some hold no page with text to index, and cannot be merged.
    const shardServer = await build({root: packageRoot, today: '2026-11-29', overrides: {output: sharded}, searchShardSize: 4, cache: false}).then(() =>
      startServer({dir: sharded, host: '127.0.0.1', port: 0})
    )
    try {
      const folders = ['', ...(await fs.readdir(path.join(sharded, 'pagefind'))).filter((name) => name.startsWith('shard-'))]
      expect(folders.length).toBeGreaterThan(2)
      const languages = async (folder: string) =>
        Object.keys((JSON.parse(await fs.readFile(path.join(sharded, 'pagefind', folder, 'pagefind-entry.json'), 'utf8')) as {languages: object}).languages)
          .length
      const empty = (await Promise.all(folders.map(languages))).filter((n) => n === 0).length
      expect(empty).toBeGreaterThan(0)
      const results = async (base: string, query: string) => {
        const page = await site.browser.newPage()
        await page.goto(new URL(`/search/?q=${query}`, base).href)
        const message = page.locator('#search-status')
        await page.locator('.search-result-title a').first().waitFor({timeout: 15_000})
        await page.waitForFunction(() => /\d+ results?/.test(document.querySelector('#search-status')?.textContent ?? ''))
        const text = (await message.textContent()) ?? ''
        await page.close()
        return Number(/(\d+) results?/.exec(text)![1])
      }
      for (const query of ['estimate', 'plan']) {
        const whole = await results(site.url, query)
        expect(whole).toBeGreaterThan(3)
        expect(await results(shardServer.url, query), query).toBe(whole)
      }
    } finally {
      await shardServer.close()
      await fs.rm(sharded, {recursive: true, force: true})
    }
  }, 60_000)
})
