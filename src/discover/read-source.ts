import {closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync} from 'node:fs'
import path from 'node:path'
import {fileProblem} from '../diagnostics.js'
import type {Diagnostic} from '../types.js'
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
  const problem = (ruleId: string, message: string): SourceRead => ({problem: fileProblem(source.file, ruleId, message)})
  let file = source.path
  try {
    const link = lstatSync(file, {throwIfNoEntry: false})
    if (!link) return {gone: true}
    if (link.isSymbolicLink()) {
      file = realpathSync(file)
      if (!isInside(contentReal, file)) {
        return problem('file/outside-content', 'Unexpected symbolic link to a path outside the content folder, expected entries to live inside it: move the file into the content folder')
      }
    }
    const fd = openSync(file, constants.O_RDONLY | noFollow | noBlock)
    try {
      const stat = fstatSync(fd)
      if (!stat.isFile()) return problem('file/unreadable', 'Unexpected special file (a FIFO, socket or device), expected a regular Markdown file')
      if (stat.size > maxSize) return problem('file/too-large', tooLargeReason(stat.size, maxSize))
      return {bytes: readFileSync(fd)}
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    if (code === 'ENOENT') return {gone: true}
    if (code === 'ELOOP') return problem('file/outside-content', 'Unexpected symbolic link where a file was listed, expected the file itself: it changed while being read')
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

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}
