import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {findSelfBlame} from '../src/pipeline/validate/rules/self-blame.js'
import {fixtures, messageLines, processString, validEntry} from './helpers.js'
import {propertySeeds} from './seeds.js'

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

  it('states in the README what it measured on the held-out set, written after tuning', () => {
    const judging = lines('held-out/judging.txt')
    const neutral = lines('held-out/neutral.txt')
    const caught = judging.filter((sentence) => findSelfBlame(sentence).length > 0).length
    const falseAlarms = neutral.filter((sentence) => findSelfBlame(sentence).length > 0).length
    const readme = fs.readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8').replace(/\s+/g, ' ')
    const claim = /it caught (\d+) of (\d+) self-judging sentences, with (\d+) false alarms? on (\d+) neutral ones/.exec(readme)
    expect(judging.length).toBeGreaterThanOrEqual(12)
    expect(neutral.length).toBeGreaterThanOrEqual(12)
    expect(claim?.slice(1).map(Number)).toEqual([caught, judging.length, falseAlarms, neutral.length])
  })

  it('points at the phrase, as a warning with a reframing', async () => {
    const text = validEntry().replace('Promotion.', 'Promotion. Honestly, I am such a failure at this.')
    const result = await processString(text)
    expect(messageLines(result.messages)).toEqual([
      '26:22 warning Unexpected judgement of yourself, “I am such a failure”, expected what happened: describe what happened and what you ' +
        'would do differently, as in "I missed the deadline because…" language/self-blame'
    ])
  })

  it('names each kind of phrase at its own line:col, with the reframing for its kind', async () => {
    const text = validEntry().replace('Promotion.', 'Promotion. You fool, you knew.\nI’m hopeless. I keep screwing up.\nThey must think I’m lazy.')
    const label = 'expected what happened: describe what happened and what you would do differently, as in "I missed the deadline because…"'
    expect(messageLines((await processString(text)).messages)).toEqual([
      `26:12 warning Unexpected judgement of yourself, “You fool”, ${label} language/self-blame`,
      `27:1 warning Unexpected judgement of yourself, “I’m hopeless”, ${label} language/self-blame`,
      '27:15 warning Unexpected judgement of yourself, “I keep screwing up”, expected what happened: name this time and its cause, as in ' +
        '"this time I skipped the check because…" language/self-blame',
      '28:1 warning Unexpected judgement of yourself, “They must think I’m lazy”, expected what happened: write what people said or did, ' +
        'or ask them language/self-blame'
    ])
  })

  it('ignores text in curly single quotes even with an apostrophe inside, and an unclosed quote hides nothing', () => {
    expect(findSelfBlame('‘I’m an idiot,’ he said, and laughed.')).toEqual([])
    const unclosed = '“The plan was fine. I was an idiot to skip the check.'
    expect(findSelfBlame(unclosed).map((finding) => [finding.phrase, unclosed.slice(finding.start, finding.end)])).toEqual([
      ['I was an idiot', 'I was an idiot']
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

  describe('parses only the sentences that can match, and finds what parsing the whole text finds', () => {
    const sentences = [
      ...lines('flag.txt'),
      ...lines('keep.txt'),
      ...lines('held-out/judging.txt'),
      ...lines('held-out/neutral.txt'),
      // Places where a sentence may or may not end, for the English parser.
      'Mr. Smith said I was lazy.',
      'e.g. I always mess up.',
      'I met J. R. Smith. I am an idiot.',
      'It shipped in the U.S. I never recovered.',
      'Wait... I always fail.',
      'What?! Nobody likes me.',
      'Version 3.5 I think. I always ruin it.',
      '“Done.” I am useless.',
      '(See fig. 2.) I am hopeless.',
      'etc. They hate me.',
      'It cost approx. 40 euros. I am a fraud.',
      'no. I am a failure',
      'A. I suck. B. You idiot.'
    ]
    const paragraph = fc
      .array(fc.constantFrom(...sentences), {minLength: 1, maxLength: 8})
      .chain((picked) =>
        fc
          .array(fc.constantFrom(' ', '  ', '\n', ' '), {minLength: picked.length, maxLength: picked.length})
          .map((gaps) => picked.map((sentence, i) => (i === 0 ? sentence : gaps[i] + sentence)).join(''))
      )
    sameAsWhole('self-blame by sentence against the whole text', paragraph, 400)

    // Words and marks in any order: abbreviations, initials, numbers, quotes, ellipses, URLs.
    const tokens = [
      ...['I am an idiot', 'I always mess up', 'Nobody likes me', 'you idiot', 'I am such a failure', 'I', "I'm", 'I’m', 'me', 'you'],
      ...['Nobody', 'they', 'Everyone', 'am', 'was', 'an', 'idiot', 'always', 'never', 'fail', 'mess', 'likes', 'hate', 'useless'],
      ...['The', 'plan', 'worked', 'Mr.', 'Dr.', 'e.g.', 'i.e.', 'U.S.', 'J.', 'R.', 'etc.', 'No.', 'vs.', 'St.', 'approx.', '3.5'],
      ...['2024.', 'A.', 'OK.', 'Why?', 'What?!', '...', '…', '.', '!', '?', '“', '”', '"', '‘', '’', '(', ')', 'Étienne', 'Über'],
      ...['iPhone.', 'www.example.com.', 'https://a.test/c.', ':', ';', ',', '—', 'Yes.', 'no.', 'Then', 'But']
    ]
    const soup = fc
      .array(fc.tuple(fc.constantFrom(...tokens), fc.constantFrom(' ', ' ', ' ', '', '  ', '\n', '\t')), {minLength: 1, maxLength: 30})
      .map((parts) => parts.map(([token, gap]) => token + gap).join(''))
    sameAsWhole('self-blame by sentence against the whole text, words in any order', soup, 1500)
  })
})

/**
 * For texts drawn from `texts`, the findings of parsing only the suspect sentences are those of
 * parsing the whole text, and there are enough findings that the comparison is not of empty
 * lists.
 */
function sameAsWhole(name: string, texts: fc.Arbitrary<string>, numRuns: number): void {
  for (const seed of propertySeeds(name)) {
    it(`${name}, seed ${seed}`, () => {
      let found = 0
      fc.assert(
        fc.property(texts, (text) => {
          const whole = findSelfBlame(text, {whole: true})
          found += whole.length
          expect(findSelfBlame(text)).toEqual(whole)
        }),
        {seed, numRuns}
      )
      expect(found).toBeGreaterThan(200)
    })
  }
}
