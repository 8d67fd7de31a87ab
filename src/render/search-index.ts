import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
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
 * (a digest of them is kept in the cache folder): a build that changed nothing Pagefind reads
 * does not run Pagefind. Anything missing or different runs it afresh.
 */
export async function searchIndexReusing(pages: readonly OutputFile[], lang: string, options: {cacheDir: string; outDir: string}): Promise<OutputFile[]> {
  const indexed = pages.filter((page) => page.path.endsWith('.html') && String(page.contents).includes('data-pagefind-body'))
  const hash = createHash('sha1').update(lang)
  for (const page of indexed) hash.update(page.path).update('\u0000').update(page.contents).update('\u0000')
  const key = hash.digest('hex')
  const stateFile = path.join(options.cacheDir, 'search.json')
  try {
    const state = JSON.parse(await fs.readFile(stateFile, 'utf8')) as {key?: unknown; files?: unknown}
    if (state.key === key && Array.isArray(state.files) && state.files.every((f) => typeof f === 'string' && f.startsWith('pagefind/') && !f.includes('..'))) {
      return await Promise.all((state.files as string[]).map(async (file) => ({path: file, contents: await fs.readFile(path.join(options.outDir, file))})))
    }
  } catch {
    // No index to reuse: build one.
  }
  const files = await searchIndex(pages, lang)
  try {
    await fs.mkdir(options.cacheDir, {recursive: true})
    await fs.writeFile(stateFile, JSON.stringify({key, files: files.map((f) => f.path)}))
  } catch {
    // A cache that cannot be written is skipped.
  }
  return files
}
