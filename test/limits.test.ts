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
    expect(result.messages).toEqual([
      expect.objectContaining({file: 'content/huge.md', line: 1, ruleId: 'file/too-large', message: expect.stringContaining('expected at most 1.0 MB')})
    ])
  })

  it('refuse a frontmatter block over its own, smaller limit', async () => {
    const root = await project({'content/big-frontmatter.md': validEntry({frontmatter: `title: Big\ndate: 2025-01-01\nnotes: "${'y'.repeat(70_000)}"`})})
    const result = await check({root})
    expect(result.messages.map((m) => m.ruleId)).toEqual(['frontmatter/too-large'])
  })

  it('refuse 10,000 emphasis marks in a row, and deep lists', async () => {
    const root = await project({
      'content/stars.md': validEntry().replace('Writing every week.', '*'.repeat(10_000)),
      'content/lists.md': validEntry().replace(
        'Writing every week.',
        Array.from({length: 150}, (_, i) => `${'  '.repeat(i)}- level ${i}`)
          .join('\n')
          .split('\n')
          .slice(-1)[0]!
          .replace(/^ +/, '- '.repeat(150))
      )
    })
    const result = await check({root})
    expect(result.messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual(['content/lists.md file/too-deep', 'content/stars.md file/too-deep'])
    expect(result.messages[1]!.message).toContain('run of 10000 `*`')
  })

  it.each([150, 400, 900])('count %i levels of indented nested lists as the parser sees them', async (levels) => {
    const indented = Array.from({length: levels}, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')
    // Ordered items indent by three: 900 of them would be over the size limit.
    const ordered = Array.from({length: Math.min(levels, 400)}, (_, i) => `${'   '.repeat(i)}1. level ${i}`).join('\n')
    const root = await project({
      'content/indented.md': validEntry().replace('Writing every week.', indented),
      'content/ordered.md': validEntry().replace('Writing every week.', ordered),
      // As deep as allowed, and siblings by the thousand: nothing to report.
      'content/fine.md': validEntry().replace(
        'Writing every week.',
        `${Array.from({length: 100}, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n\n${'- sibling\n'.repeat(3000)}`
      )
    })
    const result = await check({root})
    expect(result.messages.map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.message}`)).toEqual([
      'content/indented.md:118 file/too-deep Unexpected nesting 101 levels deep, expected at most 100: flatten the quotes or lists, or raise `limits.nesting`',
      'content/ordered.md:118 file/too-deep Unexpected nesting 101 levels deep, expected at most 100: flatten the quotes or lists, or raise `limits.nesting`'
    ])
  })

  it('can be raised in the config, by name', async () => {
    const root = await project({
      'content/a.md': validEntry().replace('Writing every week.', '*'.repeat(600)),
      'bounceback.config.json': JSON.stringify({limits: {emphasisRun: 1000}})
    })
    expect((await check({root})).messages.filter((m) => m.ruleId === 'file/too-deep')).toEqual([])
    const bad = await project({'content/a.md': validEntry(), 'bounceback.config.json': JSON.stringify({limits: {fileSize: 'big'}})})
    await expect(check({root: bad})).rejects.toMatchObject({code: 'CONFIG_INVALID', message: expect.stringContaining('`limits.fileSize`')})
  })
})

describe('hostile frontmatter and config', () => {
  it('deeply nested YAML flow collections cost one message, not a crash', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`
    const root = await project({'content/a.md': validEntry({frontmatter: `title: A\ndate: 2025-01-01\ntags: ${deep}`}), 'content/b.md': validEntry()})
    const result = await check({root})
    expect(result.messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([
      'content/a.md:4:107 frontmatter/yaml Unexpected frontmatter nested 5000 levels deep in `[` and `{`, expected at most 100: flatten it, ' +
        'or raise `limits.nesting`'
    ])
  })

  it('a config with __proto__ keys pollutes nothing', async () => {
    const root = await project({'content/a.md': validEntry(), 'bounceback.config.json': '{"__proto__": {"polluted": true}, "title": "T"}'})
    await expect(check({root})).rejects.toMatchObject({code: 'CONFIG_INVALID', message: expect.stringContaining('unknown key `__proto__`')})
    expect(({} as {polluted?: boolean}).polluted).toBeUndefined()
  })

  it('a very wide table is read, not refused', async () => {
    const columns = Array.from({length: 3000}, (_, i) => `c${i}`)
    const table = `|${columns.join('|')}|\n|${columns.map(() => '-').join('|')}|\n|${columns.map((_, i) => i).join('|')}|`
    const root = await project({'content/a.md': validEntry().replace('Writing every week.', table)})
    expect((await check({root})).messages).toEqual([])
  })
})
