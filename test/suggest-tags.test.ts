import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultSuggest, suggestTags} from '../src/pipeline/aggregate/suggest-tags.js'
import {check} from '../src/check.js'
import {main} from '../src/cli/main.js'
import {capturedIo, fixtures, useProjects, withLessons} from './helpers.js'

const project = useProjects()

interface Labelled {
  group: string
  text: string
}
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, 'lessons', `${name}.json`), 'utf8')) as Labelled[]

/**
 * As a writer who tags some lessons and not others: in each labelled theme, the first half of
 * its lessons carry the theme's name as a hashtag, the rest none. A suggestion is right when it
 * names the lesson's own theme; coverage is the share of untagged lessons of a tagged theme
 * that get the right suggestion.
 */
function measure(set: readonly Labelled[], threshold = defaultSuggest.threshold) {
  const sizes = new Map<string, number>()
  for (const l of set) sizes.set(l.group, (sizes.get(l.group) ?? 0) + 1)
  const seen = new Map<string, number>()
  const lessons = set.map((l) => {
    const index = seen.get(l.group) ?? 0
    seen.set(l.group, index + 1)
    const tagged = sizes.get(l.group)! >= 2 && index < Math.ceil(sizes.get(l.group)! / 2)
    return {text: l.text, hashtags: tagged ? [l.group] : []}
  })
  const suggestions = suggestTags(lessons, {...defaultSuggest, threshold})
  const right = suggestions.filter((s) => s.tag === set[s.lesson]!.group).length
  const could = lessons.filter((l, i) => l.hashtags.length === 0 && sizes.get(set[i]!.group)! >= 2).length
  return {precision: suggestions.length === 0 ? 1 : right / suggestions.length, coverage: right / could, suggested: suggestions.length, could}
}

