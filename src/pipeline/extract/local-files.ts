import {createHash} from 'node:crypto'
import {closeSync, constants, fstatSync, openSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Element, Root as HastRoot} from 'hast'
import {imageSize} from 'image-size'
import type {ResolvedConfig} from '../../config/types.js'
import {fileProblem} from '../../diagnostics.js'
import type {RuleId} from '../../rules.js'
import type {Diagnostic, EntryAsset, FileUse} from '../../types.js'
import {byteSize, isInside, readAll} from '../discover/read-source.js'
import type {SourceFile} from '../discover/discover.js'
import {eachElement} from './each-element.js'

/** What an entry's local files gave: the files to copy, every file looked at, and the problems. */
export interface LocalFiles {
  assets: EntryAsset[]
  uses: FileUse[]
  messages: Diagnostic[]
}

/** Where copied files go in the output, under their name and a digest of their bytes. */
export const assetFolder = 'assets/files'

/** A link to a file rather than to a page: its last segment has an extension, and not a page's. */
const fileLink = /\.[a-z0-9]{1,10}$/i
const pageLink = /\.(?:md|markdown|html?)$/i

const realContent = new WeakMap<ResolvedConfig, string>()

/**
 * Find the images (`<img src>`) and file links (`<a href>` to `x.pdf`) of an entry's HTML
 * tree that point at a file by a relative path, check each lies inside the content folder and
 * is there, and point them at the file's copy in the output, `assets/files/<name>.<hash>.<ext>`:
 * a new version of a file is a new address, so no browser shows a stale one. Images get their
 * `width` and `height`, so a page does not shift as they load. Links to pages, site-absolute
 * paths, in-page anchors and URLs with a scheme are left as they are.
 */
export function localFiles(tree: HastRoot, source: SourceFile, config: ResolvedConfig): LocalFiles {
  const found: LocalFiles = {assets: [], uses: [], messages: []}
  const seen = new Map<string, Resolved>()
  eachElement(tree, (node) => {
    const attribute = node.tagName === 'img' ? 'src' : node.tagName === 'a' ? 'href' : undefined
    if (attribute === undefined) return
    const url = node.properties[attribute]
    if (typeof url !== 'string' || !isRelative(url)) return
    const [target, suffix] = splitSuffix(url)
    if (node.tagName === 'a' && (!fileLink.test(target) || pageLink.test(target))) return
    const rel = resolveInside(target, source.source)
    let resolved = rel === undefined ? undefined : seen.get(rel)
    if (!resolved) {
      resolved = rel === undefined ? {problem: outside(url)} : readLocal(rel, url, config)
      if (rel !== undefined) {
        seen.set(rel, resolved)
        found.uses.push(resolved.use ?? {source: rel, size: -1, mtimeMs: -1})
        if (resolved.asset) found.assets.push(resolved.asset)
      }
    }
    if (resolved.problem) {
      found.messages.push(at(node, source.file, resolved.problem))
      return
    }
    node.properties[attribute] = config.site.base + resolved.asset!.output + suffix
    if (node.tagName === 'img' && resolved.size) sizeImage(node, resolved.size)
  })
  return found
}

/** Both dimensions, or the one the writer left out in the image's proportion: the browser keeps the room before it loads. */
function sizeImage(node: Element, size: {width: number; height: number}): void {
  const given = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : Number(value))
  const width = given(node.properties.width)
  const height = given(node.properties.height)
  if (width === undefined && height === undefined) {
    node.properties.width = size.width
    node.properties.height = size.height
  } else if (height === undefined && width! > 0) node.properties.height = Math.round((width! * size.height) / size.width)
  else if (width === undefined && height! > 0) node.properties.width = Math.round((height! * size.width) / size.height)
}

interface Resolved {
  asset?: EntryAsset
  use?: FileUse
  size?: {width: number; height: number}
  problem?: {ruleId: RuleId; reason: string}
}

