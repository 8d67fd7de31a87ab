import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll} from 'vitest'
import {build} from '../../src/build.js'
import {startServer, type PreviewServer} from '../../src/dev/serve/server.js'
import {launchChromium} from './chromium.js'
import {hasChromium} from '../requirements.js'

export const packageRoot = path.resolve(import.meta.dirname, '..', '..')
export const screenshots = path.join(packageRoot, 'test-results', 'screenshots')

export const samplePageSize = 3

/** One page of every kind. */
export const kinds: [string, string][] = [
  ['home', '/'],
  ['archive', '/page/2/'],
  ['year', '/2024/page/2/'],
  ['revisit', '/revisit/'],
  ['entry', '/2024/newsletter-launch/'],
  ['lessons', '/lessons/'],
  ['lesson', '/lessons/feedback/'],
  ['paged lesson', '/lessons/feedback/page/2/'],
  ['growth', '/growth/'],
  ['actions', '/actions/'],
  ['tags', '/tags/'],
  ['tag', '/tags/work/'],
  ['search', '/search/?q=plan'],
  ['404', '/no/such/page/']
]

export interface SampleSite {
  readonly url: string
  readonly browser: Browser
  open(url: string, options?: {width?: number; dark?: boolean}): Promise<Page>
}

/**
 * The bundled sample site, built into a temporary folder, served, and opened in Chromium: once
 * for the test file that asks for it. Each browser test file has its own, so they run side by side.
 */
export function useSampleSite(): SampleSite {
  let out: string
  let server: PreviewServer
  let browser: Browser
  beforeAll(async () => {
    if (!hasChromium) return
    out = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-browser-'))
    // Three entries a page: the sample's lists then have pages, as a real collection's do.
    await build({root: packageRoot, today: '2026-11-29', overrides: {output: out, pageSize: samplePageSize}, cache: false})
    server = await startServer({dir: out, host: '127.0.0.1', port: 0})
    browser = await launchChromium()
    await fs.mkdir(screenshots, {recursive: true})
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (out) await fs.rm(out, {recursive: true, force: true})
  })
  return {
    get url() {
      return server.url
    },
    get browser() {
      return browser
    },
    async open(url, options = {}) {
      const page = await browser.newPage({viewport: {width: options.width ?? 1100, height: 900}, colorScheme: options.dark ? 'dark' : 'light'})
      await page.goto(new URL(url, server.url).href)
      return page
    }
  }
}
