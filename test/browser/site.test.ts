import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build} from '../../src/build.js'
import {startServer, type PreviewServer} from '../../src/dev/serve/server.js'
import {launchChromium} from './chromium.js'

/** The bundled sample site, built and served, then used as a person would. */
const packageRoot = path.resolve(import.meta.dirname, '..', '..')
const screenshots = path.join(packageRoot, 'test-results', 'screenshots')
let out: string
let server: PreviewServer
let browser: Browser
const axeSource = await fs.readFile(path.join(packageRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')

beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-browser-'))
  await build({root: packageRoot, today: '2026-11-29', overrides: {output: out}})
  server = await startServer({dir: out, host: '127.0.0.1', port: 0})
  browser = await launchChromium()
  await fs.mkdir(screenshots, {recursive: true})
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await fs.rm(out, {recursive: true, force: true})
})

async function open(url: string, options: {width?: number; dark?: boolean} = {}): Promise<Page> {
  const page = await browser.newPage({viewport: {width: options.width ?? 1100, height: 900}, colorScheme: options.dark ? 'dark' : 'light'})
  await page.goto(new URL(url, server.url).href)
  return page
}

/** One page of every kind. */
const kinds: [string, string][] = [
  ['home', '/'],
  ['entry', '/2024/newsletter-launch/'],
  ['lessons', '/lessons/'],
  ['lesson', '/lessons/feedback/'],
  ['growth', '/growth/'],
  ['actions', '/actions/'],
  ['tags', '/tags/'],
  ['tag', '/tags/work/'],
  ['search', '/search/'],
  ['404', '/no/such/page/']
]

describe('the sample site in Chromium', () => {
  it('leads from the home page to an entry, a lesson theme and the growth page', async () => {
    const page = await open('/')
    await page.screenshot({path: path.join(screenshots, 'home.png'), fullPage: true})
    await page.locator('.entry-card h3 a').first().click()
    await page.waitForURL(/\/\d{4}\/[a-z0-9-]+\/$/)
    const title = await page.textContent('h1')
    expect(title?.length).toBeGreaterThan(0)
    await page.screenshot({path: path.join(screenshots, 'entry.png'), fullPage: true})
    await page.locator('#lessons-heading + ul a').first().click()
    await page.waitForURL(/\/lessons\/[a-z0-9-]+\/$/)
    expect(await page.locator('.occurrences li').count()).toBeGreaterThan(0)
    await page.screenshot({path: path.join(screenshots, 'lesson.png'), fullPage: true})
    await page.getByRole('link', {name: 'Growth'}).click()
    await page.waitForURL(/\/growth\/$/)
    expect(await page.locator('svg[role=img]').count()).toBe(6)
    await page.screenshot({path: path.join(screenshots, 'growth.png'), fullPage: true})
    await page.close()
  })

  it('searches for a word from the header and opens a result', async () => {
    const page = await open('/')
    await page.fill('#site-search-q', 'newsletter')
    await page.press('#site-search-q', 'Enter')
    await page.waitForURL(/\/search\/\?q=newsletter$/)
    const result = page.locator('.pagefind-ui__result-link').first()
    await result.waitFor({timeout: 15_000})
    await page.screenshot({path: path.join(screenshots, 'search.png'), fullPage: true})
    await result.click()
    await page.waitForURL(/\/\d{4}\/[a-z0-9-]+\/$/)
    expect((await page.textContent('main'))?.toLowerCase()).toContain('newsletter')
    await page.close()
  })

  it('follows the reader into dark mode', async () => {
    const background = async (dark: boolean) => {
      const page = await open('/2024/newsletter-launch/', {dark})
      const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      if (dark) await page.screenshot({path: path.join(screenshots, 'entry-dark.png'), fullPage: true})
      await page.close()
      return color.match(/\d+/g)!.slice(0, 3).map(Number)
    }
    const light = await background(false)
    const dark = await background(true)
    const luminance = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    expect(luminance(light)).toBeGreaterThan(200)
    expect(luminance(dark)).toBeLessThan(60)
  })

  it('prints an entry as a clean document: no navigation, no search, no footer', async () => {
    const page = await open('/2024/newsletter-launch/')
    await page.emulateMedia({media: 'print'})
    const hidden = await page.evaluate(() =>
      ['.site-header nav', '.site-search', '.skip-link', '.pager', '.site-footer'].map((selector) => {
        const element = document.querySelector(selector)
        return element === null || getComputedStyle(element).display === 'none'
      })
    )
    expect(hidden).toEqual([true, true, true, true, true])
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).display)).toBe('block')
    await page.pdf({path: path.join(screenshots, 'entry-print.pdf')})
    await page.close()
  })

  it('never scrolls sideways on a 375 px wide phone', async () => {
    for (const [name, url] of kinds) {
      const page = await open(url, {width: 375})
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
      expect(scroll, `${name} page scrolls sideways`).toBeLessThanOrEqual(client!)
      if (name === 'home' || name === 'entry') await page.screenshot({path: path.join(screenshots, `${name}-375.png`), fullPage: true})
      await page.close()
    }
  })

  for (const dark of [false, true]) {
    it(`has no WCAG 2 A or AA violation on any page kind (axe-core, ${dark ? 'dark' : 'light'})`, async () => {
      for (const [name, url] of kinds) {
        const page = await open(url, {dark})
        if (name === 'search') await page.locator('.pagefind-ui__search-input').waitFor({timeout: 15_000})
        await page.addScriptTag({content: axeSource})
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as {axe: {run(options: unknown): Promise<{passes: unknown[]; violations: {id: string; nodes: {target: string[]}[]}[]}>}}).axe
          const result = await axe.run({runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          return {passes: result.passes.length, found: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)}
        })
        expect(violations.passes, `axe ran its rules on the ${name} page`).toBeGreaterThan(10)
        expect(violations.found, `${name} page (${url})`).toEqual([])
        await page.close()
      }
    })
  }
})

