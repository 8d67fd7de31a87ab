import type {Dirent} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {BouncebackError} from '../../errors.js'
import type {ResolvedConfig} from '../../config/types.js'
import {fileProblem} from '../../diagnostics.js'
import type {Diagnostic} from '../../types.js'

/** A Markdown file found under the content folder. */
export interface SourceFile {
  /** Absolute path. */
  path: string
  /** Relative to the project root, `/`-separated: how messages name it. */
  file: string
  /** Relative to the content folder, `/`-separated. */
  source: string
}

export interface Discovered {
  sources: SourceFile[]
  messages: Diagnostic[]
  /** The content folder's real path: every entry read must lie inside it. */
  contentReal: string
  /** There is no content folder (watch, told it may be missing): no entries yet. */
  missing?: boolean
}

export interface DiscoverOptions {
  /** A missing content folder is a site with no entries yet, not an error (watch: it may be made while watching). */
  missingIsEmpty?: boolean
}

const entryExtension = /\.(md|markdown)$/i
const ignoredNames = new Set(['node_modules'])

/**
 * List every entry under the content folder, in a stable order. Hidden files are skipped; a
 * symbolic link is followed only while it stays inside the content folder.
 */
export async function discover(config: ResolvedConfig, options: DiscoverOptions = {}): Promise<Discovered> {
  const real = await realContentDir(config.contentDir, options.missingIsEmpty === true)
  if (real === undefined) return {sources: [], messages: [], contentReal: config.contentDir, missing: true}
  const rootReal = real
  const sources: SourceFile[] = []
  const messages: Diagnostic[] = []
  const visited = new Set<string>([rootReal])
  const found: {source: SourceFile; real: string; link: boolean}[] = []
  const toFile = (abs: string) => toPosix(path.relative(config.root, abs))

  async function walk(dir: string): Promise<void> {
    let dirents: Dirent[]
    try {
      dirents = await fs.readdir(dir, {withFileTypes: true})
    } catch (error) {
      // A folder that cannot be listed costs one message; the rest of the content is still read.
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
      messages.push(
        fileProblem(
          toFile(dir) || '.',
          'file/unreadable',
          `Unexpected folder that cannot be read (${code}), expected a folder bounceback can list: its entries were not checked`
        )
      )
      return
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    let dirReal: string | undefined
    for (const dirent of dirents) {
      if (dirent.name.startsWith('.') || ignoredNames.has(dirent.name)) continue
      const abs = path.join(dir, dirent.name)
      let isDir = dirent.isDirectory()
      let isFile = dirent.isFile()
      if (dirent.isSymbolicLink()) {
        const target = await fs.realpath(abs).catch(() => undefined)
        if (target === undefined) {
          if (entryExtension.test(dirent.name))
            messages.push(fileProblem(toFile(abs), 'file/broken-link', 'Unexpected broken symbolic link, expected a link to a file inside the content folder'))
          continue
        }
        if (target !== rootReal && !isInside(rootReal, target)) {
          // A link out to a file that is not an entry (an image) is refused where an entry uses it (extract/local-files.ts).
          if (!entryExtension.test(dirent.name) && !(await fs.stat(abs)).isDirectory()) continue
          messages.push(
            fileProblem(
              toFile(abs),
              'file/outside-content',
              'Unexpected symbolic link to a path outside the content folder, expected entries to live inside it: move the file into the content folder'
            )
          )
          continue
        }
        const stat = await fs.stat(abs)
        isDir = stat.isDirectory()
        isFile = stat.isFile()
        if (isDir && visited.has(target)) continue
        if (isDir) visited.add(target)
      }
      if (isDir) await walk(abs)
      else if (isFile && entryExtension.test(dirent.name)) {
        const real = dirent.isSymbolicLink() ? await fs.realpath(abs) : path.join((dirReal ??= await fs.realpath(dir)), dirent.name)
        found.push({source: {path: abs, file: toFile(abs), source: toPosix(path.relative(config.contentDir, abs))}, real, link: dirent.isSymbolicLink()})
      }
    }
  }

  await walk(config.contentDir)
  // A file reached by more than one path (through symbolic links) is one entry, read by its
  // own path when it has one in the content folder.
  const byReal = new Map<string, (typeof found)[number]>()
  for (const item of found) {
    const kept = byReal.get(item.real)
    if (!kept || (kept.link && !item.link)) byReal.set(item.real, item)
  }
  for (const item of found) {
    const kept = byReal.get(item.real)!
    if (kept === item) sources.push(item.source)
    else
      messages.push({
        ...fileProblem(
          item.source.file,
          'file/duplicate-link',
          `Unexpected second path to \`${kept.source.file}\` through a symbolic link, expected each entry once: it is read only as \`${kept.source.file}\``
        ),
        severity: 'warning'
      })
  }
  return {sources, messages, contentReal: rootReal}
}

/** The content folder's real path; `undefined` when nothing is there and that may be. */
async function realContentDir(dir: string, mayBeMissing: boolean): Promise<string | undefined> {
  try {
    const real = await fs.realpath(dir)
    if ((await fs.stat(real)).isDirectory()) return real
  } catch (error) {
    // Only nothing there at all may be: a file, or a folder that cannot be reached, is reported below.
    if (mayBeMissing && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
  }
  throw new BouncebackError('CONTENT_NOT_FOUND', `No content folder at ${dir}: create it and add an entry, or set \`content\` in the config`)
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}
