import {createHash} from 'node:crypto'
import type {Dirent} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {ResolvedConfig} from '../../config/types.js'
import {BouncebackError} from '../../errors.js'
import type {Layout, LayoutName} from './page-data.js'
import type {OutputFile} from '../../types.js'

export const layoutNames: readonly LayoutName[] = [
  'base',
  'home',
  'archive',
  'entry',
  'lessons',
  'lesson',
  'growth',
  'actions',
  'tags',
  'tag',
  'search',
  'not-found'
]

export interface LoadedLayout {
  fn: Layout<LayoutName>
  /** The file it came from, for error messages. */
  file: string
}

export type {OutputFile}

export interface Theme {
  layouts: Record<LayoutName, LoadedLayout>
  assets: OutputFile[]
  /** A digest of every file in the theme's folders (and the default theme's it falls back to). */
  digest: string
}

/**
 * Load a theme: each layout from the theme's `layouts/` when it has one, else from the default
 * theme; every file of the theme's `assets/` is copied to `assets/` in the output.
 */
export async function loadTheme(config: ResolvedConfig, options: {fresh?: boolean} = {}): Promise<Theme> {
  const dirs = config.themeDir === config.defaultThemeDir ? [config.themeDir] : [config.themeDir, config.defaultThemeDir]
  try {
    await fs.access(config.themeDir)
  } catch {
    throw new BouncebackError('THEME_INVALID', `Theme folder not found: ${config.themeDir}`)
  }
  const layouts = {} as Record<LayoutName, LoadedLayout>
  // Modules are cached by URL: `watch` asks for fresh copies after a theme file changed.
  const version = options.fresh ? `?v=${Date.now()}-${++loads}` : ''
  for (const name of layoutNames) layouts[name] = await loadLayout(name, dirs, version)
  const assets = new Map<string, OutputFile>()
  for (const dir of [...dirs].reverse()) {
    for (const file of await listFiles(path.join(dir, 'assets'))) {
      assets.set(file.rel, {path: `assets/${file.rel}`, contents: await fs.readFile(file.abs)})
    }
  }
  const digest = createHash('sha1')
  for (const dir of dirs) {
    for (const file of (await listFiles(dir)).sort((a, b) => (a.rel < b.rel ? -1 : 1)))
      digest
        .update(file.rel)
        .update('\u0000')
        .update(await fs.readFile(file.abs))
        .update('\u0000')
  }
  return {layouts, assets: [...assets.values()].sort((a, b) => (a.path < b.path ? -1 : 1)), digest: digest.digest('hex')}
}

let loads = 0

async function loadLayout(name: LayoutName, dirs: readonly string[], version: string): Promise<LoadedLayout> {
  for (const dir of dirs) {
    const file = path.join(dir, 'layouts', `${name}.js`)
    try {
      await fs.access(file)
    } catch {
      continue
    }
    let mod: {default?: unknown}
    try {
      mod = (await import(pathToFileURL(file).href + version)) as {default?: unknown}
    } catch (error) {
      throw new BouncebackError('THEME_INVALID', `Layout ${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error
      })
    }
    if (typeof mod.default !== 'function') {
      throw new BouncebackError('THEME_INVALID', `Layout ${file} must \`export default\` a function from page data to a hast tree`)
    }
    return {fn: mod.default as Layout<LayoutName>, file}
  }
  throw new BouncebackError('THEME_INVALID', `No \`${name}\` layout: expected layouts/${name}.js in ${dirs.join(' or ')}`)
}

async function listFiles(dir: string, prefix = ''): Promise<{abs: string; rel: string}[]> {
  let dirents: Dirent[]
  try {
    dirents = await fs.readdir(dir, {withFileTypes: true})
  } catch {
    return []
  }
  const files: {abs: string; rel: string}[] = []
  for (const dirent of dirents) {
    if (dirent.name.startsWith('.')) continue
    const abs = path.join(dir, dirent.name)
    const rel = prefix ? `${prefix}/${dirent.name}` : dirent.name
    if (dirent.isDirectory()) files.push(...(await listFiles(abs, rel)))
    else if (dirent.isFile()) files.push({abs, rel})
  }
  return files
}
