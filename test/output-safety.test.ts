import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {main} from '../src/cli/main.js'
import {withOutputLock} from '../src/pipeline/write/lock.js'
import {useProjects, validEntry, writeFiles} from './helpers.js'

const project = useProjects()
const bin = path.resolve(import.meta.dirname, '..', 'bin', 'bounceback.js')

/**
 * A sandbox in a temporary folder: a project with canaries in every folder a careless `output`
 * or `--cache-dir` could reach, and folders of the user's own beside it.
 */
async function sandbox(config: Record<string, unknown> = {}): Promise<{dir: string; root: string; cwd: string}> {
  const dir = await project({
    'proj/content/2025-03-14-launch.md': validEntry(),
    'proj/README.md': '# my notes\n',
    'proj/.git/HEAD': 'ref: refs/heads/main\n',
    'proj/node_modules/left-pad/index.js': 'module.exports = 1\n',
    'proj/themes/mine/assets/extra.css': 'body {}\n',
    'proj/bounceback.config.json': JSON.stringify(config),
    'proj/package.json': '{"name": "proj", "private": true}\n',
    'other/canary.txt': 'keep me\n',
    'repo/.git/HEAD': 'ref: refs/heads/main\n',
    'repo/canary.txt': 'keep me\n',
    'home/me/canary.txt': 'keep me\n',
    'work/canary.txt': 'keep me\n'
  })
  return {dir, root: path.join(dir, 'proj'), cwd: path.join(dir, 'work')}
}

