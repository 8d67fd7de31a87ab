import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {mapLimit} from '../map-limit.js'
import {PreviousFile} from './previous-file.js'
import type {OutputFile} from './theme.js'

/**
 * The full-text search index, built by Pagefind (its binary comes with the npm package; nothing
 * is downloaded) from the rendered pages, in memory: the index files join the rest of the
 * output and are written with it, atomically. Only what a page marks `data-pagefind-body`
 * (entries and lesson themes in the default theme) is indexed.
 */
export async function searchIndex(pages: readonly OutputFile[], lang: string): Promise<OutputFile[]> {
  const pagefind = await import('pagefind')
  const {index, errors} = await pagefind.createIndex({forceLanguage: lang.split('-')[0]!})
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  try {
    for (const page of pages) {
      // Pages without a marked body are not indexed: no need for Pagefind to read them.
      if (!page.path.endsWith('.html') || !String(page.contents).includes('data-pagefind-body')) continue
      const added = await index.addHTMLFile({sourcePath: page.path, content: String(page.contents)})
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page.path}: ${added.errors.join('; ')}`)
    }
    const {files, errors: fileErrors} = await index.getFiles()
    if (fileErrors.length > 0) throw new Error(`Pagefind could not write its index: ${fileErrors.join('; ')}`)
    return files.map((file) => ({path: `pagefind/${file.path.replace(/\\/g, '/')}`, contents: file.content}))
  } finally {
    await index.deleteIndex().catch(() => undefined)
    await pagefind.close()
  }
}

/**
 * The search index, reused from the previous output when the pages it indexes are the same
 * (a digest of them, or of their keys, is kept in the cache folder): a build that changed
 * nothing Pagefind reads does not run Pagefind. Anything missing or different runs it afresh.
 */
export async function searchIndexReusing(pages: readonly OutputFile[], lang: string, options: {cacheDir: string; outDir: string}): Promise<OutputFile[]> {
  const html = pages.filter((page) => page.path.endsWith('.html'))
  // With the page cache, every page has a key standing for its contents: compare those, and
  // leave pages taken from the previous output unread.
  const byKey = html.every((page) => page.key !== undefined)
  const indexed = byKey ? html : html.filter((page) => String(page.contents).includes('data-pagefind-body'))
  const hash = createHash('sha1').update(lang).update(byKey ? '\u0000keys\u0000' : '\u0000contents\u0000')
  for (const page of indexed) hash.update(page.path).update('\u0000').update(byKey ? page.key! : page.contents).update('\u0000')
  const key = hash.digest('hex')
  const stateFile = path.join(options.cacheDir, 'search.json')
  const previous = await previousIndex(stateFile, key, options.outDir)
  if (previous) return previous
  const files = await searchIndex(pages, lang)
  try {
    await fs.mkdir(options.cacheDir, {recursive: true})
    await fs.writeFile(stateFile, JSON.stringify({key, files: files.map((f) => [f.path, Buffer.byteLength(f.contents)])}))
  } catch {
    // A cache that cannot be written is skipped.
  }
  return files
}

/** The previous index's files, when it was made from the same pages and is still all there. */
async function previousIndex(stateFile: string, key: string, outDir: string): Promise<OutputFile[] | undefined> {
  let state: {key?: unknown; files?: unknown}
  try {
    state = JSON.parse(await fs.readFile(stateFile, 'utf8')) as typeof state
  } catch {
    return undefined
  }
  const valid = (f: unknown): f is [string, number] => Array.isArray(f) && typeof f[0] === 'string' && f[0].startsWith('pagefind/') && !f[0].includes('..') && typeof f[1] === 'number'
  if (state.key !== key || !Array.isArray(state.files) || !state.files.every(valid)) return undefined
  const files = await mapLimit(state.files as [string, number][], 32, async ([file, size]) => {
    const from = path.join(outDir, file)
    const stat = await fs.lstat(from).catch(() => undefined)
    if (!stat?.isFile() || stat.size !== size) return undefined
    return new PreviousFile(file, size, from, () => {
      throw new Error(`${from} changed while the site was being built; build again`)
    })
  })
  return files.every((f) => f !== undefined) ? files : undefined
}
