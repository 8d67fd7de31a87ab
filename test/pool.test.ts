import {describe, expect, it} from 'vitest'
import {check} from '../src/check.js'
import {poolThreshold} from '../src/pool/pool.js'
import {useProjects, validEntry} from './helpers.js'

const project = useProjects()

describe('the worker pool', () => {
  it('gives the same results as reading in line, messages included', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < poolThreshold + 12; i++) {
      const day = String((i % 28) + 1).padStart(2, '0')
      const broken = i % 10 === 0 ? '\noutcome: nope' : ''
      files[`content/2025-02-${day}-entry-${i}.md`] = validEntry({frontmatter: `title: Entry ${i}\ndate: 2025-02-${day}${broken}`})
    }
    const root = await project(files)
    const inline = await check({root, jobs: 1, cache: false, today: '2025-06-01'})
    const pooled = await check({root, jobs: 2, cache: false, today: '2025-06-01'})
    expect(pooled.messages).toEqual(inline.messages)
    expect(pooled.messages.filter((m) => m.ruleId === 'frontmatter/value')).toHaveLength(Math.ceil((poolThreshold + 12) / 10))
    expect(pooled.files).toEqual(inline.files)
    expect(pooled.cache).toEqual({hits: 0, misses: poolThreshold + 12})
  })
})

describe('the time budget', () => {
  it('stops an entry that runs too long, reports it, and replaces the worker', async () => {
    // Entries over 32 KB are read in a worker: with one worker, the ones after the slow entry
    // can only be read once a fresh worker has taken its place.
    const padding = `\n\n${'Plain words that make the entry long enough for a worker thread. '.repeat(600)}`
    const files: Record<string, string> = {
      'bounceback.config.json': JSON.stringify({limits: {emphasisRun: 100_000, timeBudget: 2000}}),
      'content/2025-01-01-slow.md': validEntry().replace('Writing every week.', `${'*'.repeat(20_000)}x${'*'.repeat(20_000)}`)
    }
    for (let i = 0; i < 3; i++)
      files[`content/2025-02-0${i + 1}-entry-${i}.md`] = validEntry({frontmatter: `title: Entry ${i}\ndate: 2025-02-0${i + 1}`}).replace(
        'Writing every week.',
        `Writing every week.${padding}`
      )
    const root = await project(files)
    const result = await check({root, jobs: 1, cache: false})
    expect(result.messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual(['content/2025-01-01-slow.md file/timeout'])
    expect(result.messages[0]!.message).toContain('still being read after 2 s')
    expect(result.cache.misses).toBe(4)
  }, 60_000)
})
