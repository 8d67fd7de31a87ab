import path from 'node:path'
import {loadConfig} from '../config/load.js'
import {init} from '../scaffold/init.js'
import {newEntry, type ThemeHint} from '../scaffold/new-entry.js'
import {Engine} from '../pipeline/engine.js'
import {displayPath} from './display-path.js'
import type {CliIO} from './io.js'

export interface ScaffoldOptions {
  root: string
  /** The folder for `init`, the title for `new`. */
  arg: string | undefined
  date?: string
  tags?: string
  /** `new`: write a draft (the default). */
  draft?: boolean
}

/**
 * The hashtags the site's lessons use, most used first, for the new entry's lessons prompt. A
 * project that cannot be read yet (no content folder) simply has none.
 */
async function themesInUse(root: string, cwd: string): Promise<ThemeHint[]> {
  try {
    const engine = await Engine.open({root, cwd})
    const {site} = await engine.analyse().finally(() => engine.close())
    return site.themes
      .filter((t) => t.hashtags.length > 0)
      .sort((a, b) => b.count - a.count || (a.hashtags[0]! < b.hashtags[0]! ? -1 : 1))
      .map((t) => ({tag: t.hashtags[0]!, count: t.count, example: t.text}))
  } catch {
    return []
  }
}

/** `bounceback init [folder]` and `bounceback new "Title"`: they create files, never overwrite. */
export async function runScaffold(command: 'init' | 'new', options: ScaffoldOptions, io: CliIO): Promise<number> {
  if (command === 'init') {
    const dir = path.resolve(options.root, options.arg ?? '.')
    const result = await init(dir)
    const where = displayPath(io.cwd, dir)
    for (const file of result.created) io.stdout(`created  ${path.join(where, file)}`)
    for (const file of result.kept) io.stdout(`kept     ${path.join(where, file)} (already there, left as it was)`)
    io.stdout(`\nNext: ${where === '.' ? '' : `cd ${where} && `}npm install && npx bounceback watch`)
    return 0
  }
  const config = await loadConfig({root: options.root})
  const tags = options.tags
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  const draft = options.draft !== false
  const themes = await themesInUse(options.root, io.cwd)
  const file = await newEntry(config, {
    title: options.arg!,
    draft,
    themes,
    ...(options.date !== undefined ? {date: options.date} : {}),
    ...(tags ? {tags} : {})
  })
  io.stdout(displayPath(io.cwd, file))
  io.stdout(
    draft
      ? '\nNext: answer each question under its heading (`bounceback watch` shows the page as you write). It is a draft: checked, not ' +
          'published; remove `draft: true` when it is done.'
      : '\nNext: answer each question under its heading; it is published once every section is answered.'
  )
  return 0
}
