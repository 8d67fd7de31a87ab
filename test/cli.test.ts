import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {poolThreshold} from '../src/pool/pool.js'
import {ruleTable} from '../src/rules.js'
import {tempProject, validEntry, leftovers} from './helpers.js'

const bin = path.resolve(import.meta.dirname, '..', 'bin', 'bounceback.js')
const pkg = JSON.parse(await fs.readFile(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as {version: string}

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

let good: string
let bad: string
beforeAll(async () => {
  good = await tempProject({'content/2025-03-14-newsletter-launch.md': validEntry()})
  bad = await tempProject({
    'content/2025-03-14-newsletter-launch.md': validEntry({frontmatter: 'title: Launch\ndate: 2025-02-30\ntag: [x]'}),
    'content/2025-04-01-other.md': validEntry({frontmatter: 'title: Other\ndate: 2025-04-01\noutcome: fail'})
  })
})
afterAll(async () => {
  await fs.rm(good, {recursive: true, force: true})
  await fs.rm(bad, {recursive: true, force: true})
})

describe('bounceback CLI', () => {
  it('prints help and the version', () => {
    const help = run(['--help'], good)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage')
    expect(help.stdout).toContain('build')
    expect(help.stdout).toContain('check')
    const buildHelp = run(['build', '--help'], good)
    expect(buildHelp.code).toBe(0)
    expect(buildHelp.stdout).toContain('bounceback build [--base PATH] [--root DIR]')
    expect(run(['help', 'check'], good).stdout).toContain(
      'bounceback check [file|glob ...] [--format text|json|github] [--json] [--max-warnings N] [--root DIR]'
    )
    const version = run(['--version'], good)
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toBe(pkg.version)
  })

  it('exits 2 with a clear message on an unknown command or flag', () => {
    const command = run(['bild'], good)
    expect(command.code).toBe(2)
    expect(command.stderr).toContain('Unknown command `bild`, did you mean `build`?')
    const flag = run(['build', '--frobnicate'], good)
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('Unknown option `--frobnicate`.')
    const typo = run(['build', '--bse', '/x/'], good)
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain('Unknown option `--bse`, did you mean `--base`? See `bounceback build --help`')
    const missing = run(['build', '--root'], good)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('`--root` needs a value, as in `--root DIR`')
    expect(run(['new', ''], good).code).toBe(2)
    expect(flag.stderr).toContain('bounceback build --help')
    expect(run(['check', 'extra'], good).code).toBe(2)
    expect(run(['--nope'], good).code).toBe(2)
  })

  it('check lists every problem grouped by file as line:column severity message rule-id, and exits 1', () => {
    const result = run(['check'], bad)
    expect(result.code).toBe(1)
    const lines = result.stdout.split('\n')
    const first = lines.indexOf('content/2025-03-14-newsletter-launch.md')
    const second = lines.indexOf('content/2025-04-01-other.md')
    expect(first).toBeGreaterThan(-1)
    expect(second).toBeGreaterThan(first)
    expect(lines[first + 1]).toMatch(/^ {2}3:7 {2}error {4}Unexpected `date` `2025-02-30`: February 2025 has 28 days.* {2}frontmatter\/date$/)
    expect(lines[first + 2]).toMatch(/^ {2}4:1 {2}warning {2}Unexpected unknown field `tag`, did you mean `tags`\? +frontmatter\/unknown-field$/)
    expect(lines[second + 1]).toMatch(/^ {2}4:10 {2}error {4}Unexpected outcome `fail`.*frontmatter\/value$/)
    expect(lines.at(-2)).toBe('✖ 3 problems (2 errors, 1 warning) in 2 of 2 files')
  })

  it('check --format json prints one document of every message', () => {
    const result = run(['check', '--format', 'json'], bad)
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as {
      errors: number
      warnings: number
      files: {file: string; messages: {line: number; column: number; severity: string; ruleId: string}[]}[]
    }
    expect(report.errors).toBe(2)
    expect(report.warnings).toBe(1)
    expect(report.files.map((f) => f.file)).toEqual(['content/2025-03-14-newsletter-launch.md', 'content/2025-04-01-other.md'])
    expect(report.files[0]!.messages[0]).toMatchObject({line: 3, column: 7, severity: 'error', ruleId: 'frontmatter/date'})
  })

  it('check --format github prints GitHub Actions annotations', () => {
    const result = run(['check', '--format', 'github'], bad)
    expect(result.code).toBe(1)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(
      /^::error file=content\/2025-03-14-newsletter-launch\.md,line=3,col=7,endLine=3,endColumn=17,title=frontmatter\/date::Unexpected `date` `2025-02-30`/
    )
    expect(lines[1]).toMatch(/^::warning file=content\/2025-03-14-newsletter-launch\.md,line=4,col=1,.*title=frontmatter\/unknown-field::/)
    expect(run(['check', '--format', 'xml'], bad).code).toBe(2)
  })

  it('check --max-warnings fails when warnings exceed it', async () => {
    const warnOnly = await tempProject({'content/a.md': validEntry({frontmatter: 'title: A\ndate: 2025-01-01\ntag: [x]'})})
    try {
      expect(run(['check', '--max-warnings', '1'], warnOnly).code).toBe(0)
      const over = run(['check', '--max-warnings', '0'], warnOnly)
      expect(over.code).toBe(1)
      expect(over.stderr).toContain('1 warnings, more than --max-warnings 0 allows')
      expect(run(['check', '--max-warnings', '-1'], warnOnly).code).toBe(2)
    } finally {
      await fs.rm(warnOnly, {recursive: true, force: true})
    }
  })

  it('check exits 0 on clean content, and with warnings only', async () => {
    const clean = run(['check'], good)
    expect(clean.code).toBe(0)
    expect(clean.stdout).toContain('✔ 1 file checked, no problems')
    const warnOnly = await tempProject({'content/a.md': validEntry({frontmatter: 'title: A\ndate: 2025-01-01\ntag: [x]'})})
    try {
      const result = run(['check'], warnOnly)
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('⚠ 1 problem (0 errors, 1 warning)')
    } finally {
      await fs.rm(warnOnly, {recursive: true, force: true})
    }
  })

  it('check on many bad entries ends with the problems by rule and each fix once; --quiet stays short', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 60; i++) {
      files[`content/2025-01-01-entry-${i}.md`] = `---\ntitle: Entry ${i}\ndate: 2025-02-30\nauthor: me\ncategory: ops\noutcome: fail\n---\n\nJust notes.\n`
    }
    const root = await tempProject(files)
    try {
      const full = run(['check', '--no-cache'], root)
      expect(full.code).toBe(1)
      const lines = full.stdout.trimEnd().split('\n')
      const summary = lines.slice(lines.indexOf('Problems by rule'))
      expect(summary.filter((line) => /^ {2}\S/.test(line))).toEqual([
        '  sections/missing           480 errors in 60 files',
        '  frontmatter/date            60 errors in 60 files',
        '  frontmatter/value           60 errors in 60 files',
        '  frontmatter/unknown-field  120 warnings in 60 files',
        '  sections/recommended       120 warnings in 60 files'
      ])
      expect(summary).toContain(`    fix: ${ruleTable['frontmatter/unknown-field'].fix}`)
      expect(full.stdout.split(ruleTable['frontmatter/unknown-field'].fix!)).toHaveLength(2)
      expect(lines.at(-1)).toBe('✖ 840 problems (600 errors, 240 warnings) in 60 of 60 files')
      // Not a terminal: each message on one line, never padded to the longest message.
      const messages = lines.filter((line) => /^ {2}\d+:\d+ /.test(line))
      expect(messages).toHaveLength(840)
      for (const line of messages) expect(line).toMatch(/^ {2}\d+:\d+ +(error {4}|warning {2})\S(?:(?! {3}).)*\S {2}[a-z]+\/[a-z-]+$/)

      const quiet = run(['check', '--quiet', '--no-cache'], root)
      expect(quiet.code).toBe(1)
      const short = quiet.stdout.trimEnd().split('\n')
      // Every file has the same ten errors: each is said once, with the number of files and the first places.
      expect(short[0]).toBe('Errors in many files')
      expect(short.filter((line) => /^ {2}error {2}/.test(line))).toHaveLength(10)
      expect(short.filter((line) => /^ {9}in 60 files: content\/2025-01-01-entry-0\.md:\d+:\d+, /.test(line))).toHaveLength(10)
      expect(short.length).toBeLessThanOrEqual(10 * 2 + 12)
      expect(quiet.stdout).not.toMatch(/warning {2}/)
      expect(short).toContain('Errors by rule')
      expect(short).toContain(`    fix: ${ruleTable['sections/missing'].fix}`)
      expect(short.at(-1)).toBe('✖ 600 errors in 60 of 60 files (240 warnings not shown)')
    } finally {
      await fs.rm(root, {recursive: true, force: true})
    }
  }, 60_000)

  it('build writes dist/ and exits 0; with errors it exits 1 and writes nothing', async () => {
    const ok = run(['build'], good)
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/Built 1 entry into dist\/ \(\d+ files\)/)
    await expect(fs.readFile(path.join(good, 'dist/2025/newsletter-launch/index.html'), 'utf8')).resolves.toContain('Newsletter launch')

    const failed = run(['build'], bad)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('frontmatter/date')
    expect(failed.stderr).toContain('Build failed')
    await expect(fs.access(path.join(bad, 'dist'))).rejects.toThrow()
  })

  it('reads many entries in the worker threads of the bundled command line', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i <= poolThreshold; i++)
      files[`content/2025-02-01-entry-${i}.md`] = validEntry({frontmatter: `title: Entry ${i}\ndate: 2025-02-01${i === 7 ? '\noutcome: nope' : ''}`})
    const root = await tempProject(files)
    try {
      const checked = run(['check', '--jobs', '2', '--no-cache', '--verbose'], root)
      expect(checked.stderr).toContain(`${poolThreshold + 1} entries: 0 from the cache, ${poolThreshold + 1} read afresh`)
      expect(checked.stdout).toMatch(/content\/2025-02-01-entry-7\.md\n\s+4:10\s+error .* frontmatter\/value/)
      expect(checked.stdout.match(/ {2}frontmatter\/value$/gm)).toHaveLength(1)
      expect(checked.code).toBe(1)
    } finally {
      await fs.rm(root, {recursive: true, force: true})
    }
  }, 60_000)

  it('explains --root mistakes and options put before the command', () => {
    const file = run(['check', '--root', path.join(good, 'content', '2025-03-14-newsletter-launch.md')], good)
    expect(file.code).toBe(1)
    expect(file.stderr).toContain('is a file, expected a folder holding content/')
    const empty = run(['check', '--root='], good)
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('`--root` needs a folder')
    const before = run(['--root', 'x', 'build'], good)
    expect(before.code).toBe(2)
    expect(before.stderr).toContain('`bounceback build --root x`')
  })

  it('build --base serves every link from a sub-path', async () => {
    const result = run(['build', '--base', '/lessons/'], good)
    expect(result.code).toBe(0)
    const home = await fs.readFile(path.join(good, 'dist', 'index.html'), 'utf8')
    expect(home).toContain('href="/lessons/assets/style.css"')
    expect(home).toContain('href="/lessons/2025/newsletter-launch/"')
    expect(run(['build'], good).code).toBe(0)
  })

  it('init makes a project that builds, and new starts an entry in it, printing its path', async () => {
    const root = await tempProject({})
    try {
      const made = run(['init', 'lessons'], root)
      expect(made.code).toBe(0)
      expect(made.stdout).toContain('created  lessons/bounceback.config.mjs')
      const dir = path.join(root, 'lessons')
      expect(run(['init'], dir).stdout).toContain('kept     package.json (already there, left as it was)')
      const entry = run(['new', 'Hiring: round two', '--date', '2025-05-01', '--tags', 'work, hiring'], dir)
      expect(entry.code).toBe(0)
      expect(entry.stdout.split('\n')[0]).toBe('content/2025-05-01-hiring-round-two.md')
      expect(entry.stdout).toContain('It is a draft: checked, not published; remove `draft: true` when it is done.')
      expect(run(['new', 'Hiring: round two', '--date', '2025-05-01'], dir).stderr).toContain('already exists')
      // No title and an empty one are the same mistake: the same words, the same exit code.
      const none = run(['new'], dir)
      const empty = run(['new', '  '], dir)
      expect([none.code, empty.code]).toEqual([2, 2])
      expect(empty.stderr).toBe(none.stderr)
      // A draft keeps the project building: its empty sections are warnings.
      const checked = run(['check'], dir)
      expect(checked.code).toBe(0)
      expect(checked.stdout).toMatch(/warning +Unexpected empty section `goal`/)
      const published = run(['new', 'Ready to go', '--date', '2025-05-02', '--publish'], dir)
      expect(published.stdout).toContain('it is published once every section is answered')
      const failing = run(['check'], dir)
      expect(failing.code).toBe(1)
      expect(failing.stdout).toMatch(/error +Unexpected empty section `goal`/)
    } finally {
      await fs.rm(root, {recursive: true, force: true})
    }
  })

  it('check takes --json as lessons does, the same as --format json, and refuses it beside another format', () => {
    const json = run(['check', '--json', '--root', good], path.dirname(good))
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(run(['check', '--format', 'json', '--root', good], path.dirname(good)).stdout))
    const both = run(['check', '--json', '--format', 'github', '--root', good], path.dirname(good))
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('`--json` and `--format github` disagree')
  })

  it('check reports only the files or globs it is given, still reading every entry for the checks that need them all', async () => {
    const broken = validEntry({frontmatter: 'title: Broken\ndate: 2025-02-30'})
    const root = await tempProject({
      'content/2025-01-01-fine.md': validEntry({frontmatter: 'title: Fine\ndate: 2025-01-01'}),
      'content/2025-02-01-broken.md': broken,
      'content/work/2025-03-01-also-broken.md': broken.replace('title: Broken', 'title: Also broken'),
      // Two entries on one URL: a check that needs both, whichever is named.
      'content/a/2025-04-01-same.md': validEntry({frontmatter: 'title: Same\ndate: 2025-04-01'}),
      'content/b/2025-04-01-same.md': validEntry({frontmatter: 'title: Same\ndate: 2025-04-01'})
    })
    try {
      const fine = run(['check', 'content/2025-01-01-fine.md'], root)
      expect(fine.code).toBe(0)
      expect(fine.stdout.trim()).toBe('✔ 1 file checked, no problems')
      // Relative to the current folder, as lint-staged and pre-commit pass them.
      const one = run(['check', '2025-02-01-broken.md', '--root', root], path.join(root, 'content'))
      expect(one.code).toBe(1)
      expect(one.stdout).toContain('content/2025-02-01-broken.md')
      expect(one.stdout).not.toContain('also-broken')
      expect(one.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings) in 1 of 1 file')
      const glob = run(['check', '--format', 'json', 'content/**/*broken.md', path.join(root, 'content/2025-01-01-fine.md')], root)
      expect(JSON.parse(glob.stdout).files.map((f: {file: string}) => f.file)).toEqual([
        'content/2025-01-01-fine.md',
        'content/2025-02-01-broken.md',
        'content/work/2025-03-01-also-broken.md'
      ])
      const same = run(['check', 'content/a/2025-04-01-same.md'], root)
      expect(same.code).toBe(1)
      expect(same.stdout).toContain('slug/duplicate')
      const typo = run(['check', 'content/2025-01-01-fien.md'], root)
      expect(typo.code).toBe(2)
      expect(typo.stderr).toContain('`content/2025-01-01-fien.md` is not an entry in content/')
      expect(run(['check', 'content/*.txt'], root).stderr).toContain('`content/*.txt` matches no entry in content/')
    } finally {
      await fs.rm(root, {recursive: true, force: true})
    }
  })

  it('the pre-commit hook this repository ships runs check on the staged entries it selects', async () => {
    const hooks = parse(await fs.readFile(path.join(import.meta.dirname, '..', '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string
      entry: string
      files: string
    }[]
    const hook = hooks.find((h) => h.id === 'bounceback-check')!
    const files = new RegExp(hook.files)
    expect(['content/2025-03-14-newsletter-launch.md', 'content/work/a.markdown'].every((f) => files.test(f))).toBe(true)
    expect(['README.md', 'content/image.png', 'themes/content/x.md'].some((f) => files.test(f))).toBe(false)
    const [command, ...args] = hook.entry.split(' ')
    expect(command).toBe('bounceback')
    // pre-commit runs the entry from the repository's root, with the staged files after it.
    expect(run([...args, 'content/2025-03-14-newsletter-launch.md'], good).code).toBe(0)
    const failing = run([...args, 'content/2025-03-14-newsletter-launch.md'], bad)
    expect(failing.code).toBe(1)
    expect(failing.stdout).toContain('error')
  })

  it('--root points at another project folder', () => {
    const result = run(['check', '--root', good], path.dirname(good))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('1 file checked')
  })

  it('names a missing content folder and exits 1', async () => {
    const empty = await tempProject({})
    try {
      const result = run(['build'], empty)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('No content folder')
    } finally {
      await fs.rm(empty, {recursive: true, force: true})
    }
  })
})

