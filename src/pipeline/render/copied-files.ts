import {createHash} from 'node:crypto'
import {closeSync, constants, fstatSync, openSync, realpathSync} from 'node:fs'
import path from 'node:path'
import {BouncebackError} from '../../errors.js'
import {outputMarker} from '../../folders/owned.js'
import type {Entry, EntryAsset, OutputFile} from '../../types.js'
import {isInside, readAll} from '../discover/read-source.js'
import type {PublicFolder} from './public-folder.js'

/**
 * A file of the content folder an entry uses, copied to its place in the output when written.
 * Its name holds a digest of its bytes, so a file of that name and size in the previous output
 * is linked from there, not read; its bytes are read only to be written, and checked against
 * the digest: a file changed since the entry was read is not published under the old name.
 */
export class CopiedFile implements OutputFile {
  readonly path: string
  readonly key: string
  readonly reuse: {size: number}

  constructor(
    private readonly asset: EntryAsset,
    private readonly contentDir: string
  ) {
    this.path = asset.output
    this.key = `sha1:${asset.hash}`
    this.reuse = {size: asset.size}
  }

  get contents(): Uint8Array {
    const {source, hash} = this.asset
    const changed = () =>
      new BouncebackError('WRITE_FAILED', `${path.basename(this.contentDir)}/${source} changed or went away while the site was built: build again`)
    const abs = path.join(this.contentDir, ...source.split('/'))
    let fd: number
    try {
      // Never through a link out of the content folder, whatever the cache says.
      const real = realpathSync(abs)
      if (!isInside(realpathSync(this.contentDir), real)) throw changed()
      fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
    } catch {
      throw changed()
    }
    try {
      const stat = fstatSync(fd)
      if (!stat.isFile() || stat.size !== this.asset.size) throw changed()
      const bytes = readAll(fd, stat.size)
      if (createHash('sha1').update(bytes).digest('hex') !== hash) throw changed()
      return bytes
    } finally {
      closeSync(fd)
    }
  }
}

/**
 * The files the site's entries use (each once, however many entries use it), the site's
 * generated files, and the public folder's. A public file at the path of a generated one is refused
 * with both named: one would silently replace the other.
 */
export function withCopies(files: readonly OutputFile[], entries: readonly Entry[], contentDir: string, publicFolder: PublicFolder): OutputFile[] {
  const owners = new Map<string, string>([[outputMarker, 'the marker file bounceback keeps in its output']])
  for (const file of files) owners.set(file.path, file.path.endsWith('.html') ? 'a page' : 'a file bounceback makes')
  const copies: OutputFile[] = []
  const copied = new Set<string>()
  for (const entry of entries) {
    for (const asset of entry.assets ?? []) {
      // One name is one digest of bytes: two entries using one file share its copy.
      if (copied.has(asset.output)) continue
      if (owners.has(asset.output))
        throw new BouncebackError(
          'WRITE_FAILED',
          `Two outputs at \`${asset.output}\`: a copy of ${path.basename(contentDir)}/${asset.source} and ${owners.get(asset.output)}`
        )
      copied.add(asset.output)
      owners.set(asset.output, `a copy of ${path.basename(contentDir)}/${asset.source}`)
      copies.push(new CopiedFile(asset, contentDir))
    }
  }
  for (const file of publicFolder.files) {
    const owner = owners.get(file.path)
    if (owner)
      throw new BouncebackError(
        'PUBLIC_INVALID',
        `Unexpected \`${publicFolder.name}/${file.path}\` at \`${file.path}\` in the output, where there is ${owner} already, ` +
          'expected a path of its own: rename or remove the public file'
      )
  }
  // Copies first: a page written in place (watch) never points at an image not yet there.
  return [...copies, ...files, ...publicFolder.files]
}
