import type {Diagnostic} from '../types.js'
import {count, counted} from './by-rule.js'
import {hanging} from './wrap.js'

/** An error said in this many files or more is printed once, with its places, under `--quiet`. */
export const sharedFrom = 3

/** Places listed for an error said in many files, before `and K more`. */
const placesShown = 3

/**
 * Errors that many files share word for word (a folder of imported post-mortems that all lack
 * the same field): each printed once, with how many files and the first few places. Returns
 * the lines and the errors left to print file by file.
 */
export function sharedErrors(
  errors: readonly Diagnostic[],
  width: number | undefined,
  paint: Record<'red' | 'dim', (text: string) => string>
): {lines: string[]; rest: Diagnostic[]} {
  const groups = new Map<string, Diagnostic[]>()
  for (const m of errors) {
    const key = `${m.ruleId}\u0000${m.message}`
    const group = groups.get(key)
    if (group) group.push(m)
    else groups.set(key, [m])
  }
  const shared = [...groups.values()].filter((group) => new Set(group.map((m) => m.file)).size >= sharedFrom).sort((a, b) => b.length - a.length)
  if (shared.length === 0) return {lines: [], rest: [...errors]}
  const inShared = new Set(shared.flat())
  const lines = ['Errors in many files']
  for (const group of shared) {
    const first = group[0]!
    const files = new Set(group.map((m) => m.file)).size
    lines.push(...hanging(`  ${paint.red('error')}  `, `${first.message}  ${paint.dim(first.ruleId)}`, width, 9))
    const places = group.slice(0, placesShown).map((m) => `${m.file}:${m.line}:${m.column}`)
    const more = group.length - places.length
    const where = `in ${counted(files, 'file')}: ${places.join(', ')}${more > 0 ? ` and ${count(more)} more` : ''}`
    lines.push(...hanging('         ', where, width, 9).map(paint.dim))
  }
  lines.push('')
  return {lines, rest: errors.filter((m) => !inShared.has(m))}
}
