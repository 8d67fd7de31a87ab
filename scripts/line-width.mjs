#!/usr/bin/env node
// `npm run lint` (with Biome): no line of code over 160 characters. Biome's formatter wraps
// code to that width, but not the text inside a string; this check covers those too.
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'

const width = 160
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs', '*.js', '*.cjs'], {encoding: 'utf8'})
  .split('\n')
  .filter((file) => file && !file.startsWith('test/fixtures/') && !file.startsWith('bench/corpus'))
const long = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.length > width ? [`${file}:${i + 1}: ${line.length} characters, expected at most ${width}`] : []))
)
for (const line of long) console.error(line)
if (long.length > 0) {
  console.error(`${long.length} lines over ${width} characters`)
  process.exit(1)
}
