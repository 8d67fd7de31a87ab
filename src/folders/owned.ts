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

/** The file a build writes into the output folder, by which later builds know the folder is theirs. */
export const outputMarker = '.bounceback'

export function outputMarkerText(): string {
  return `${JSON.stringify({generator: 'bounceback', version: toolVersion, note: 'This folder is written by `bounceback build`, which replaces it as a whole.'})}\n`
}

/** A cache folder tagged by the Cache Directory Tagging standard, which backup tools skip. */
export const cacheTag = 'CACHEDIR.TAG'
const cacheSignature = 'Signature: 8a477f597d28d172789f06886806bc55'
export const cacheTagText = `${cacheSignature}\n# This folder is bounceback's cache (https://bford.info/cachedir/): per-entry results and\n# page records. Deleting it is always safe; the next build makes it again.\n`

/**
 * Look at `dir` without following a symbolic link at its place and without opening anything
 * but regular files: `isOurs` decides from the names inside whether the folder is ours.
 */
export async function folderState(dir: string, isOurs: (dir: string, names: readonly string[]) => Promise<boolean>): Promise<FolderState> {
  let stat
  try {
    stat = await fs.lstat(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {kind: 'missing'}
    throw error
  }
  if (stat.isSymbolicLink()) return {kind: 'link', target: await fs.readlink(dir).catch(() => '?')}
  if (!stat.isDirectory()) return {kind: 'not-a-folder'}
  const names = (await fs.readdir(dir)).sort()
  if (names.length === 0) return {kind: 'empty'}
  if (names.includes('.git')) return {kind: 'repository'}
  if (await isOurs(dir, names)) return {kind: 'ours'}
  return {kind: 'foreign', names}
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
const legacyCacheFiles: Readonly<Record<string, string>> = {'entries.json': '{"format":"bounceback-', 'pages.json': '{"format":"bounceback-', 'search.json': '{"stamp":"'}
const temporaryFile = /^(?:entries|pages|search)\.json\.[0-9a-f]{8}\.tmp$/

/**
 * Whether a cache folder is ours: it holds our tag, or only files an earlier bounceback wrote
 * there, each starting as ours do.
 */
export async function isOurCache(dir: string, names: readonly string[]): Promise<boolean> {
  if (names.includes(cacheTag)) {
    const text = await smallFile(path.join(dir, cacheTag))
    return text !== undefined && text.startsWith(cacheSignature) && text.includes('bounceback')
  }
  for (const name of names) {
    if (temporaryFile.test(name)) continue
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
 * write would land in, even when the last parts are still to be made.
 */
export async function realTarget(target: string): Promise<string> {
  const rest: string[] = []
  let dir = path.resolve(target)
  for (;;) {
    try {
      return path.join(await fs.realpath(dir), ...rest.reverse())
    } catch {
      const parent = path.dirname(dir)
      if (parent === dir) return path.resolve(target)
      rest.push(path.basename(dir))
      dir = parent
    }
  }
}

/** The places with their symbolic links resolved, so a link cannot lead a folder around a rule. */
export async function realPlaces(places: Readonly<Places>): Promise<Places> {
  const real = async (p: string | undefined) => (p === undefined ? undefined : realTarget(p))
  const [root, contentDir, themeDir, configFile, outDir, cacheDir, cwd, home, packageDir, defaultThemeDir] = await Promise.all(
    [places.root, places.contentDir, places.themeDir, places.configFile, places.outDir, places.cacheDir, places.cwd, places.home, places.packageDir, places.defaultThemeDir].map(real)
  )
  return {root: root!, contentDir: contentDir!, themeDir: themeDir!, configFile, outDir: outDir!, cacheDir, cwd: cwd!, home: home!, packageDir: packageDir!, defaultThemeDir: defaultThemeDir!}
}
