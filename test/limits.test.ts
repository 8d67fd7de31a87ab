import {describe, expect, it} from 'vitest'
import {check} from '../src/check.js'
import {useProjects, validEntry} from './helpers.js'

const project = useProjects()

describe('resource limits', () => {
  it('refuse a file over the size limit before parsing it, and the others still build', async () => {
    const root = await project({
      'content/huge.md': validEntry().replace('Writing every week.', 'x'.repeat(1_100_000)),
      'content/fine.md': validEntry()
    })
    const result = await check({root})
    expect(result.messages).toEqual([expect.objectContaining({file: 'content/huge.md', line: 1, ruleId: 'file/too-large', message: expect.stringContaining('expected at most 1.0 MB')})])
  })

  it('refuse a frontmatter block over its own, smaller limit', async () => {
    const root = await project({'content/big-frontmatter.md': validEntry({frontmatter: `title: Big\ndate: 2025-01-01\nnotes: "${'y'.repeat(70_000)}"`})})
    const result = await check({root})
    expect(result.messages.map((m) => m.ruleId)).toEqual(['frontmatter/too-large'])
  })

  it('refuse 10,000 emphasis marks in a row, and deep lists', async () => {
    const root = await project({
      'content/stars.md': validEntry().replace('Writing every week.', '*'.repeat(10_000)),
      'content/lists.md': validEntry().replace('Writing every week.', Array.from({length: 150}, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n').split('\n').slice(-1)[0]!.replace(/^ +/, '- '.repeat(150)))
    })
    const result = await check({root})
    expect(result.messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual(['content/lists.md file/too-deep', 'content/stars.md file/too-deep'])
    expect(result.messages[1]!.message).toContain('run of 10000 `*`')
  })

  it('can be raised in the config, by name', async () => {
    const root = await project({'content/a.md': validEntry().replace('Writing every week.', '*'.repeat(600)), 'bounceback.config.json': JSON.stringify({limits: {emphasisRun: 1000}})})
    expect((await check({root})).messages.filter((m) => m.ruleId === 'file/too-deep')).toEqual([])
    const bad = await project({'content/a.md': validEntry(), 'bounceback.config.json': JSON.stringify({limits: {fileSize: 'big'}})})
    await expect(check({root: bad})).rejects.toMatchObject({code: 'CONFIG_INVALID', message: expect.stringContaining('`limits.fileSize`')})
  })
})