/** No scheme, not `//host`, not site-absolute, not an in-page anchor or a query alone. */
function isRelative(url: string): boolean {
  return url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[/\\#?]/.test(url)
}

/** `a%20b.png?x#y` is the file `a b.png` and the suffix `?x#y`, kept on the new address. */
function splitSuffix(url: string): [string, string] {
  const at = url.search(/[?#]/)
  const raw = at === -1 ? url : url.slice(0, at)
  let decoded = raw
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    // A lone `%` is a character of the name.
  }
  return [decoded.replaceAll('\\', '/'), at === -1 ? '' : url.slice(at)]
}

/** The target relative to the content folder, or `undefined` when the path leaves it. */
function resolveInside(target: string, entry: string): string | undefined {
  if (target.includes('\0')) return undefined
  const rel = path.posix.normalize(path.posix.join(path.posix.dirname(entry), target))
  return rel === '..' || rel.startsWith('../') || rel.startsWith('/') || rel === '.' ? undefined : rel
}

const outside = (url: string) => ({
  ruleId: 'asset/outside' as const,
  reason: `Unexpected path \`${url}\` that leads outside the content folder, expected a file inside it: move the file beside the entry`
})

/** Read one file the entry uses, with the checks an entry's own file gets: inside the content folder, a regular file, not too large. */
function readLocal(rel: string, url: string, config: ResolvedConfig): Resolved {
  const abs = path.join(config.contentDir, ...rel.split('/'))
  const use = statUse(rel, abs)
  const problem = (ruleId: RuleId, reason: string): Resolved => ({use, problem: {ruleId, reason}})
  const shown = path.relative(config.root, abs).split(path.sep).join('/')
  const missing = `Missing file \`${url}\` (${shown}), expected it beside the entry: add it, or fix the path`
  let real: string
  try {
    real = realpathSync(abs)
  } catch {
    return problem('asset/missing', missing)
  }
  const inside = contentReal(config)
  // The content folder itself (`./`) is a folder, not a file: refused below as one.
  if (real !== inside && !isInside(inside, real)) {
    return problem(
      'asset/outside',
      `Unexpected symbolic link \`${url}\` to a path outside the content folder, expected files to live inside it: move the file into the content folder`
    )
  }
  let fd: number
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch {
    return problem('asset/missing', missing)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return problem('asset/missing', `Unexpected \`${url}\` that is not a regular file, expected an image or a file to copy`)
    const limit = config.limits.assetSize
    if (stat.size > limit)
      return problem(
        'asset/too-large',
        `Unexpected file \`${url}\` of ${byteSize(stat.size)}, expected at most ${byteSize(limit)}: shrink it, or raise \`limits.assetSize\``
      )
    const bytes = readAll(fd, stat.size)
    const hash = createHash('sha1').update(bytes).digest('hex')
    const asset = {source: rel, output: outputName(rel, hash), size: bytes.length, hash}
    return {asset, use, ...dimensions(bytes)}
  } finally {
    closeSync(fd)
  }
}

function statUse(rel: string, abs: string): FileUse {
  const stat = statSync(abs, {throwIfNoEntry: false})
  return stat ? {source: rel, size: stat.size, mtimeMs: stat.mtimeMs} : {source: rel, size: -1, mtimeMs: -1}
}

/** An image's width and height (in CSS pixels, as the file declares them), when it is one whose header says. */
function dimensions(bytes: Uint8Array): {size?: {width: number; height: number}} {
  try {
    const {width, height, orientation} = imageSize(bytes)
    if (!(width > 0 && height > 0)) return {}
    // EXIF orientations 5 to 8 turn the picture a quarter: browsers show it so.
    return {size: orientation !== undefined && orientation >= 5 ? {width: height, height: width} : {width, height}}
  } catch {
    return {}
  }
}

/** `graphs/p99 latency.PNG` → `assets/files/p99-latency.<hash8>.png`: a name any server and URL keep as it is. */
export function outputName(rel: string, hash: string): string {
  const base = path.posix.basename(rel)
  const dot = base.lastIndexOf('.')
  const stem = dot > 0 ? base.slice(0, dot) : base
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
  const name =
    stem
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'file'
  return `${assetFolder}/${name}.${hash.slice(0, 8)}${/^[a-z0-9]{1,10}$/.test(ext) ? `.${ext}` : ''}`
}

/**
 * Whether every file an entry looked at is as it was (same size and time; still missing): a
 * kept result of an entry whose image changed is read again, though the entry's bytes did not change.
 */
export function usesUnchanged(uses: readonly FileUse[] | undefined, contentDir: string): boolean {
  if (!uses) return true
  for (const use of uses) {
    const now = statUse(use.source, path.join(contentDir, ...use.source.split('/')))
    if (now.size !== use.size || now.mtimeMs !== use.mtimeMs) return false
  }
  return true
}

function at(node: Element, file: string, problem: {ruleId: RuleId; reason: string}): Diagnostic {
  const place = node.position
  const diagnostic = fileProblem(file, problem.ruleId, problem.reason)
  if (!place) return diagnostic
  return {...diagnostic, line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column}
}

function contentReal(config: ResolvedConfig): string {
  let real = realContent.get(config)
  if (real === undefined) {
    try {
      real = realpathSync(config.contentDir)
    } catch {
      real = config.contentDir
    }
    realContent.set(config, real)
  }
  return real
}
