import os from 'node:os'
import {defaultCacheDir} from '../src/config/cache-location.js'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {check} from '../src/check.js'
import {main} from '../src/cli/main.js'
import {watch, type RebuildEvent} from '../src/dev/watch/watch.js'
import {editCachedResults, useProjects, validEntry} from './helpers.js'

const project = useProjects()
const bin = path.resolve(import.meta.dirname, '..', 'bin', 'bounceback.js')
const frontmatter = (title: string) => `---\ntitle: ${title}\ndate: 2025-01-01\n---\n\n## What was the goal?\n\n`

/** Entries under the 1 MB limit that kept the parser busy for minutes, or took gigabytes. */
const hostile: Record<string, string> = {
  'emphasis.md': frontmatter('Emphasis') + '_a_ '.repeat(225_000),
  'mixed.md': frontmatter('Mixed') + '*a _b '.repeat(2_200) + ' b_ a*'.repeat(2_200),
  'links.md': frontmatter('Links') + '[a]('.repeat(225_000),
  'brackets.md': frontmatter('Brackets') + '['.repeat(900_000),
  'table.md':
    frontmatter('Table') +
    (() => {
      const row = `|${'a|'.repeat(1000)}\n`
      return `${row}|${'-|'.repeat(1000)}\n${row.repeat(400)}`
    })(),
  // Small, and slow all the same: read in line first, then stopped and handed to a worker.
  'setext.md': frontmatter('Setext') + 'a\n=\n'.repeat(4000)
}

async function cli(args: string[], cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {NO_COLOR: '1'}, isTTY: false})
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}

