import fs from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {propertySeeds} from './seeds.js'
import {useProjects, validEntry} from './helpers.js'

const project = useProjects()
const runs = Number(process.env.FC_RUNS ?? 16)

/** Names a careless `output` or `--cache-dir` is made of, relative to the project. */
const segment = fc.constantFrom(
  '..',
  '.',
  'content',
  'dist',
  'other',
  'empty',
  'site',
  'cache',
  '.git',
  'node_modules',
  'README.md',
  'proj',
  'work',
  'bounceback.config.json',
  'themes'
)
const relative = fc.array(segment, {minLength: 1, maxLength: 3}).map((parts) => parts.join('/'))

async function files(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const name of await fs.readdir(dir, {recursive: true})) {
    const file = path.join(dir, name)
    const stat = await fs.lstat(file)
    found.set(name, stat.isFile() ? await fs.readFile(file, 'utf8') : 'folder')
  }
  return found
}

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

describe('random output and cache folders (fast-check)', () => {
  it('never remove or change a file outside the folders the build owns', async () => {
    for (const seed of propertySeeds('output and cache folders')) {
      await fc.assert(
        fc.asyncProperty(
          relative,
          fc.option(relative, {nil: undefined}),
          fc.boolean(),
          fc.constantFrom('none', 'ours', 'foreign'),
          async (output, cache, replaceOutput, previous) => {
            const sandbox = await project({
              'proj/content/2025-03-14-launch.md': validEntry(),
              'proj/README.md': 'mine\n',
              'proj/.git/HEAD': 'ref\n',
              'proj/node_modules/dep/index.js': 'dep\n',
              'other/canary.txt': 'mine\n',
              'work/canary.txt': 'mine\n',
              ...(previous === 'ours' ? {'proj/dist/.bounceback': '{"generator":"bounceback"}', 'proj/dist/index.html': 'old'} : {}),
              ...(previous === 'foreign' ? {'proj/dist/notes.txt': 'mine\n'} : {})
            })
            await fs.mkdir(path.join(sandbox, 'empty'))
            const root = path.join(sandbox, 'proj')
            const outDir = path.resolve(root, output)
            const cacheDir = cache === undefined ? undefined : path.resolve(root, cache)
            // Only paths inside the sandbox: nothing here ever points at a real folder.
            fc.pre(inside(outDir, sandbox) && outDir !== sandbox && (cacheDir === undefined || (inside(cacheDir, sandbox) && cacheDir !== sandbox)))
            const before = await files(sandbox)
            const wasOurs = before.get(path.relative(sandbox, path.join(outDir, '.bounceback'))) !== undefined
            const wasForeign = [...before.keys()].some((name) => inside(path.join(sandbox, name), outDir) && path.join(sandbox, name) !== outDir) && !wasOurs
            const result = await build({
              root,
              cwd: path.join(sandbox, 'work'),
              today: '2025-06-01',
              overrides: {output, replaceOutput},
              ...(cacheDir ? {cacheDir} : {})
            }).catch((error: unknown) => error)
            const written = (result as {written?: boolean}).written === true
            if (!written) expect(result).toMatchObject({code: expect.stringMatching(/^(?:OUTPUT|CACHE)_/)})
            // A folder of someone else's files is replaced only when asked to.
            if (written && wasForeign) expect(replaceOutput).toBe(true)
            const after = await files(sandbox)
            for (const [name, contents] of before) {
              const file = path.join(sandbox, name)
              if (written && inside(file, outDir)) continue
              expect(after.get(name), `${name} (output ${output}, cache ${cache}, replace ${replaceOutput})`).toBe(contents)
            }
            for (const name of after.keys()) expect(path.basename(name)).not.toMatch(/^\.bounceback-(?:tmp|old|lock)-/)
            if (written) expect(after.get(path.relative(sandbox, path.join(outDir, '.bounceback')))).toContain('"generator":"bounceback"')
          }
        ),
        {seed, numRuns: runs}
      )
    }
  }, 120_000)
})
