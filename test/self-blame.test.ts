import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findSelfBlame} from '../src/pipeline/validate/rules/self-blame.js'
import {fixtures, messageLines, processString, validEntry} from './helpers.js'

const lines = (name: string) =>
  fs
    .readFileSync(path.join(fixtures, 'self-blame', name), 'utf8')
    .split('\n')
    .filter(Boolean)

describe('language/self-blame', () => {
  it('flags every phrasing that judges the writer', () => {
    const missed = lines('flag.txt').filter((sentence) => findSelfBlame(sentence).length === 0)
    expect(missed).toEqual([])
  })

  it('leaves ordinary post-mortem sentences alone (false alarms matter most)', () => {
    const flagged = lines('keep.txt').filter((sentence) => findSelfBlame(sentence).length > 0)
    expect(flagged).toEqual([])
  })

  it('points at the phrase, as a warning with a reframing', async () => {
    const text = validEntry().replace('Promotion.', 'Promotion. Honestly, I am such a failure at this.')
    const result = await processString(text)
    expect(messageLines(result.messages)).toEqual([
      '26:22 warning Unexpected judgement of yourself, “I am such a failure”, expected what happened: describe what happened and what you ' +
        'would do differently, as in "I missed the deadline because…" language/self-blame'
    ])
  })

  it('ignores quotes, code, links and block quotes', async () => {
    const text = validEntry().replace(
      'Promotion.',
      'He wrote "I\'m an idiot" on the board. `I am so stupid` [I am useless](https://x.test)\n\n> I always mess up.'
    )
    expect((await processString(text)).messages).toEqual([])
  })

  it('is off for an entry with a frontmatter flag or an HTML comment', async () => {
    const body = (text: string) => text.replace('Promotion.', 'I am such a failure.')
    const byFrontmatter = body(validEntry({frontmatter: 'title: T\ndate: 2025-01-01\nrules: {language/self-blame: off}'}))
    expect((await processString(byFrontmatter)).messages).toEqual([])
    const byComment = body(validEntry()).replace('## What was the goal?', '<!-- bounceback-disable language/self-blame -->\n\n## What was the goal?')
    expect((await processString(byComment)).messages).toEqual([])
    const wrong = body(validEntry({frontmatter: 'title: T\ndate: 2025-01-01\nrules: {language/self-blam: off, lessons/list: loud}'}))
    expect((await processString(wrong)).messages.map((m) => m.message)).toEqual([
      'Unexpected rule `language/self-blam`, did you mean `language/self-blame`?',
      'Unexpected level `loud` for `rules.lessons/list`, expected `off`, `info`, `warn` or `error`',
      expect.stringContaining('I am such a failure')
    ])
  })
})
