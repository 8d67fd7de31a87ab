import {spawnSync} from 'node:child_process'
import {readdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Run a command under /usr/bin/time: seconds of wall time and peak RSS in MB. */
export function measure(command, commandArgs, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...commandArgs], {encoding: 'utf8', maxBuffer: 64 * 2 ** 20, ...options})
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed: ${result.stderr.slice(-500)}`)
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number)
  return {seconds, mb: kb / 1024}
}

/** HTML files under `dir`: a build that wrote too few pages is not a build to compare with. */
export function expectPages(dir, atLeast, who) {
  const pages = readdirSync(dir, {recursive: true}).filter((f) => String(f).endsWith('.html')).length
  if (pages < atLeast) throw new Error(`${who} wrote ${pages} pages into ${dir}, expected at least ${atLeast}: it did not build the corpus`)
}

/**
 * Eleventy 3 building a corpus project's content. It runs in the project folder: Eleventy skips
 * whatever a .gitignore in its working folder names, and this repository's ignores the corpora.
 */
export function eleventy(project, entries) {
  const out = path.join(project, '_eleventy')
  rmSync(out, {recursive: true, force: true})
  const result = measure(
    process.execPath,
    [
      path.join(here, '..', 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'),
      `--input=${path.join(project, 'content')}`,
      `--output=${out}`,
      `--config=${path.join(here, 'eleventy.config.cjs')}`,
      '--quiet'
    ],
    {cwd: project}
  )
  expectPages(out, entries + 1, 'Eleventy')
  return result
}