/** Every file under `dir` with its bytes, and every folder: what "nothing changed" compares. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const name of await fs.readdir(dir, {recursive: true})) {
    const file = path.join(dir, name)
    const stat = await fs.lstat(file)
    files.set(name, stat.isFile() ? await fs.readFile(file, 'utf8') : stat.isSymbolicLink() ? `-> ${await fs.readlink(file)}` : 'folder')
  }
  return files
}

async function cli(args: string[], cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {NO_COLOR: '1'}, isTTY: false})
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}

describe('an output folder bounceback may never replace', () => {
  const cases: [string, string, string][] = [
    ['..', 'a folder that holds the current folder', 'the folder above the project'],
    ['.', 'the project folder', 'the project itself'],
    ['content', 'the content folder', 'the content folder'],
    ['content/2025', 'inside the content folder', 'a folder inside the content'],
    ['themes/mine', 'the theme folder', 'the theme'],
    ['node_modules/.cache/bounceback', 'the cache folder', 'the cache'],
    ['node_modules', 'a folder that holds the cache folder', 'node_modules'],
    ['.git', 'a `.git` folder', 'the git folder'],
    ['../work', 'the current folder', 'the folder the command runs in'],
    ['bounceback.config.json', 'the config file', 'the config file'],
    ['README.md', 'a file, not a folder', 'a file of the project'],
    ['../repo', 'a folder that holds a git repository', 'another repository']
  ]
  it.each(cases)('refuses `output: %s` (%s), even with --replace-output, and changes nothing', async (output, reason) => {
    const {dir, root, cwd} = await sandbox({output, theme: 'themes/mine'})
    const before = await snapshot(dir)
    for (const flags of [[], ['--replace-output']]) {
      const result = await cli(['build', '--root', root, ...flags], cwd)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`\`output\` (${path.resolve(root, output)}) is ${reason}`)
      expect(result.stderr).toMatch(/choose a folder of its own, such as `dist`$/)
    }
    expect(await snapshot(dir)).toEqual(before)
  })

  it('refuses the home folder and the folder above it (HOME of the process)', async () => {
    const {dir, root, cwd} = await sandbox()
    const before = await snapshot(dir)
    for (const [output, reason] of [
      ['../home/me', 'your home folder'],
      ['../home', 'a folder that holds your home folder']
    ] as const) {
      await fs.writeFile(path.join(root, 'bounceback.config.json'), JSON.stringify({output}))
      const result = spawnSync(process.execPath, [bin, 'build', '--root', root, '--replace-output'], {
        cwd,
        encoding: 'utf8',
        env: {...process.env, HOME: path.join(dir, 'home', 'me'), NO_COLOR: '1'}
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toContain(`is ${reason}`)
      before.set('proj/bounceback.config.json', JSON.stringify({output}))
      expect(await snapshot(dir)).toEqual(before)
    }
  })

  it('refuses an output that is a symbolic link, and leaves both the link and its target', async () => {
    const {dir, root, cwd} = await sandbox()
    await fs.symlink(path.join(dir, 'other'), path.join(root, 'dist'))
    const before = await snapshot(dir)
    const result = await cli(['build', '--root', root, '--replace-output'], cwd)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`\`output\` (${path.join(root, 'dist')}) is a symbolic link (to ${path.join(dir, 'other')})`)
    expect(await snapshot(dir)).toEqual(before)
  })

  it('refuses an output whose real path, through a link, is the project', async () => {
    const {dir, root, cwd} = await sandbox({output: '../link/dist'})
    await fs.symlink(root, path.join(dir, 'link'))
    const before = await snapshot(dir)
    // `link/dist` is `proj/dist`: fine. `link` itself is the project: refused.
    expect((await cli(['build', '--root', root], cwd)).code).toBe(0)
    await fs.writeFile(path.join(root, 'bounceback.config.json'), JSON.stringify({output: '../link'}))
    const result = await cli(['build', '--root', root, '--replace-output'], cwd)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`really ${root}) is the project folder`)
    const after = await snapshot(dir)
    const ours = /^(?:proj|link)\/(?:dist|node_modules\/\.cache|bounceback\.config\.json)/
    for (const [name, contents] of before) if (!ours.test(name)) expect(after.get(name)).toBe(contents)
  })
})

describe('paths that lead nowhere a folder can be', () => {
  it.each([
    ['README.md/site', 'under a file'],
    ['dangling/site', 'under a broken symbolic link']
  ])('refuses `output: %s` (%s) with a message, not a crash', async (output, reason) => {
    const {dir, root, cwd} = await sandbox({output})
    await fs.symlink(path.join(root, 'content', 'not-yet'), path.join(root, 'dangling'))
    const before = await snapshot(dir)
    const result = await cli(['build', '--root', root], cwd)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`\`output\` (${path.join(root, output)}) is ${reason}`)
    const cache = await cli(['check', '--root', root, '--cache-dir', path.join(root, output.replace('site', 'cache'))], cwd)
    expect(cache.code).toBe(1)
    expect(cache.stderr).toContain(`The cache folder (${path.join(root, output.replace('site', 'cache'))}) is ${reason}`)
    expect(await snapshot(dir)).toEqual(before)
  })
})

describe('an output folder bounceback did not write', () => {
  it('is refused with the folder, what is in it and how to proceed; nothing changes', async () => {
    const {dir, root, cwd} = await sandbox({output: '../other'})
    const before = await snapshot(dir)
    const result = await cli(['build', '--root', root], cwd)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `bounceback: \`output\` (${path.join(dir, 'other')}) holds files bounceback did not write (\`canary.txt\`), and a build replaces the ` +
        `output folder as a whole. Empty that folder, choose another \`output\` (a new or empty folder), or replace it anyway with ` +
        `\`--replace-output\` (\`replaceOutput: true\` in the config)`
    )
    expect(await snapshot(dir)).toEqual(before)
  })

  it('is replaced with --replace-output or `replaceOutput: true`, and is then known as ours', async () => {
    const {dir, root, cwd} = await sandbox({output: '../other'})
    expect((await cli(['build', '--root', root, '--replace-output'], cwd)).code).toBe(0)
    await expect(fs.access(path.join(dir, 'other', 'canary.txt'))).rejects.toThrow()
    expect(JSON.parse(await fs.readFile(path.join(dir, 'other', '.bounceback'), 'utf8'))).toMatchObject({generator: 'bounceback'})
    // Now it is ours: no flag needed.
    expect((await cli(['build', '--root', root], cwd)).code).toBe(0)
    await writeFiles(dir, {'third/notes.md': 'mine'})
    await fs.writeFile(path.join(root, 'bounceback.config.json'), JSON.stringify({output: '../third', replaceOutput: true}))
    expect((await build({root, cwd})).written).toBe(true)
    await expect(fs.access(path.join(dir, 'third', 'notes.md'))).rejects.toThrow()
  })

  it('is never replaced, even with --replace-output, when it holds a repository at any depth', async () => {
    const {dir, root, cwd} = await sandbox({output: '../code'})
    await writeFiles(dir, {'code/projects/mine/.git/HEAD': 'ref\n', 'code/projects/mine/app.js': 'precious\n'})
    const before = await snapshot(dir)
    const result = await cli(['build', '--root', root, '--replace-output'], cwd)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`\`output\` (${path.join(dir, 'code')}) is a folder that holds a repository (\`projects/mine/.git\`)`)
    expect(await snapshot(dir)).toEqual(before)
  })

  it('is written when it is missing or empty', async () => {
    const {dir, root, cwd} = await sandbox({output: '../empty'})
    await fs.mkdir(path.join(dir, 'empty'))
    expect((await cli(['build', '--root', root], cwd)).code).toBe(0)
    await expect(fs.access(path.join(dir, 'empty', 'index.html'))).resolves.toBeUndefined()
    await fs.writeFile(path.join(root, 'bounceback.config.json'), JSON.stringify({output: '../new/site'}))
    expect((await cli(['build', '--root', root], cwd)).code).toBe(0)
    await expect(fs.access(path.join(dir, 'new', 'site', 'index.html'))).resolves.toBeUndefined()
  })
})

describe('the cache folder', () => {
  it('is never a folder of someone else files: refused, nothing written anywhere', async () => {
    const {dir, root, cwd} = await sandbox()
    const before = await snapshot(dir)
    for (const command of ['build', 'check', 'lessons']) {
      const result = await cli([command, '--root', root, '--cache-dir', path.join(dir, 'other')], cwd)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`The cache folder (${path.join(dir, 'other')}) holds files bounceback did not write (\`canary.txt\`)`)
    }
    expect(await snapshot(dir)).toEqual(before)
  })

  it.each([
    ['proj', 'the project folder'],
    ['proj/content', 'the content folder'],
    ['proj/dist', 'the output folder'],
    ['proj/.git', 'a `.git` folder']
  ])('is never %s (%s)', async (cacheDir, reason) => {
    const {dir, root, cwd} = await sandbox()
    const before = await snapshot(dir)
    const result = await cli(['check', '--root', root, '--cache-dir', path.join(dir, cacheDir)], cwd)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`The cache folder (${path.join(dir, cacheDir)}) is ${reason}`)
    expect(await snapshot(dir)).toEqual(before)
  })

  it('is not taken for an earlier cache because of a file name alone', async () => {
    const {dir, root, cwd} = await sandbox()
    await writeFiles(dir, {'data/search.json': '{"stamp":"2024","rows":[1]}', 'temp/entries.json.0badc0de.tmp': 'mine'})
    const before = await snapshot(dir)
    for (const cacheDir of ['data', 'temp']) {
      const result = await cli(['build', '--root', root, '--cache-dir', path.join(dir, cacheDir)], cwd)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`The cache folder (${path.join(dir, cacheDir)}) holds files bounceback did not write`)
    }
    expect(await snapshot(dir)).toEqual(before)
  })

  it('is made, or taken when empty or left by an earlier bounceback, and tagged', async () => {
    const {dir, root, cwd} = await sandbox()
    await writeFiles(dir, {
      'legacy/entries.json': '{"format":"bounceback-entry-cache/1","entries":{}}',
      'legacy/pages.json': '{"format":"bounceback-page-cache"}'
    })
    for (const cacheDir of ['fresh', 'legacy']) {
      expect((await cli(['build', '--root', root, '--cache-dir', path.join(dir, cacheDir)], cwd)).code).toBe(0)
      expect(await fs.readFile(path.join(dir, cacheDir, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55\n/)
    }
  })
})

describe('the lock file', () => {
  it('is never removed when bounceback did not write it', async () => {
    const {root, cwd} = await sandbox()
    await fs.writeFile(path.join(root, '.bounceback-lock-dist'), 'my own notes\n')
    const result = await cli(['build', '--root', root], cwd)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      `${path.join(root, '.bounceback-lock-dist')} is in the way: bounceback keeps its lock there, and this file is not one it wrote`
    )
    expect(await fs.readFile(path.join(root, '.bounceback-lock-dist'), 'utf8')).toBe('my own notes\n')
  })

  it('holding only a number is not taken for a lock either', async () => {
    const {root, cwd} = await sandbox()
    await fs.writeFile(path.join(root, '.bounceback-lock-dist'), '999999')
    expect((await cli(['build', '--root', root], cwd)).code).toBe(1)
    expect(await fs.readFile(path.join(root, '.bounceback-lock-dist'), 'utf8')).toBe('999999')
  })

  it('sweeps what a lock attempt killed half way left, and nothing else', async () => {
    const {root, cwd} = await sandbox()
    await writeFiles(root, {'.bounceback-lock-dist.0badc0de.tmp': 'bounceback-lock 999999\n', '.bounceback-lock-dist.0ddba11a.tmp': 'mine'})
    expect((await cli(['build', '--root', root], cwd)).code).toBe(0)
    expect((await fs.readdir(root)).filter((name) => name.startsWith('.bounceback-lock'))).toEqual(['.bounceback-lock-dist.0ddba11a.tmp'])
  })

  it('is held by one build at a time when several take over a stale lock at once', async () => {
    const {dir, root} = await sandbox()
    const outDir = path.join(root, 'dist')
    const log = path.join(dir, 'log.txt')
    const script = `
      import {appendFileSync} from 'node:fs'
      import {withOutputLock} from ${JSON.stringify(path.resolve(import.meta.dirname, '..', 'lib', 'pipeline', 'write', 'lock.js'))}
      await withOutputLock(${JSON.stringify(outDir)}, async () => {
        appendFileSync(${JSON.stringify(log)}, 'enter\\n')
        await new Promise((resolve) => setTimeout(resolve, 30))
        appendFileSync(${JSON.stringify(log)}, 'exit\\n')
      })`
    const {spawn} = await import('node:child_process')
    for (let round = 0; round < 4; round++) {
      await fs.writeFile(path.join(root, '.bounceback-lock-dist'), 'bounceback-lock 999999\n')
      await Promise.all(
        Array.from(
          {length: 6},
          () =>
            new Promise<void>((resolve, reject) => {
              spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: 'inherit'}).on('exit', (code) =>
                code === 0 ? resolve() : reject(new Error(`exit ${code}`))
              )
            })
        )
      )
    }
    const lines = (await fs.readFile(log, 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(48)
    expect(lines.every((line, i) => line === (i % 2 === 0 ? 'enter' : 'exit'))).toBe(true)
  })

  it('gives up waiting with a clear error, and leaves the other build its lock', async () => {
    const {root} = await sandbox()
    // Another process, alive for as long as the test runs, holds the lock.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], {stdio: 'ignore'})
    const live = other.pid!
    try {
      await fs.writeFile(path.join(root, '.bounceback-lock-dist'), `bounceback-lock ${live}\n`)
      await expect(withOutputLock(path.join(root, 'dist'), async () => 'never', 300)).rejects.toMatchObject({
        code: 'OUTPUT_LOCKED',
        message: expect.stringMatching(
          new RegExp(
            `^Another build \\(process ${live}\\) has been writing .*dist for over 300 ms\\. If it is stuck, stop it; if no build is running, ` +
              `remove .*\\.bounceback-lock-dist$`
          )
        )
      })
      expect(await fs.readFile(path.join(root, '.bounceback-lock-dist'), 'utf8')).toBe(`bounceback-lock ${live}\n`)
    } finally {
      other.kill()
    }
  })
})

describe('a symbolic link put into an earlier output', () => {
  it('never makes a file outside the output part of the site, not even one of the same size', async () => {
    const {dir, root, cwd} = await sandbox()
    await writeFiles(root, {'content/2024-11-02-other.md': validEntry({frontmatter: 'title: Other\ndate: 2024-11-02'})})
    expect((await cli(['build', '--root', root], cwd)).code).toBe(0)
    const page = path.join(root, 'dist', '2025', 'launch', 'index.html')
    const size = (await fs.stat(page)).size
    await writeFiles(dir, {'secret/index.html': 'S'.repeat(size)})
    await fs.rm(path.join(root, 'dist', '2025', 'launch'), {recursive: true})
    await fs.symlink(path.join(dir, 'secret'), path.join(root, 'dist', '2025', 'launch'))
    await fs.appendFile(path.join(root, 'content/2024-11-02-other.md'), '\nOne more line.\n')
    expect((await cli(['build', '--root', root], cwd)).code).toBe(0)
    expect(await fs.readFile(page, 'utf8')).toContain('Newsletter launch')
    expect((await fs.stat(page)).ino).not.toBe((await fs.stat(path.join(dir, 'secret', 'index.html'))).ino)
    expect(await fs.readFile(path.join(dir, 'secret', 'index.html'), 'utf8')).toBe('S'.repeat(size))
  })
})

describe('when a build fails', () => {
  it('says whether there was an output to leave as it was', async () => {
    const {root, cwd} = await sandbox()
    await fs.writeFile(path.join(root, 'content/2025-03-14-launch.md'), validEntry({frontmatter: 'title: Launch\ndate: 2025-02-30'}))
    const first = await cli(['build', '--root', root], cwd)
    expect(first.code).toBe(1)
    expect(first.stderr).toContain(`Build failed: fix the errors above. Nothing was written to ${root}/dist/.`)
    await fs.writeFile(path.join(root, 'content/2025-03-14-launch.md'), validEntry())
    expect((await cli(['build', '--root', root], cwd)).code).toBe(0)
    await fs.writeFile(path.join(root, 'content/2025-03-14-launch.md'), validEntry({frontmatter: 'title: Launch\ndate: 2025-02-30'}))
    expect((await cli(['build', '--root', root], cwd)).stderr).toContain(`Build failed: fix the errors above. ${root}/dist/ was left as it was.`)
  })
})
