import {describe, expect, it} from 'vitest'
import {progressBar} from '../src/cli/progress.js'
import {main} from '../src/cli/main.js'
import {useProjects, validEntry} from './helpers.js'

const project = useProjects()

describe('the progress bar', () => {
  it('stays silent for the first second, then draws at most ten times a second, and wipes itself', () => {
    const lines: string[] = []
    let t = 0
    const bar = progressBar(
      (line) => lines.push(line),
      () => t
    )
    bar.update({phase: 'reading', done: 1, total: 10})
    t = 500
    bar.update({phase: 'reading', done: 5, total: 10})
    expect(lines).toEqual([])
    t = 1200
    bar.update({phase: 'reading', done: 6, total: 10})
    t = 1250
    bar.update({phase: 'reading', done: 7, total: 10})
    t = 1400
    bar.update({phase: 'indexing'})
    bar.done()
    expect(lines).toEqual(['Reading entries [##############----------] 6/10', 'Indexing for search…', ''])
  })
})

describe('--quiet and --verbose', () => {
  const io = (cwd: string, out: string[], err: string[]) => ({
    stdout: (t: string) => out.push(t),
    stderr: (t: string) => err.push(t),
    cwd,
    env: {},
    isTTY: false
  })

  it('--quiet prints errors only, and nothing on success', async () => {
    const root = await project({'content/a.md': validEntry({frontmatter: 'title: A\ndate: 2025-01-01\ntag: [x]'})})
    const out: string[] = []
    const err: string[] = []
    expect(await main(['build', '--quiet'], io(root, out, err))).toBe(0)
    expect(out).toEqual([])
    expect(await main(['check', '--quiet'], io(root, out, err))).toBe(0)
    expect(out).toEqual([])
  })

  it('--verbose says what came from the cache, and where the cache is', async () => {
    const root = await project({'content/a.md': validEntry()})
    const out: string[] = []
    const err: string[] = []
    await main(['check'], io(root, out, err))
    await main(['check', '--verbose'], io(root, out, err))
    expect(err.at(-1)).toMatch(/^1 entries: 1 from the cache, 0 read afresh \(cache: \.bounceback-cache\/\) · \d+ ms$/)
    await main(['check', '--verbose', '--no-cache'], io(root, out, err))
    expect(err.at(-1)).toMatch(/^1 entries: 0 from the cache, 1 read afresh \(cache off\) · \d+ ms$/)
  })

  it('draws no progress when the output is not a terminal', async () => {
    const root = await project({'content/a.md': validEntry()})
    const out: string[] = []
    const err: string[] = []
    expect(await main(['check'], io(root, out, err))).toBe(0)
    expect(err).toEqual([])
  })
})
