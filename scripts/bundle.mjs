#!/usr/bin/env node
// The command line as a few bundled files (lib/bundle/): Node loads one module graph of a few
// files instead of some six hundred small ones, which is most of a small build's start-up.
// Run after tsc (`npm run compile`); lib/index.js, the API, stays as tsc wrote it.
import {rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const outdir = path.join(root, 'lib', 'bundle')
rmSync(outdir, {recursive: true, force: true})
await build({
  entryPoints: {main: path.join(root, 'lib', 'cli', 'main.js'), worker: path.join(root, 'lib', 'pool', 'worker.js')},
  outdir,
  bundle: true,
  // Commands load what they need when they run: each dynamic import stays a chunk of its own.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Pagefind finds its binary next to its own files, esbuild (config files in TypeScript) runs
  // its own binary, chokidar has optional native parts.
  external: ['pagefind', 'esbuild', 'chokidar'],
  // Some dependencies are CommonJS and call require(): give the bundle one.
  banner: {js: "import {createRequire as bouncebackRequire} from 'node:module'; const require = bouncebackRequire(import.meta.url);"},
  logLevel: 'warning'
})