describe('bounceback watch', () => {
  it('serves, says where, and stops cleanly on Ctrl+C with no temporary folder left', async () => {
    const {spawn} = await import('node:child_process')
    const root = await tempProject({'content/2025-03-14-newsletter-launch.md': validEntry()})
    try {
      const child = spawn(process.execPath, [bin, 'watch', '--port', '0'], {cwd: root, env: {...process.env, NO_COLOR: '1'}})
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
      const deadline = Date.now() + 15_000
      while (!/Serving dist\/ at http:\/\/127\.0\.0\.1:\d+\//.test(out)) {
        if (Date.now() > deadline) throw new Error(`watch did not start: ${out}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1]!
      expect(await fetch(url).then((r) => r.status)).toBe(200)
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      child.kill('SIGINT')
      expect(await exit).toBe(0)
      expect(out).toContain('Stopped.')
      expect(await leftovers(root)).toEqual([])
      expect((await fs.readdir(path.join(root, 'dist'), {recursive: true})).filter((name) => name.endsWith('.tmp'))).toEqual([])
    } finally {
      await fs.rm(root, {recursive: true, force: true})
    }
  })

  it('starts without a content folder and says where entries go', async () => {
    const {spawn} = await import('node:child_process')
    const root = await tempProject({})
    try {
      const child = spawn(process.execPath, [bin, 'watch', '--port', '0'], {cwd: root, env: {...process.env, NO_COLOR: '1'}})
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
      const exit = new Promise<{code: number | null; signal: string | null}>((resolve) => child.on('exit', (code, signal) => resolve({code, signal})))
      const deadline = Date.now() + 15_000
      while (!out.includes('Serving dist/ at')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`watch did not start: ${out}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(out).toContain('No content folder at content/: watching for it. Create it and add entries')
      child.kill('SIGINT')
      // What it printed goes with the exit, so a failure says what happened.
      expect({...(await exit), out}).toEqual({code: 0, signal: null, out: expect.stringContaining('Stopped.')})
    } finally {
      await fs.rm(root, {recursive: true, force: true})
    }
  })

  it('refuses a port that is not one', () => {
    const bad = run(['watch', '--port', 'eighty'], good)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('`--port` must be a port number')
  })
})
