#!/usr/bin/env node
import v8 from 'node:v8'

// Let the heap grow by at most 1.3× what the last full collection kept (V8 allows up to 4×): a
// large build makes garbage fast, and this lowers its peak memory in the same time
// (bench/results.md). A flag given to node itself wins.
if (!process.execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) v8.setFlagsFromString('--heap-growing-percent=30')

let main
try {
  ;({main} = await import('../lib/bundle/main.js'))
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error
  console.error(
    'bounceback: the compiled code in lib/ is missing. Run `npm run compile` in the package folder (`npm install` does it when it installs anything).'
  )
  process.exit(1)
}
// A reader that stops early (`bounceback check | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}
const io = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  ...(process.stdout.isTTY && process.stdout.columns > 0 ? {columns: process.stdout.columns} : {}),
  // A progress line only on an interactive terminal: never in CI logs or pipes.
  ...(process.stderr.isTTY && !process.env.CI ? {status: (line) => process.stderr.write(`\r\u001B[2K${line}`)} : {})
}
process.exitCode = await main(process.argv.slice(2), io)
