import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const manifest = JSON.parse(await fs.readFile(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  files: string[]
}

describe('the package', () => {
  it('runs no script of ours when installed: lib/ is compiled when packed, and in a clone when npm installs', () => {
    // npm lists these for approval when a package is installed from a tarball or git (allowScripts).
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[script], script).toBeUndefined()
    expect(manifest.scripts.prepack).toBe('npm run compile')
    // `dependencies` runs only in the project itself, after npm changed its node_modules (a fresh clone's `npm install` or `npm ci`).
    expect(manifest.scripts.dependencies).toBe('npm run compile')
    expect(manifest.scripts.compile).toMatch(/^tsc -p tsconfig\.build\.json && node scripts\/bundle\.mjs$/)
    expect(manifest.files).toContain('lib/')
  })
})
