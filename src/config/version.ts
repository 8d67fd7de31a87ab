import {readFileSync} from 'node:fs'

/**
 * bounceback's version, from its package.json: two levels up from `src/config/`, `lib/config/`
 * and the bundle's `lib/bundle/` alike.
 */
export const toolVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
