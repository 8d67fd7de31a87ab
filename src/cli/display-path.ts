import path from 'node:path'

/** A path as the user would type it from where they are: relative inside, absolute outside. */
export function displayPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target)
  return relative === '' ? '.' : relative.startsWith('..') ? target : relative
}
