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