describe('a search index in shards', () => {
  it('finds in every shard what one index finds', async () => {
    const sharded = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-shards-'))
    // Small shards: some hold no page with text to index, and cannot be merged.
    const shardServer = await build({root: packageRoot, today: '2026-11-29', overrides: {output: sharded}, searchShardSize: 4, cache: false}).then(() => startServer({dir: sharded, host: '127.0.0.1', port: 0}))
    try {
      const folders = ['', ...(await fs.readdir(path.join(sharded, 'pagefind'))).filter((name) => name.startsWith('shard-'))]
      expect(folders.length).toBeGreaterThan(2)
      const languages = async (folder: string) => Object.keys((JSON.parse(await fs.readFile(path.join(sharded, 'pagefind', folder, 'pagefind-entry.json'), 'utf8')) as {languages: object}).languages).length
      const empty = (await Promise.all(folders.map(languages))).filter((n) => n === 0).length
      expect(empty).toBeGreaterThan(0)
      const results = async (base: string, query: string) => {
        const page = await browser.newPage()
        await page.goto(new URL(`/search/?q=${query}`, base).href)
        const message = page.locator('.pagefind-ui__message')
        await page.locator('.pagefind-ui__result-link').first().waitFor({timeout: 15_000})
        await page.waitForFunction(() => /\d+ results?/.test(document.querySelector('.pagefind-ui__message')?.textContent ?? ''))
        const text = (await message.textContent()) ?? ''
        await page.close()
        return Number(/(\d+) results?/.exec(text)![1])
      }
      for (const query of ['estimate', 'plan']) {
        const whole = await results(server.url, query)
        expect(whole).toBeGreaterThan(3)
        expect(await results(shardServer.url, query), query).toBe(whole)
      }
    } finally {
      await shardServer.close()
      await fs.rm(sharded, {recursive: true, force: true})
    }
  }, 60_000)
})
