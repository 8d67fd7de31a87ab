import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {hasChromium} from '../requirements.js'
import {kinds, packageRoot, useSampleSite} from './sample-site.js'

const axeSource = await fs.readFile(path.join(packageRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')

/**
 * Every kind of page of the sample site checked by axe-core in one colour scheme. Each scheme
 * has its own test file, so that the two run in parallel.
 */
export function describeAxe(scheme: 'dark' | 'light'): void {
  const {open} = useSampleSite()
  describe.skipIf(!hasChromium)(`the sample site in the ${scheme} colour scheme`, () => {
    // One test per page: each is a few seconds, far from any timeout.
    it.each(kinds)(`has no WCAG 2 A or AA violation: %s page (%s), ${scheme} (axe-core)`, async (name, url) => {
      const page = await open(url, {dark: scheme === 'dark'})
      if (name === 'search') await page.locator('.search-result-title a').first().waitFor({timeout: 15_000})
      await page.addScriptTag({content: axeSource})
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as {axe: {run(options: unknown): Promise<{passes: unknown[]; violations: {id: string; nodes: {target: string[]}[]}[]}>}})
          .axe
        // Details of violations only: collecting every passing node's is most of axe's time.
        const result = await axe.run({runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
        return {
          passes: result.passes.length,
          found: result.violations.map(
            (v) =>
              `${v.id}: ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`
          )
        }
      })
      expect(violations.passes, `axe ran its rules on the ${name} page`).toBeGreaterThan(10)
      expect(violations.found, `${name} page (${url})`).toEqual([])
      await page.close()
    })
  })
}
