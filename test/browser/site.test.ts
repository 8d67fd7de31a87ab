import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {hasChromium} from '../requirements.js'
import {screenshots, useSampleSite} from './sample-site.js'

const site = useSampleSite()
const open = site.open

describe.skipIf(!hasChromium)('the sample site in Chromium', () => {
  it('leads from the home page to an entry, a lesson theme and the growth page', async () => {
    const page = await open('/')
    await page.screenshot({path: path.join(screenshots, 'home.png'), fullPage: true})
    await page.locator('.entry-card h3 a').first().click()
    await page.waitForURL(/\/\d{4}\/[a-z0-9-]+\/$/)
    const title = await page.textContent('h1')
    expect(title?.length).toBeGreaterThan(0)
    await page.screenshot({path: path.join(screenshots, 'entry.png'), fullPage: true})
    await page.locator('.lesson-note a').first().click()
    await page.waitForURL(/\/lessons\/[a-z0-9-]+\/$/)
    expect(await page.locator('.occurrences li').count()).toBeGreaterThan(0)
    await page.screenshot({path: path.join(screenshots, 'lesson.png'), fullPage: true})
    await page.getByRole('link', {name: 'Growth'}).click()
    await page.waitForURL(/\/growth\/$/)
    expect(await page.locator('svg[role=img]').count()).toBe(7)
    await page.screenshot({path: path.join(screenshots, 'growth.png'), fullPage: true})
    await page.close()
  })

  it('searches for a word from the header and opens a result', async () => {
    const page = await open('/')
    await page.fill('#site-search-q', 'newsletter')
    await page.press('#site-search-q', 'Enter')
    await page.waitForURL(/\/search\/\?q=newsletter$/)
    const result = page.locator('.search-result-title a').first()
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
})
