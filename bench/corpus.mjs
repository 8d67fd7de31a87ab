import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** A project folder holding a corpus of `count` entries, generated once into bench/corpus-N/. */
export function corpus(count) {
  const root = path.join(here, `corpus-${count}`)
  if (!existsSync(path.join(root, 'content'))) {
    execFileSync(process.execPath, [path.join(here, 'make-corpus.mjs'), '--count', String(count), '--out', path.join(root, 'content')], {stdio: 'ignore'})
  }
  return root
}
