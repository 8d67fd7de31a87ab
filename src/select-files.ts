import path from 'node:path'
import {BouncebackError} from './errors.js'

/**
 * Which of the project's files a `check a.md b.md 'content/2025-*.md'` names. Paths are relative
 * to `cwd` (or absolute, as lint-staged and pre-commit pass them); a name with `*`, `?` or `[`
 * is a glob (`**` any folders), matched against the project's files. A name that matches no
 * entry is refused: a typo must not pass as a clean check.
 */
export function selectFiles(names: readonly string[], files: readonly string[], options: {root: string; cwd: string; content: string}): Set<string> {
  const selected = new Set<string>()
  for (const name of names) {
    const absolute = path.resolve(options.cwd, name)
    const relative = path.relative(options.root, absolute).split(path.sep).join('/')
    const glob = /[*?[]/.test(name)
    const matched = glob ? files.filter((file) => globPattern(relative).test(file)) : files.filter((file) => file === relative)
    if (matched.length === 0) {
      const where = path.relative(options.root, options.content).split(path.sep).join('/') || '.'
      throw new BouncebackError(
        'NOT_AN_ENTRY',
        glob
          ? `\`${name}\` matches no entry in ${where}/: check the pattern (quote it so that the shell does not expand it)`
          : `\`${name}\` is not an entry in ${where}/: name a Markdown file there (paths are relative to the current folder)`
      )
    }
    for (const file of matched) selected.add(file)
  }
  return selected
}

/** A glob as a regular expression over `/`-separated paths: `**` any folders, `*` and `?` within one. */
export function globPattern(glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/'
      source += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1)
      if (end === -1) source += '\\['
      else {
        source += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`
        i = end
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}