describe('tag suggestions', () => {
  it('are right at least 9 times in 10 on the set they were tuned on', () => {
    const score = measure(load('labelled'))
    console.log(
      `tag suggestions, labelled set (score ≥ ${defaultSuggest.threshold}): precision ${score.precision.toFixed(3)}, ` +
        `coverage ${score.coverage.toFixed(3)} (${score.suggested} suggested, ${score.could} untagged lessons of a tagged theme)`
    )
    expect(score.precision).toBeGreaterThanOrEqual(0.9)
    expect(score.suggested).toBeGreaterThan(0)
  })

  it('on a set written separately, never flood: at most one untagged lesson in ten gets a suggestion (and print how many are right)', () => {
    const score = measure(load('held-out'))
    console.log(
      `tag suggestions, held-out set (score ≥ ${defaultSuggest.threshold}): precision ${score.precision.toFixed(3)}, ` +
        `coverage ${score.coverage.toFixed(3)} (${score.suggested} suggested, ${score.could} untagged lessons of a tagged theme)`
    )
    expect(score.suggested).toBeLessThanOrEqual(score.could / 10)
  })

  it('check reports an untagged lesson like a tagged theme at its line, as info, naming the tag and an earlier wording', async () => {
    const root = await project({
      'content/2024-01-01-first.md': withLessons('- Pad every estimate by a fifth #estimation\n- Ship smaller batches'),
      'content/2024-06-01-second.md': withLessons('- Deadlines slip unless the plan keeps spare days #estimation'),
      'content/2025-01-01-third.md': withLessons('- Call the venue before paying\n- Quote every estimate with spare days')
    })
    const result = await check({root})
    const similar = result.messages.filter((m) => m.ruleId === 'lessons/similar')
    const text = await import('node:fs/promises').then((fs) => fs.readFile(`${root}/content/2025-01-01-third.md`, 'utf8'))
    const line = text.split('\n').findIndex((l) => l.startsWith('- Quote every estimate')) + 1
    expect(similar).toEqual([
      {
        file: 'content/2025-01-01-third.md',
        line,
        column: 1,
        severity: 'info',
        message: 'Resembles #estimation (2 lessons, e.g. “Deadlines slip unless the plan keeps spare days”): add #estimation to link them',
        ruleId: 'lessons/similar'
      }
    ])
    expect(result.ok).toBe(true)
    // A suggestion fails nothing, not even --max-warnings 0; at `warn` it counts as a warning.
    const {out, io} = capturedIo(root)
    expect(await main(['check', '--max-warnings', '0'], io)).toBe(0)
    expect(out.join('\n')).toMatch(/info +Resembles #estimation/)
    expect(out.join('\n')).toContain('; 1 suggestion')
    const warned = await check({root, overrides: {rules: {'lessons/similar': 'warn'}}})
    expect(warned.messages.filter((m) => m.ruleId === 'lessons/similar').map((m) => m.severity)).toEqual(['warning'])
    const off = await check({root, overrides: {rules: {'lessons/similar': 'off'}}})
    expect(off.messages.filter((m) => m.ruleId === 'lessons/similar')).toEqual([])
  })

  it('lessons --suggest lists the tags to add and likely pairs, best first, with files and lines; --json for tools', async () => {
    const root = await project({
      'content/2024-01-01-first.md': withLessons('- Pad every estimate by a fifth #estimation\n- Call the venue before booking the band'),
      'content/2024-06-01-second.md': withLessons('- Deadlines slip unless the plan keeps spare days #estimation'),
      'content/2025-01-01-third.md': withLessons('- Call the venue and visit the florist early\n- Quote every estimate with spare days')
    })
    const {out, io} = capturedIo(root)
    expect(await main(['lessons', '--suggest', '--json'], io)).toBe(0)
    const data = JSON.parse(out.join('\n')) as {
      tags: {file: string; line: number; tag: string}[]
      pairs: {score: number; lessons: {file: string; line: number; text: string}[]}[]
    }
    expect(data.tags.map((t) => [t.file, t.tag])).toEqual([['content/2025-01-01-third.md', 'estimation']])
    expect(data.pairs.map((p) => p.lessons.map((l) => l.text))).toEqual([
      ['Call the venue before booking the band', 'Call the venue and visit the florist early']
    ])
    expect(data.pairs[0]!.lessons[0]!.file).toBe('content/2024-01-01-first.md')
    expect(data.pairs[0]!.score).toBeGreaterThanOrEqual(0.4)
    out.length = 0
    expect(await main(['lessons', '--suggest'], io)).toBe(0)
    const text = out.join('\n')
    expect(text).toContain('Tags to add (1)')
    expect(text).toMatch(/content\/2025-01-01-third\.md:\d+ {2}Quote every estimate with spare days/)
    expect(text).toContain('Likely the same lesson (1)')
  })

  it('new names the hashtags in use under the lessons heading, most used first, so that writers reuse them', async () => {
    const root = await project({
      'content/2024-01-01-first.md': withLessons('- Pad every estimate by a fifth #estimation\n- Sleep before race day #health'),
      'content/2024-06-01-second.md': withLessons('- Deadlines slip unless the plan keeps spare days #estimation')
    })
    const {io} = capturedIo(root)
    expect(await main(['new', 'Next try', '--date', '2025-02-01'], io)).toBe(0)
    const text = await import('node:fs/promises').then((fs) => fs.readFile(`${root}/content/2025-02-01-next-try.md`, 'utf8'))
    const comment = /## What did I learn[^\n]*\n\n(<!--[\s\S]*?-->)/.exec(text)?.[1]
    expect(comment).toContain('Tags in use: #estimation (2, e.g. “Pad every estimate by a fifth”), #health (1, e.g. “Sleep before race day”).')
    // Still a comment: the section counts as unanswered.
    const result = await check({root})
    expect(result.messages.filter((m) => m.file.endsWith('next-try.md') && m.message.includes('`lessons`')).map((m) => m.ruleId)).toEqual(['sections/empty'])
  })
})
