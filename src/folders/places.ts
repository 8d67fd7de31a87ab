import os from 'node:os'
import path from 'node:path'

/** The two folders bounceback writes into and owns: the built site and the cache. */
export type FolderRole = 'output' | 'cache'

/** Everything the output and cache folders must keep clear of, as absolute paths. */
export interface Places {
  root: string
  contentDir: string
  themeDir: string
  configFile: string | undefined
  outDir: string
  /** `undefined` when the cache is off. */
  cacheDir: string | undefined
  /** Where the command was run from. */
  cwd: string
  home: string
  /** bounceback's own installed folder, and its default theme inside it. */
  packageDir: string
  defaultThemeDir: string
  /** The folder copied into the output as it is (`public/`): the output may not be, hold or lie in it. */
  publicDir?: string
}

/**
 * Folders of the operating system that no build may ever replace or fill with cache files:
 * `exact` ones themselves (a deploy may go inside `/var` or `/srv`), `within` ones and
 * everything inside them (nothing of a site belongs in `/etc` or `/usr/bin`).
 */
export function systemFolders(platform: NodeJS.Platform = process.platform): {exact: string[]; within: string[]} {
  if (platform === 'win32') {
    const drive = path.win32.parse(process.env.SystemRoot ?? 'C:\\Windows').root
    const join = (names: string[]) => names.map((name) => path.win32.join(drive, name))
    return {exact: join(['Users']).concat(os.tmpdir()), within: join(['Windows', 'Program Files', 'Program Files (x86)', 'ProgramData'])}
  }
  const exact = [
    'home',
    'media',
    'mnt',
    'opt',
    'root',
    'srv',
    'tmp',
    'usr',
    'usr/local',
    'usr/share',
    'var',
    'var/tmp',
    'Applications',
    'Users',
    'Volumes',
    'private',
    'private/tmp',
    'private/var'
  ]
  const within = [
    'bin',
    'boot',
    'dev',
    'etc',
    'lib',
    'lib32',
    'lib64',
    'libx32',
    'proc',
    'run',
    'sbin',
    'snap',
    'sys',
    'usr/bin',
    'usr/include',
    'usr/lib',
    'usr/lib32',
    'usr/lib64',
    'usr/libexec',
    'usr/sbin',
    'usr/src',
    'usr/local/bin',
    'usr/local/lib',
    'usr/local/sbin',
    'var/cache',
    'var/lib',
    'var/log',
    'var/mail',
    'var/run',
    'var/spool',
    'Library',
    'System',
    'cores',
    'private/etc',
    'private/var/db',
    'opt/homebrew'
  ]
  return {exact: exact.map((name) => `/${name}`).concat(os.tmpdir()), within: within.map((name) => `/${name}`)}
}

const caseless = process.platform === 'win32' || process.platform === 'darwin'

/** Compare paths the way the file system does: without case on Windows and macOS. */
function key(p: string): string {
  const normal = path.resolve(p)
  return caseless ? normal.toLowerCase() : normal
}

/** A name as the file system compares it. */
function nameKey(name: string): string {
  return caseless ? name.toLowerCase() : name
}

/** Whether `child` is `parent` or lies inside it. */
export function within(child: string, parent: string): boolean {
  const relative = path.relative(key(parent), key(child))
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

const versionControl = new Set(['.git', '.hg', '.svn'])

/**
 * Why `target` may not be the output (or cache) folder, or `undefined` when it may. A pure
 * function of paths: the caller runs it on the paths as written and again on the real paths.
 *
 * The output folder is replaced as a whole, so it may not be, hold or lie inside anything
 * else of the project, nor be or hold the current folder, the home folder, a system folder or
 * the root of the file system. The cache only writes files of its own, so it may lie inside
 * `node_modules` (its usual place), but no deeper rule is relaxed.
 */
export function folderRefusal(role: FolderRole, target: string, places: Places, system = systemFolders()): string | undefined {
  const resolved = path.resolve(target)
  if (path.parse(resolved).root === resolved) return 'the root of the file system'
  if (system.exact.some((dir) => key(dir) === key(resolved))) return 'a system folder'
  const systemParent = system.within.find((dir) => within(resolved, dir))
  if (systemParent) return key(systemParent) === key(resolved) ? 'a system folder' : `inside a system folder (${systemParent})`
  const holds = (dir: string | undefined) => dir !== undefined && within(dir, resolved)
  const inside = (dir: string | undefined) => dir !== undefined && within(resolved, dir)
  const both = (dir: string | undefined, what: string) =>
    holds(dir) ? (key(dir!) === key(resolved) ? what : `a folder that holds ${what}`) : inside(dir) ? `inside ${what}` : undefined
  const above = (dir: string, what: string) => (holds(dir) ? (key(dir) === key(resolved) ? what : `a folder that holds ${what}`) : undefined)
  const other = role === 'output' ? places.cacheDir : places.outDir
  const reason =
    above(places.home, 'your home folder') ??
    above(places.cwd, 'the current folder') ??
    above(places.root, 'the project folder') ??
    (places.configFile ? above(places.configFile, 'the config file') : undefined) ??
    both(places.contentDir, 'the content folder') ??
    both(places.themeDir, 'the theme folder') ??
    both(places.publicDir, 'the public folder') ??
    above(places.packageDir, "bounceback's own folder") ??
    both(places.defaultThemeDir, "bounceback's default theme") ??
    // Building bounceback's own sample site is the one time a project lies inside it.
    (within(places.root, places.packageDir) ? undefined : both(places.packageDir, "bounceback's own folder")) ??
    both(other, role === 'output' ? 'the cache folder' : 'the output folder')
  if (reason) return reason
  const segments = path.relative(path.parse(resolved).root, resolved).split(path.sep)
  const special = segments.find((segment) => versionControl.has(nameKey(segment)) || (role === 'output' && nameKey(segment) === 'node_modules'))
  if (special) return segments.at(-1) === special ? `a \`${special}\` folder` : `inside a \`${special}\` folder`
  return undefined
}

/** The sentence for a refusal: what the folder is, why it is refused, and what to do. */
export function refusalMessage(role: FolderRole, target: string, reason: string): string {
  if (role === 'output') {
    return (
      `\`output\` (${target}) is ${reason}. bounceback replaces its output folder as a whole on every build, so it never writes there: ` +
      `choose a folder of its own, such as \`dist\``
    )
  }
  return (
    `The cache folder (${target}) is ${reason}, where bounceback never keeps its cache: choose a folder of its own with ` +
    `\`--cache-dir\`, or leave it out to use node_modules/.cache/bounceback`
  )
}
