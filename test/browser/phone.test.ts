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
})
