import fs from 'node:fs/promises'
import path from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {hasChromium} from '../requirements.js'
import {watch, type Watcher} from '../../src/dev/watch/watch.js'
import {tempProject, validEntry} from '../helpers.js'
import {launchChromium} from './chromium.js'

let browser: Browser
let watcher: Watcher
let root: string
const withGoal = (goal: string, frontmatter?: string) =>
  validEntry({...(frontmatter ? {frontmatter} : {})}).replace('Reach 100 subscribers by June. Then keep going.', goal)

beforeAll(async () => {
  if (!hasChromium) return
  root = await tempProject({'content/2025-03-14-newsletter-launch.md': withGoal('Before the save.')})
  watcher = await watch({root, port: 0, today: '2025-06-01'})
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await watcher?.close()
  if (root) await fs.rm(root, {recursive: true, force: true})
})

describe.skipIf(!hasChromium)('live reload in a real browser', () => {
  it('updates an open page after a save, without a manual reload, and shows problems in an overlay', async () => {
    const page = await browser.newPage()
    await page.goto(`${watcher.url}2025/newsletter-launch/`)
    await page.waitForFunction(() => document.body.textContent?.includes('Before the save.'))
    await page.waitForTimeout(300) // let the events channel connect
    const file = path.join(root, 'content', '2025-03-14-newsletter-launch.md')

    await fs.writeFile(file, withGoal('After the save.'))
    await page.waitForFunction(() => document.body.textContent?.includes('After the save.'), undefined, {timeout: 10_000})

    await fs.writeFile(file, withGoal('Broken.', 'title: Newsletter launch\ndate: 2025-02-30'))
    const overlay = page.locator('#bounceback-overlay')
    await overlay.waitFor({timeout: 10_000})
    expect(await overlay.textContent()).toContain('content/2025-03-14-newsletter-launch.md:3:7')
    expect(await page.textContent('main')).toContain('After the save.')

    await fs.writeFile(file, withGoal('Fixed.'))
    await page.waitForFunction(() => document.body.textContent?.includes('Fixed.') && !document.getElementById('bounceback-overlay'), undefined, {
      timeout: 10_000
    })
    await page.close()
  })
})
