import path from 'node:path'
import {BouncebackError} from '../../errors.js'

/** Resolve an output path and make sure it cannot leave the folder it is written to. */
export function insidePath(dir: string, relative: string): string {
  const target = path.resolve(dir, relative)
  const rel = path.relative(dir, target)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) || relative.includes('\0')) {
    throw new BouncebackError('WRITE_FAILED', `Refusing to write \`${relative}\` outside the output folder`)
  }
  return target
}
