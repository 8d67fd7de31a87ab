import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {chromiumPath} from './browser/chromium.js'

/**
 * What some tests need from the machine besides Node: Chromium for the browser tests, Java for
 * the W3C HTML checker. `.ci/run` installs both and runs with CI=true, where a missing one is a
 * failure; on a machine without them, `npm test` runs everything else and says what it left out
 * (see test/global-setup.ts).
 */
export const hasChromium = existsSync(chromiumPath)
export const hasJava = spawnSync('java', ['-version'], {stdio: 'ignore'}).status === 0

export function missing(): string[] {
  return [...(hasChromium ? [] : [`the browser tests (no Chromium at ${chromiumPath})`]), ...(hasJava ? [] : ['the W3C HTML checker tests (no `java`)'])]
}
