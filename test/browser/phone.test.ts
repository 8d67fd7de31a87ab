import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {hasChromium} from '../requirements.js'
import {kinds, screenshots, useSampleSite} from './sample-site.js'

const {open} = useSampleSite()

describe.skipIf(!hasChromium)('the sample site on a phone', () => {
  it.each(kinds)('never scrolls sideways on a 375 px wide phone: %s page', async (name, url) => {
    const page = await open(url, {width: 375})
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
    expect(scroll, `${name} page scrolls sideways`).toBeLessThanOrEqual(client!)
    if (name === 'home' || name === 'entry') await page.screenshot({path: path.join(screenshots, `${name}-375.png`), fullPage: true})
    await page.close()
  })

  it('shows chart text at 11 px or more on a 375 px wide phone, however much the drawing is scaled down', async () => {
    const page = await open('/growth/', {width: 375})
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll<SVGTextElement>('svg.chart text')].map((text) => {
        const svg = text.ownerSVGElement!
        // The drawing's units on screen: its rendered width over its viewBox width.
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
        return {text: text.textContent, px: Number.parseFloat(getComputedStyle(text).fontSize) * scale, height: text.getBoundingClientRect().height}
      })
    )
    expect(sizes.length, 'chart text found').toBeGreaterThan(20)
    for (const size of sizes) {
      expect(size.px, `"${size.text}" is rendered at ${size.px.toFixed(1)} px`).toBeGreaterThanOrEqual(11)
      expect(size.height, `"${size.text}" is drawn at least 11 px high`).toBeGreaterThanOrEqual(11)
    }
    await page.close()
  })

  it('scrolls an opened data table inside its own box, never the page, on a 375 px wide phone', async () => {
    const page = await open('/growth/', {width: 375})
    const summaries = page.locator('figure.chart-figure details > summary')
    expect(await summaries.count()).toBeGreaterThan(5)
    for (const summary of await summaries.all()) await summary.click()
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      tables: [...document.querySelectorAll('.table-scroll')].map((box) => ({box: box.clientWidth, table: box.querySelector('table')!.scrollWidth}))
    }))
    expect(widths.tables.every((t) => t.box > 0)).toBe(true)
    // At least one table is wider than the phone: it scrolls in its box.
    expect(widths.tables.some((t) => t.table > t.box)).toBe(true)
    expect(widths.scroll, 'the growth page with its tables open scrolls sideways').toBeLessThanOrEqual(widths.client)
    await page.screenshot({path: path.join(screenshots, 'growth-375-tables.png'), fullPage: true})
    await page.close()
  })
})
