import path from 'node:path'
import {printable} from '../report/printable.js'

/** A path as the user would type it from where they are (relative inside, absolute outside), printable. */
export function displayPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target)
  return printable(relative === '' ? '.' : relative.startsWith('..') ? target : relative)
}
