import type {Stats} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {toolVersion} from '../config/version.js'
import type {Places} from './places.js'

/** What is at a folder's path, as far as deciding whether bounceback may write there. */
export type FolderState =
  | {kind: 'missing'}
  | {kind: 'empty'}
  | {kind: 'ours'}
  | {kind: 'foreign'; names: string[]}
  | {kind: 'repository'}
  | {kind: 'link'; target: string}
  | {kind: 'not-a-folder'}
  /** A part of the path is a file, so no folder can be there. */
  | {kind: 'under-a-file'}

/** The file a build writes into the output folder, by which later builds know the folder is theirs. */
export const outputMarker = '.bounceback'

export function outputMarkerText(): string {
  const note = 'This folder is written by `bounceback build`, which replaces it as a whole.'
  return `${JSON.stringify({generator: 'bounceback', version: toolVersion, note})}\n`
}

/** A cache folder tagged by the Cache Directory Tagging standard, which backup tools skip. */
export const cacheTag = 'CACHEDIR.TAG'
const cacheSignature = 'Signature: 8a477f597d28d172789f06886806bc55'
export const cacheTagText =
  `${cacheSignature}\n# This folder is bounceback's cache (https://bford.info/cachedir/): per-entry results ` +
  `and\n# page records. Deleting it is always safe; the next build makes it again.\n`

/**
 * Look at `dir` without following a symbolic link at its place and without opening anything
 * but regular files: `isOurs` decides from the names inside whether the folder is ours.
 */
export async function folderState(dir: string, isOurs: (dir: string, names: readonly string[]) => Promise<boolean>): Promise<FolderState> {
  let stat: Stats
  try {
    stat = await fs.lstat(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return {kind: 'missing'}
    if (code === 'ENOTDIR') return {kind: 'under-a-file'}
    throw error
  }
  if (stat.isSymbolicLink()) return {kind: 'link', target: await fs.readlink(dir).catch(() => '?')}
  if (!stat.isDirectory()) return {kind: 'not-a-folder'}
  const names = (await fs.readdir(dir)).sort()
  if (names.length === 0) return {kind: 'empty'}
  if (names.some((name) => versionControl.has(name))) return {kind: 'repository'}
  if (await isOurs(dir, names)) return {kind: 'ours'}
  return {kind: 'foreign', names}
}

const versionControl = new Set(['.git', '.hg', '.svn'])

/**
 * The first repository (a `.git`, `.hg` or `.svn` folder) anywhere inside `dir`, relative to
 * it; `'too many files'` when there are more than `limit` entries to look through, since a
 * folder that large is not replaced on the strength of a flag.
 */
export async function findRepository(dir: string, limit = 100_000): Promise<string | 'too many files' | undefined> {
  let seen = 0
  const pending = ['']
  while (pending.length > 0) {
    const relative = pending.pop()!
    const dirents = await fs.readdir(path.join(dir, relative), {withFileTypes: true})
    for (const dirent of dirents) {
      if (++seen > limit) return 'too many files'
      const name = path.join(relative, dirent.name)
      if (versionControl.has(dirent.name)) return name
      if (dirent.isDirectory()) pending.push(name)
    }
  }
  return undefined
}

/** Whether an output folder holds the marker a build writes. */
export async function isOurOutput(dir: string, names: readonly string[]): Promise<boolean> {
  if (!names.includes(outputMarker)) return false
  const text = await smallFile(path.join(dir, outputMarker))
  if (text === undefined) return false
  try {
    return (JSON.parse(text) as {generator?: unknown}).generator === 'bounceback'
  } catch {
    return false
  }
}

/** Files an earlier cache (before the tag) held, and how each of them starts. */
const legacyCacheFiles: Readonly<Record<string, string>> = {
  'entries.json': '{"format":"bounceback-',
  'pages.json': '{"format":"bounceback-',
  'search.json': '{"stamp":"'
}

/**
 * Whether a cache folder is ours: it holds our tag, or only the files an earlier bounceback
 * wrote there (its entry cache or page record among them), each starting as ours do.
 */
export async function isOurCache(dir: string, names: readonly string[]): Promise<boolean> {
  if (names.includes(cacheTag)) {
    const text = await smallFile(path.join(dir, cacheTag))
    return text?.startsWith(cacheSignature) === true && text.includes('bounceback')
  }
  if (!names.includes('entries.json') && !names.includes('pages.json')) return false
  for (const name of names) {
    const start = legacyCacheFiles[name]
    if (start === undefined) return false
    const head = await fileHead(path.join(dir, name), start.length)
    if (head !== start) return false
  }
  return true
}

/** A regular file's text when it is small, else `undefined`; never opens a FIFO or a device. */
async function smallFile(file: string): Promise<string | undefined> {
  const stat = await fs.lstat(file).catch(() => undefined)
  if (!stat?.isFile() || stat.size > 4096) return undefined
  return fileHead(file, 4096)
}

async function fileHead(file: string, length: number): Promise<string | undefined> {
  const stat = await fs.lstat(file).catch(() => undefined)
  if (!stat?.isFile()) return undefined
  const handle = await fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK).catch(() => undefined)
  if (!handle) return undefined
  try {
    const buffer = Buffer.alloc(length)
    const {bytesRead} = await handle.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
}

/**
 * A path with every symbolic link in it resolved, as far as it exists: the real folder a
 * write would land in, even when the last parts are still to be made. `blocked` says why no
 * folder can ever be made there: a part of it is a file, or a link that leads nowhere (whose
 * target could be made later, anywhere).
 */
export async function resolveReal(target: string): Promise<{real: string; blocked?: string}> {
  const rest: string[] = []
  let dir = path.resolve(target)
  for (;;) {
    const stat = await fs.lstat(dir).catch(() => undefined)
    if (stat) {
      if (stat.isSymbolicLink() && !(await fs.stat(dir).catch(() => undefined))) {
        return {real: path.resolve(target), blocked: `a broken symbolic link (${dir})`}
      }
      const real = await fs.realpath(dir)
      if (rest.length > 0 && !(await fs.stat(real)).isDirectory()) return {real: path.join(real, ...rest.reverse()), blocked: `a file (${dir})`}
      return {real: path.join(real, ...rest.reverse())}
    }
    const parent = path.dirname(dir)
    if (parent === dir) return {real: path.resolve(target)}
    rest.push(path.basename(dir))
    dir = parent
  }
}

export async function realTarget(target: string): Promise<string> {
  return (await resolveReal(target)).real
}

/** The places with their symbolic links resolved, so a link cannot lead a folder around a rule. */
export async function realPlaces(places: Readonly<Places>): Promise<Places> {
  const real = async (p: string | undefined) => (p === undefined ? undefined : realTarget(p))
  const [root, contentDir, themeDir, configFile, outDir, cacheDir, cwd, home, packageDir, defaultThemeDir, publicDir] = await Promise.all(
    [
      places.root,
      places.contentDir,
      places.themeDir,
      places.configFile,
      places.outDir,
      places.cacheDir,
      places.cwd,
      places.home,
      places.packageDir,
      places.defaultThemeDir,
      places.publicDir
    ].map(real)
  )
  return {
    root: root!,
    contentDir: contentDir!,
    themeDir: themeDir!,
    configFile,
    outDir: outDir!,
    cacheDir,
    cwd: cwd!,
    home: home!,
    packageDir: packageDir!,
    defaultThemeDir: defaultThemeDir!,
    ...(publicDir === undefined ? {} : {publicDir})
  }
}
