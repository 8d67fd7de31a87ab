import type {RuleId} from '../../rules.js'
import {closeSync, constants, fstatSync, openSync, readSync, realpathSync} from 'node:fs'
import path from 'node:path'
import {fileProblem} from '../../diagnostics.js'
import type {Diagnostic} from '../../types.js'
import type {SourceFile} from './discover.js'

export type SourceRead = {bytes: Uint8Array} | {problem: Diagnostic} | {gone: true}

const noFollow = constants.O_NOFOLLOW ?? 0
const noBlock = constants.O_NONBLOCK ?? 0

/**
 * Read an entry's bytes with the checks `discover` made, made again at the moment of reading
 * (the file may have changed since it was listed, as it does while `watch` runs): a symbolic
 * link must still lead inside the content folder, and only a regular file is read, never a
 * FIFO or a device. A file too large for `maxSize` is not read at all.
 *
 * Synchronous on purpose: thousands of small files are read faster so than through the thread pool.
 */
export function readSource(source: SourceFile, contentReal: string, maxSize: number): SourceRead {
  const problem = (ruleId: RuleId, message: string): SourceRead => ({problem: fileProblem(source.file, ruleId, message)})
  try {
    let fd: number
    try {
      // Opened without following a link: a plain file is read at once, as most are.
      fd = openSync(source.path, constants.O_RDONLY | noFollow | noBlock)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error
      // A link (discover let it through, or it was swapped in since): it must still lead inside.
      const real = realpathSync(source.path)
      if (!isInside(contentReal, real)) {
        return problem(
          'file/outside-content',
          'Unexpected symbolic link to a path outside the content folder, expected entries to live inside it: move the file into the content folder'
        )
      }
      fd = openSync(real, constants.O_RDONLY | noFollow | noBlock)
    }
    try {
      const stat = fstatSync(fd)
      if (!stat.isFile()) return problem('file/unreadable', 'Unexpected special file (a FIFO, socket or device), expected a regular Markdown file')
      if (stat.size > maxSize) return problem('file/too-large', tooLargeReason(stat.size, maxSize))
      return {bytes: readAll(fd, stat.size)}
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    if (code === 'ENOENT') return {gone: true}
    if (code === 'ELOOP')
      return problem('file/outside-content', 'Unexpected symbolic link where a file was listed, expected the file itself: it changed while being read')
    return problem('file/unreadable', `Unexpected read error (${code}), expected a readable file`)
  }
}

const size = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`)

export function tooLargeReason(bytes: number, limit: number): string {
  return `Unexpected file of ${size(bytes)}, expected at most ${size(limit)}: split the entry, or raise \`limits.fileSize\``
}

/** A size in bytes as people read it. */
export function byteSize(bytes: number): string {
  return size(bytes)
}

/** The file's bytes, by the size its stat gave (reading by the descriptor would stat it again). */
export function readAll(fd: number, size: number): Uint8Array {
  const bytes = Buffer.allocUnsafe(size)
  let read = 0
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, read)
    if (n === 0) break
    read += n
  }
  return read === size ? bytes : bytes.subarray(0, read)
}

export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}
