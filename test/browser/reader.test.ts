import fs from 'node:fs/promises'
import path from 'node:path'
import type {Page} from 'playwright-core'
import {describe, expect, it} from 'vitest'
import {hasChromium} from '../requirements.js'
import {kinds, packageRoot, screenshots, useSampleSite} from './sample-site.js'

const site = useSampleSite()
const axeSource = await fs.readFile(path.join(packageRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')

/** The header's height on a phone is at most this: two rows, the title with the search box, then the sections. */
const phoneHeader = 110

const views = [375, 1280].flatMap((width) => [false, true].map((dark) => ({width, dark, scheme: dark ? 'dark' : 'light'})))
const cases = views.flatMap((view) => kinds.map(([name, url]) => ({...view, name, url})))

async function axeViolations(page: Page): Promise<{passes: number; found: string[]}> {
  await page.addScriptTag({content: axeSource})
  return page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run(options: unknown): Promise<{passes: unknown[]; violations: {id: string; nodes: {target: string[]}[]}[]}>}}).axe
    const result = await axe.run({runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
    return {passes: result.passes.length, found: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)}
  })
}

/** Relative luminance of a CSS `rgb()` colour, and the contrast ratio of two. */
const luminance = (rgb: string) => {
  const [r, g, b] = rgb
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((v) => {
      const c = Number(v) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe.skipIf(!hasChromium)('the sample site as a reader meets it, at 375 and 1280 px, light and dark', () => {
  it.each(cases)('$name page ($url) at $width px, $scheme: no sideways scroll, no axe violation, a compact header; screenshot', async (view) => {
    const page = await site.open(view.url, {width: view.width, dark: view.dark})
    if (view.name === 'search') await page.locator('.search-result-title a').first().waitFor({timeout: 15_000})
    const [scroll, client, header] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
      document.querySelector('.site-header')!.getBoundingClientRect().height
    ])
    expect(scroll, 'scrolls sideways').toBeLessThanOrEqual(client!)
    if (view.width === 375) expect(header, 'header height on a phone').toBeLessThanOrEqual(phoneHeader)
    await page.screenshot({path: path.join(screenshots, `${view.name}-${view.width}-${view.scheme}.png`), fullPage: true})
    const axe = await axeViolations(page)
    expect(axe.passes, 'axe ran its rules').toBeGreaterThan(10)
    expect(axe.found).toEqual([])
    await page.close()
  })

  it('shows each lesson and each commitment of every entry once on its page', async () => {
    const data = (await (await fetch(new URL('/data.json', site.url))).json()) as {
      entries: {slug: string; url: string}[]
      lessons: {occurrences: {entry: string; text: string}[]}[]
      actions: {entry: string; text: string}[]
    }
    const page = await site.browser.newPage()
    let checked = 0
    for (const entry of data.entries) {
      const texts = [
        ...data.lessons.flatMap((theme) => theme.occurrences.filter((o) => o.entry === entry.slug).map((o) => o.text)),
        ...data.actions.filter((a) => a.entry === entry.slug).map((a) => a.text)
      ]
      await page.goto(new URL(entry.url, site.url).href)
      // The page's text as read, without the hashtags that lessons carry (not part of their text).
      const text = await page.evaluate(() => {
        const main = document.querySelector('main')!.cloneNode(true) as HTMLElement
        for (const tag of main.querySelectorAll('a.hashtag')) tag.remove()
        return main.textContent!.replace(/\s+/g, ' ')
      })
      for (const t of texts) expect(text.split(t.replace(/\s+/g, ' ')).length - 1, `${entry.url}: ${t}`).toBe(1)
      checked += texts.length
    }
    expect(checked).toBeGreaterThan(40)
    await page.close()
  })

  it('draws task boxes legible in both schemes, with wrapped lines starting beside the box, never under it', async () => {
    for (const dark of [false, true]) {
      const page = await site.open('/2024/newsletter-launch/', {width: 375, dark})
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('.entry-body .task-list-item')].map((item) => {
          const box = item.querySelector('input')!
          const style = getComputedStyle(box)
          const range = document.createRange()
          range.setStartAfter(box)
          range.setEndAfter(item.lastChild!)
          const lines = [...range.getClientRects()].filter((r) => r.width > 0)
          return {
            appearance: style.appearance,
            border: style.borderTopColor,
            checked: box.checked,
            fill: style.backgroundColor,
            page: getComputedStyle(document.body).backgroundColor,
            boxRight: box.getBoundingClientRect().right,
            textLeft: Math.min(...lines.map((r) => r.left)),
            lines: new Set(lines.map((r) => Math.round(r.top))).size
          }
        })
      )
      expect(boxes.length).toBe(4)
      expect(
        boxes.some((b) => b.lines > 1),
        'some task wraps at 375 px'
      ).toBe(true)
      for (const b of boxes) {
        expect(b.appearance).toBe('none')
        expect(contrast(b.checked ? b.fill : b.border, b.page), 'box against the page').toBeGreaterThanOrEqual(3)
        expect(b.textLeft).toBeGreaterThanOrEqual(b.boxRight)
      }
      await page.close()
    }
  })

  it('searches with one labelled box, results labelled entry or lesson theme, page labels not indexed, and a highlight that suits dark mode', async () => {
    const page = await site.open('/search/?q=drafts', {dark: true})
    await page.locator('.search-result-title a').first().waitFor({timeout: 15_000})
    expect(await page.locator('input[type=search]').count()).toBe(1)
    expect(await page.getByLabel('Search entries and lessons').count()).toBe(1)
    const kindsFound = new Set(await page.locator('.search-result-kind').allTextContents())
    expect([...kindsFound].sort()).toEqual(['Entry', 'Lesson theme'])
    expect(await page.locator('.search-result-meta time').count()).toBeGreaterThan(0)
    expect(await page.locator('.search-result-meta .outcome').count()).toBeGreaterThan(0)
    const mark = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.search-result-excerpt mark')!)
      return {background: style.backgroundColor, color: style.color}
    })
    expect(luminance(mark.background), 'a dark highlight in dark mode').toBeLessThan(0.15)
    expect(contrast(mark.background, mark.color)).toBeGreaterThanOrEqual(4.5)
    // What Pagefind holds of every page found: the writing, not the labels around it.
    // A string, so that the test runner leaves its `import()` to the browser.
    const contents = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js')
      const search = await pagefind.search('learned')
      return Promise.all(search.results.map(async (r) => (await r.data()).content))
    })()`)) as string[]
    expect(contents.length).toBeGreaterThan(0)
    for (const content of contents) expect(content).not.toMatch(/Learned (?:once so far|\d+ times)|Every time|\bOverdue\b/)
    await page.close()
  })

  it('shows search results twenty at a time, and the next ones on asking', async () => {
    const page = await site.open('/search/?q=the')
    await page.waitForFunction(() => /\d+ results/.test(document.querySelector('#search-status')?.textContent ?? ''))
    const count = Number(/(\d+) results/.exec((await page.locator('#search-status').textContent())!)![1])
    expect(count).toBeGreaterThan(20)
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0)
    expect(await page.locator('#search-results > li').count()).toBe(20)
    await page.getByRole('button', {name: 'Show more results'}).click()
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n, Math.min(count, 40))
    expect(await page.getByRole('button', {name: 'Show more results'}).isVisible()).toBe(count > 40)
    await page.close()
  })

  it('searches without JavaScript as a plain form: the search page then points to lessons, tags and entries', async () => {
    const page = await site.browser.newPage({javaScriptEnabled: false})
    await page.goto(new URL('/2024/newsletter-launch/', site.url).href)
    await page.fill('#site-search-q', 'drafts')
    await page.press('#site-search-q', 'Enter')
    await page.waitForURL(/\/search\/\?q=drafts$/)
    expect(await page.locator('main').textContent()).toContain('Search needs JavaScript')
    expect(await page.locator('noscript a, main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(
      expect.arrayContaining(['/lessons/', '/tags/', '/'])
    )
    await page.close()
  })

  it('has no link to the page it is on, and the four figures on one row at 1280 px', async () => {
    const page = await site.open('/', {width: 1280})
    expect(await page.locator('main a[href="/"]').count()).toBe(0)
    const tops = await page.locator('.summary-figures li').evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top))
    expect(tops.length).toBe(4)
    expect(new Set(tops).size).toBe(1)
    await page.close()
  })
})
