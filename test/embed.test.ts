import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {check} from '../src/check.js'
import {main} from '../src/cli/main.js'
import {capturedIo, useProjects, withLessons} from './helpers.js'

const project = useProjects()

/** A deterministic embedder for tests: one dimension per concept, counting the concept's words. */
const concepts: Record<string, string[]> = {
  time: ['estimate', 'estimates', 'deadline', 'deadlines', 'late', 'overrun', 'schedule', 'longer', 'quote'],
  rest: ['sleep', 'rest', 'tired', 'bed', 'night'],
  money: ['budget', 'cost', 'spend', 'savings', 'price']
}
function embedder() {
  const calls: string[][] = []
  const embed = async (texts: string[]) => {
    calls.push(texts)
    return texts.map((text) => {
      const words = text.toLowerCase().match(/[a-z]+/g) ?? []
      return [...Object.values(concepts).map((list) => words.filter((w) => list.includes(w)).length), 0.1]
    })
  }
  return {embed, calls}
}

const site = {
  'content/2024-01-01-first.md': withLessons('- Every deadline I set runs late'),
  'content/2024-06-01-second.md': withLessons('- My estimates overrun\n- Go to bed before midnight'),
  'content/2025-01-01-third.md': withLessons('- Protect my sleep the night before a launch')
}

const themesOf = async (root: string) =>
  (JSON.parse(await fs.readFile(path.join(root, 'dist', 'data.json'), 'utf8')) as {lessons: {occurrences: {text: string}[]}[]}).lessons
    .map((t) => t.occurrences.map((o) => o.text).sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1))

describe('lessons.embed', () => {
  it('groups lessons that share no word but mean the same, and asks only for wordings it has not seen', async () => {
    const root = await project(site)
    const {embed, calls} = embedder()
    const first = await build({root, overrides: {lessons: {embed}}})
    expect(first.written).toBe(true)
    expect(await themesOf(root)).toEqual([
      ['Every deadline I set runs late', 'My estimates overrun'],
      ['Go to bed before midnight', 'Protect my sleep the night before a launch']
    ])
    expect(calls).toEqual([
      ['Every deadline I set runs late', 'My estimates overrun', 'Go to bed before midnight', 'Protect my sleep the night before a launch']
    ])
    // Without the hook, wording alone does not group them.
    await build({root, cache: false})
    expect((await themesOf(root)).every((theme) => theme.length === 1)).toBe(true)
    // A new run with the cache on disk asks for nothing; a new wording is the only one asked for.
    const again = embedder()
    await build({root, overrides: {lessons: {embed: again.embed}}})
    expect(again.calls).toEqual([])
    await fs.writeFile(
      path.join(root, 'content/2025-01-01-third.md'),
      withLessons('- Protect my sleep the night before a launch\n- Price the budget before I spend')
    )
    await build({root, overrides: {lessons: {embed: again.embed}}})
    expect(again.calls).toEqual([['Price the budget before I spend']])
    // With the cache off, every wording is asked for again.
    const fresh = embedder()
    await build({root, cache: false, overrides: {lessons: {embed: fresh.embed}}})
    expect(fresh.calls.flat()).toHaveLength(5)
  })

  it('suggests the tag of a theme an untagged lesson is close to in meaning', async () => {
    const root = await project({
      'content/2024-01-01-first.md': withLessons('- Every deadline I set runs late #estimation'),
      'content/2025-01-01-second.md': withLessons('- Quote longer than my first guess, plan the budget')
    })
    const {embed} = embedder()
    const result = await check({root, overrides: {lessons: {embed, similarity: 0.95}}})
    expect(result.messages.filter((m) => m.ruleId === 'lessons/similar').map((m) => [m.file, m.severity, m.message])).toEqual([
      ['content/2025-01-01-second.md', 'info', 'Resembles #estimation (1 lesson, e.g. “Every deadline I set runs late”): add #estimation to link them']
    ])
  })

  it('stops with a clear error naming lessons.embed when it fails or returns the wrong thing, and leaves dist/ as it was', async () => {
    const root = await project(site)
    await build({root})
    const before = await fs.readFile(path.join(root, 'dist', 'index.html'), 'utf8')
    const failing = async () => {
      throw new Error('model not found')
    }
    await expect(build({root, overrides: {lessons: {embed: failing}}})).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: '`lessons.embed` failed on 4 lessons: model not found'
    })
    const short = async (texts: string[]) => texts.slice(1).map(() => [1, 0])
    await expect(build({root, cache: false, overrides: {lessons: {embed: short}}})).rejects.toMatchObject({
      message: '`lessons.embed` returned a list of 3 for 4 texts, expected 4 vectors of one length (lists of finite numbers)'
    })
    expect(await fs.readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toBe(before)
    await expect(check({root, overrides: {lessons: {embed: 'model' as never}}})).rejects.toMatchObject({
      message: expect.stringContaining('`lessons.embed` must be a function')
    })
  })

  it('lessons --suggest lists pairs close in meaning though they share no word, from a config file', async () => {
    const root = await project({
      'bounceback.config.mjs': `const words = ['deadline', 'late', 'quote', 'longer', 'budget']
export default {
  lessons: {
    similarity: 0.95,
    embed: (texts) => texts.map((t) => {
      const w = t.toLowerCase().match(/[a-z]+/g) ?? []
      return [w.filter((x) => words.slice(0, 4).includes(x)).length, w.filter((x) => x === 'budget').length, 0.1]
    })
  }
}
`,
      'content/2024-01-01-first.md': withLessons('- Every deadline runs late'),
      'content/2025-01-01-second.md': withLessons('- Quote the budget longer')
    })
    const {out, io} = capturedIo(root)
    expect(await main(['lessons', '--suggest', '--json'], io)).toBe(0)
    const data = JSON.parse(out.join('\n')) as {pairs: {score: number; lessons: {text: string}[]}[]}
    expect(data.pairs.map((p) => p.lessons.map((l) => l.text))).toEqual([['Every deadline runs late', 'Quote the budget longer']])
    expect(data.pairs[0]!.score).toBeGreaterThanOrEqual(0.85)
  })
})
