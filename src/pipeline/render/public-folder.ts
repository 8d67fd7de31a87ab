import {createHash} from 'node:crypto'
import type {Dirent} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type {ResolvedConfig} from '../../config/types.js'
import {BouncebackError} from '../../errors.js'
import type {OutputFile} from '../../types.js'
import {byteSize, isInside} from '../discover/read-source.js'

/** The public folder's files, to copy into the output as they are, and a digest of them all. */
export interface PublicFolder {
  files: OutputFile[]
  digest: string
  /** The folder as the project names it (`public`), for messages. */
  name: string
}

/**
 * Read the public folder (`public/` by default): every file, at the same path in the output
 * (`public/CNAME` is `CNAME`, `public/.well-known/x` is `.well-known/x`). It need not exist. A
 * symbolic link is followed only while it stays inside the folder, as in the content folder;
 * anything else is refused with the file named, never skipped in silence.
 */
export async function loadPublic(config: ResolvedConfig): Promise<PublicFolder> {
  const dir = config.publicDir
  const digest = createHash('sha1')
  let real: string
  const name = (abs: string) => path.relative(config.root, abs).split(path.sep).join('/')
  try {
    real = await fs.realpath(dir)
    if (!(await fs.stat(real)).isDirectory()) return {files: [], digest: '', name: name(dir)}
  } catch {
    return {files: [], digest: '', name: name(dir)}
  }
  const refuse = (abs: string, why: string): never => {
    throw new BouncebackError('PUBLIC_INVALID', `${name(abs)}: ${why}`)
  }
  const files: OutputFile[] = []
  const visited = new Set([real])
  const walk = async (folder: string, prefix: string): Promise<void> => {
    let dirents: Dirent[]
    try {
      dirents = await fs.readdir(folder, {withFileTypes: true})
    } catch (error) {
      return refuse(folder, `Unexpected folder that cannot be read (${(error as NodeJS.ErrnoException).code}), expected a folder bounceback can list`)
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const dirent of dirents) {
      const abs = path.join(folder, dirent.name)
      const rel = prefix + dirent.name
      const target = dirent.isSymbolicLink() ? await fs.realpath(abs).catch(() => undefined) : abs
      if (target === undefined) refuse(abs, 'Unexpected broken symbolic link, expected a link to a file inside the public folder')
      if (dirent.isSymbolicLink() && !isInside(real, target!))
        refuse(abs, 'Unexpected symbolic link to a path outside the public folder, expected its files to live inside it: copy the file in instead')
      const stat = await fs.stat(target!)
      if (stat.isDirectory()) {
        if (visited.has(target!)) continue
        visited.add(target!)
        await walk(abs, `${rel}/`)
      } else if (stat.isFile()) {
        if (stat.size > config.limits.assetSize)
          refuse(abs, `Unexpected file of ${byteSize(stat.size)}, expected at most ${byteSize(config.limits.assetSize)}: raise \`limits.assetSize\``)
        const contents = await fs.readFile(target!)
        const hash = createHash('sha1').update(contents).digest('hex')
        digest.update(rel).update('\u0000').update(hash).update('\u0000')
        files.push({path: rel, contents, key: `sha1:${hash}`})
      } else refuse(abs, 'Unexpected special file (a FIFO, socket or device), expected a regular file')
    }
  }
  await walk(dir, '')
  return {files, digest: digest.digest('hex'), name: name(dir)}
}
