import {existsSync} from 'node:fs'
import path from 'node:path'

/**
 * Where the cache goes when no `--cache-dir` is given, as tools that follow find-cache-dir do:
 * `node_modules/.cache/bounceback` of the nearest folder with a `package.json`, looking up from
 * the project no further than its repository's root (`.git`) or the home folder. A project
 * with no package (a folder of Markdown and nothing else) gets `.bounceback-cache/` inside it,
 * which the `.gitignore` that `init` writes already ignores: no `node_modules` is made for it.
 */
export function defaultCacheDir(root: string, home: string): string {
  let dir = root
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'node_modules', '.cache', 'bounceback')
    const parent = path.dirname(dir)
    // A stray package.json in the home folder is nobody's project.
    if (parent === dir || parent === home || dir === home || existsSync(path.join(dir, '.git'))) break
    dir = parent
  }
  return path.join(root, '.bounceback-cache')
}