describe('entries that would keep the parser busy', () => {
  it('each end as one message on every path, and the other entries are read as usual', async () => {
    const files: Record<string, string> = {
      'bounceback.config.json': JSON.stringify({limits: {timeBudget: 800, memory: 256}}),
      'content/2025-03-14-fine.md': validEntry(),
      'content/2025-04-01-wrong-date.md': validEntry({frontmatter: 'title: Wrong\ndate: 2025-02-30'})
    }
    for (const [name, text] of Object.entries(hostile)) files[`content/${name}`] = text
    const root = await project(files)
    const expected = [
      'content/2025-04-01-wrong-date.md frontmatter/date',
      ...Object.keys(hostile).map((name) => expect.stringMatching(new RegExp(`^content/${name.replace('.', '\\.')} file/(?:timeout|memory)$`)))
    ]
    const byFile = (messages: readonly {file: string; ruleId: string}[]) => messages.map((m) => `${m.file} ${m.ruleId}`).sort()
    const checked = await check({root, cache: false})
    expect(byFile(checked.messages)).toEqual(expect.arrayContaining(expected))
    expect(checked.messages).toHaveLength(expected.length)
    const built = await build({root, cache: false})
    expect(built.written).toBe(false)
    expect(byFile(built.messages)).toEqual(byFile(checked.messages))
    const lessons = await cli(['lessons', '--root', root, '--no-cache'], root)
    expect(lessons.code).toBe(1)
    expect(lessons.stdout).toContain('Promote before launch, not after.')
  }, 120_000)

  it('leave the preview server answering while one is read, and the rest of the site updating', async () => {
    const root = await project({'bounceback.config.json': JSON.stringify({limits: {timeBudget: 4000}}), 'content/2025-03-14-fine.md': validEntry()})
    const events: RebuildEvent[] = []
    const watcher = await watch({root, port: 0, today: '2025-06-01', onRebuild: (e) => events.push(e)})
    events.length = 0
    try {
      await fs.writeFile(path.join(root, 'content', '2025-01-01-slow.md'), frontmatter('Slow') + '*a _b '.repeat(2_200) + ' b_ a*'.repeat(2_200))
      // While the entry is being read, the server answers: each reply comes before the rebuild ends.
      let answered = 0
      while (events.length === 0) {
        const response = await fetch(watcher.url)
        if (response.ok && events.length === 0) answered++
        await response.arrayBuffer()
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(answered).toBeGreaterThan(3)
      await watcher.idle()
      const last = events.at(-1)!
      expect(last.messages).toContainEqual(expect.objectContaining({file: 'content/2025-01-01-slow.md', ruleId: 'file/timeout'}))
      expect(await fs.readFile(path.join(root, 'dist', '2025', 'fine', 'index.html'), 'utf8')).toContain('Newsletter launch')
    } finally {
      await watcher.close()
    }
  }, 60_000)
})

describe('values that would break pages', () => {
  it('are refused where they are written, by check and build alike', async () => {
    const root = await project({
      'content/2025-03-14-a.md': validEntry({frontmatter: 'title: "Lone \\uD800 surrogate"\ndate: 2025-03-14'}),
      'content/2025-03-15-b.md': validEntry({frontmatter: 'title: B\ndate: 2025-03-15\ntags: ["nul\\0byte", "\\uFFFE"]'}),
      'content/2025-03-16-c.md': validEntry({frontmatter: 'title: "Ends ]]> fine"\ndate: 2025-03-16'})
    })
    const lines = (messages: readonly {file: string; line: number; ruleId: string; message: string}[]) =>
      messages.map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.message}`)
    const checked = await check({root, cache: false})
    expect(lines(checked.messages)).toEqual([
      'content/2025-03-14-a.md:2 frontmatter/value Unexpected lone surrogate U+D800 in `Lone \\ud800 surrogate`, expected text a page can show: remove it',
      'content/2025-03-15-b.md:4 frontmatter/value Unexpected control character U+0000 in `nul\\u0000byte`, expected text a page can show: remove it',
      'content/2025-03-15-b.md:4 frontmatter/value Unexpected noncharacter U+FFFE in `\\ufffe`, expected text a page can show: remove it'
    ])
    const built = await build({root, cache: false})
    expect(lines(built.messages)).toEqual(lines(checked.messages))
    expect(built.written).toBe(false)
  })

  it('never reach a page or a feed, even with the check turned down', async () => {
    const root = await project({
      'bounceback.config.json': JSON.stringify({base: 'https://example.com/', rules: {'frontmatter/value': 'warn'}}),
      'content/2025-03-14-a.md': validEntry({frontmatter: 'title: "Lone \\uD800 ]]> \\uFFFE \\0 title"\ndate: 2025-03-14\ntags: ["t\\0ag", "\\uDC00"]'})
    })
    const built = await build({root, cache: false})
    expect(built.written).toBe(true)
    const {SaxesParser} = await import('saxes')
    for (const name of (await fs.readdir(path.join(root, 'dist'), {recursive: true})).filter((n) => /\.(html|xml|json)$/.test(n))) {
      const text = await fs.readFile(path.join(root, 'dist', name), 'utf8')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
      expect(text, name).not.toMatch(/[\u0000\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
      if (name.endsWith('.xml')) expect(() => new SaxesParser({xmlns: true}).write(text).close(), name).not.toThrow()
    }
    expect(await fs.readFile(path.join(root, 'dist', 'feed.xml'), 'utf8')).toContain(']]&gt;')
  })

  it('dates outside 1900 to 2199 are refused, and a long span is charted by decade, keeping pages small', async () => {
    const root = await project({
      'content/0999-01-01-typo.md': validEntry({frontmatter: 'title: Typo\ndate: 0999-01-01'}),
      'content/1900-01-01-first.md': validEntry({frontmatter: 'title: First\ndate: 1900-01-01'}),
      'content/2199-12-31-last.md': validEntry({frontmatter: 'title: Last\ndate: 2199-12-31'})
    })
    const checked = await check({root, cache: false})
    expect(checked.messages.map((m) => `${m.file} ${m.ruleId} ${m.message}`)).toEqual([
      'content/0999-01-01-typo.md frontmatter/date Unexpected `date` `0999-01-01`: expected a year from 1900 to 2199'
    ])
    await fs.rm(path.join(root, 'content', '0999-01-01-typo.md'))
    expect((await build({root, cache: false})).written).toBe(true)
    const data = JSON.parse(await fs.readFile(path.join(root, 'dist', 'data.json'), 'utf8')) as {growth: {period: string; periods: string[]}}
    expect(data.growth.period).toBe('decade')
    expect(data.growth.periods).toHaveLength(30)
    expect(data.growth.periods.slice(0, 2)).toEqual(['1900s', '1910s'])
    expect((await fs.stat(path.join(root, 'dist', 'growth', 'index.html'))).size).toBeLessThan(1_000_000)
    expect((await fs.stat(path.join(root, 'dist', 'data.json'))).size).toBeLessThan(100_000)
  })
})

describe('caches that heal', () => {
  it('take a cache file of the wrong shape for a miss, and never open one that is not a regular file', async () => {
    const root = await project({'content/2025-03-14-a.md': validEntry()})
    expect((await build({root})).written).toBe(true)
    await editCachedResults(root, (result) => {
      result.entry.meta.tags = 'x'
    })
    const again = await build({root})
    expect(again.written).toBe(true)
    expect(again.cache).toEqual({hits: 0, misses: 1})
    // A FIFO where the cache file was: opening it to read would wait for a writer forever.
    for (const name of ['entries.jsonl', 'pages.json', 'search.json']) {
      await fs.rm(path.join(defaultCacheDir(root, os.homedir()), name), {force: true})
      expect(spawnSync('mkfifo', [path.join(defaultCacheDir(root, os.homedir()), name)]).status).toBe(0)
    }
    const fifo = await build({root})
    expect(fifo.written).toBe(true)
    expect(fifo.cache.misses).toBe(1)
  })
})

describe('failures that would print a stack trace or nothing', () => {
  it('a config whose getter or Proxy throws is one clear line', async () => {
    for (const source of [
      "export default {get title() { throw new Error('getter says no') }}",
      "export default new Proxy({}, {ownKeys() { throw new Error('proxy says no') }})"
    ]) {
      const root = await project({'content/2025-03-14-a.md': validEntry(), 'bounceback.config.mjs': source})
      const result = await cli(['check', '--root', root], root)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/^bounceback: bounceback\.config\.mjs: reading its settings failed: (?:getter|proxy) says no$/)
    }
  })

  it('a config awaiting forever at its top level is one clear line, not a silent exit 13', async () => {
    const root = await project({'content/2025-03-14-a.md': validEntry(), 'bounceback.config.mjs': 'await new Promise(() => {})\nexport default {}\n'})
    const result = spawnSync(process.execPath, [bin, 'check', '--root', root], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe('bounceback: bounceback.config.mjs: never finished loading (a top-level `await` that never settles?)')
  })

  // The permission checks need a user the file system refuses; as root, that is `nobody`.
  const asUser = process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {}
  const canDrop = process.platform !== 'win32'

  it('an unreadable folder in content/ and an unwritable project folder are one clear line each', async () => {
    expect(canDrop, 'needs POSIX permissions').toBe(true)
    const root = await project({'content/2025-03-14-a.md': validEntry(), 'content/private/2025-03-15-b.md': validEntry()})
    // Only folders this test made: the project (mkdtemp makes it 0700) and its content.
    await fs.chmod(path.join(root, 'content'), 0o755)
    await fs.chmod(root, 0o555)
    await fs.chmod(path.join(root, 'content', 'private'), 0o000)
    try {
      const run = (command: string) =>
        spawnSync(process.execPath, [bin, command, '--root', root], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, cwd: '/', ...asUser})
      const checked = run('check')
      expect(checked.status).toBe(1)
      expect(checked.stdout).toContain(
        'content/private\n  1:1  error    Unexpected folder that cannot be read (EACCES), expected a folder bounceback can list: '
      )
      expect(checked.stdout).toMatch(/its entries were not checked {2}file\/unreadable/)
      expect(checked.stderr).toBe('')
      await fs.chmod(path.join(root, 'content', 'private'), 0o755)
      await fs.rm(path.join(root, 'content', 'private'), {recursive: true})
      const built = run('build')
      expect(built.status).toBe(1)
      expect(built.stderr.trim()).toMatch(
        /^bounceback: Could not write .*\.bounceback-lock-dist \(EACCES\): a build writes its lock and temporary folders beside the /
      )
      expect(built.stderr.trim()).toMatch(/output folder, so that folder must be writable\. Check its permissions, or choose another `output`$/)
    } finally {
      await fs.chmod(root, 0o755)
      await fs.chmod(path.join(root, 'content', 'private'), 0o755).catch(() => undefined)
    }
  })
})

describe('found in review: the runner, the pre-checks, the config and the cache', () => {
  it('never throws when a stoppable run reports a timeout after its last item finished', async () => {
    const {InlineBatches} = await import('../src/pool/inline-batches.js')
    const busy = (ms: number) => {
      const end = performance.now() + ms
      while (performance.now() < end);
      return ms
    }
    const batches = new InlineBatches<number>(() => 12, 6)
    // Items that end right at the limit: some runs are reported stopped just as they finish.
    const outcomes = await Promise.all(Array.from({length: 60}, (_, i) => batches.run(() => busy(6 + (i % 7)))))
    expect(outcomes.every((o) => o === 'timed out' || ('value' in o && typeof o.value === 'number'))).toBe(true)
  })

  it('gives the event loop a turn between runs, so timers and replies are not kept waiting', async () => {
    const {InlineBatches} = await import('../src/pool/inline-batches.js')
    const batches = new InlineBatches<number>(() => 1000, 50)
    let finished = 0
    let finishedWhenTimerFired = -1
    setTimeout(() => (finishedWhenTimerFired = finished), 0)
    await Promise.all(
      Array.from({length: 20}, () =>
        batches.run(() => {
          const end = performance.now() + 30
          while (performance.now() < end);
          return ++finished
        })
      )
    )
    expect(finished).toBe(20)
    expect(finishedWhenTimerFired).toBeGreaterThanOrEqual(0)
    expect(finishedWhenTimerFired).toBeLessThan(20)
  })

  it('counts quotes and list markers in any order on a line, and raw HTML, whatever the size of the entry', async () => {
    const padding = `\n\n${'Plain words, only to pass the size at which entries go to a worker. '.repeat(600)}`
    const root = await project({
      'content/alternating.md': validEntry().replace('Writing every week.', `${'- > '.repeat(200)}deep`),
      'content/divs.md': validEntry().replace('Writing every week.', '<div>'.repeat(2000)),
      'content/divs-large.md': validEntry().replace('Writing every week.', '<div>'.repeat(2000) + padding),
      'content/closed.md': validEntry().replace('Writing every week.', '<div>a</div>'.repeat(2000))
    })
    const result = await check({root, cache: false})
    expect(result.messages.map((m) => `${m.file} ${m.ruleId} ${m.message.replace(/ deep.*/, '')}`)).toEqual([
      'content/alternating.md file/too-deep Unexpected nesting 400 levels',
      'content/divs-large.md file/too-deep Unexpected HTML nested 2000 levels',
      'content/divs.md file/too-deep Unexpected HTML nested 2000 levels'
    ])
  })

  it('reads a config whose default export has a `then`, or is a Proxy that throws, without a stack trace', async () => {
    // A Proxy over no keys is read as no settings: nothing asks it for `then` any more.
    const proxy = await project({
      'content/2025-03-14-a.md': validEntry(),
      'bounceback.config.mjs': "export default new Proxy({}, {get() { throw new Error('get says no') }})"
    })
    const read = spawnSync(process.execPath, [bin, 'check', '--root', proxy], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, timeout: 20_000})
    expect(read.stderr).toBe('')
    expect(read.status).toBe(0)
    for (const [source, said] of [
      ["export default new Proxy({title: 'x'}, {get() { throw new Error('get says no') }})", 'get says no'],
      ["export default {get then() { throw new Error('then says no') }}", 'then says no'],
      ["export default {title: 'x', then() {}}", 'unknown key `then`']
    ] as const) {
      const root = await project({'content/2025-03-14-a.md': validEntry(), 'bounceback.config.mjs': source})
      const result = spawnSync(process.execPath, [bin, 'check', '--root', root], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, timeout: 20_000})
      expect(result.status, source).toBe(1)
      expect(result.stderr.trim().split('\n'), source).toEqual([
        expect.stringMatching(new RegExp(`^bounceback: bounceback\\.config\\.mjs: .*${said.replace(/[`.]/g, '\\$&')}`))
      ])
    }
  })

  it('refuses a time budget past what a timer can hold', async () => {
    const root = await project({'content/2025-03-14-a.md': validEntry(), 'bounceback.config.json': JSON.stringify({limits: {timeBudget: 3_000_000_000}})})
    await expect(check({root})).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('`limits.timeBudget` must be at most 2147483647')
    })
  })

  it('does not make a page many times larger than the entry allows', async () => {
    const reference = `[a]: https://example.com/${'u'.repeat(3000)} "${'t'.repeat(3000)}"\n\n${'[a] '.repeat(1000)}`
    const root = await project({'content/2025-03-14-a.md': validEntry().replace('Writing every week.', reference), 'content/2025-03-15-b.md': validEntry()})
    const result = await check({root, cache: false})
    expect(result.messages).toEqual([
      expect.objectContaining({
        file: 'content/2025-03-14-a.md',
        ruleId: 'file/too-large',
        message: expect.stringMatching(/^Unexpected entry that renders to \d+\.\d MB of HTML, expected at most 4\.0 MB/)
      })
    ])
  })

  it('takes a cached entry whose URL would leave the output for a miss, and heals', async () => {
    const root = await project({'content/2025-03-14-a.md': validEntry()})
    expect((await build({root})).written).toBe(true)
    await editCachedResults(root, (result) => {
      result.entry.url = '/../../escape/'
    })
    await fs.rm(path.join(defaultCacheDir(root, os.homedir()), 'pages.json'))
    const again = await build({root})
    expect(again).toMatchObject({written: true, cache: {hits: 0, misses: 1}})
    await expect(fs.access(path.join(root, '..', 'escape'))).rejects.toThrow()
  })

  it('ends an entry whose plugin kills its worker thread as one message', async () => {
    for (const [plugin, ruleId, says = ''] of [
      ['() => () => { setTimeout(() => { throw new Error("later") }) ; return new Promise((resolve) => setTimeout(resolve, 200)) }', 'file/unprocessable'],
      // At once, not after the time budget: the thread's end is the entry's end.
      ['() => () => { process.exit(5) }', 'file/unprocessable', 'in a worker thread: it ended (exit code 5); does a plugin call `process.exit()`?']
    ]) {
      const root = await project({
        'content/2025-03-14-a.md': validEntry(),
        'bounceback.config.mjs': `export default {limits: {timeBudget: 3000}, remarkPlugins: [${plugin}]}\n`
      })
      const result = spawnSync(process.execPath, [bin, 'check', '--root', root], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, timeout: 30_000})
      expect(result.status, plugin).toBe(1)
      expect(result.stdout, plugin).toContain(ruleId)
      expect(result.stdout.replace(/\s+/g, ' '), plugin).toContain(says)
      expect(result.stderr, plugin).toBe('')
    }
  })
})
