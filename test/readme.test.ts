import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ruleTable} from '../src/config/rule-defaults.js'
import {processString} from './helpers.js'

const readme = await fs.readFile(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8')

describe('README', () => {
  it('has a full example entry that passes every check', async () => {
    const example = /```markdown\n([\s\S]*?)\n```/.exec(readme)?.[1]
    expect(example).toBeDefined()
    const result = await processString(`${example!}\n`, '2025-03-14-newsletter-launch.md')
    expect(result.messages).toEqual([])
    expect(result.entry!.meta).toMatchObject({title: 'Newsletter launch', outcome: 'mixed', cause: 'application', revisit: '2025-09-14'})
  })

  it('quick start is two commands: build the sample, run the tests', () => {
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    const commands = quickStart.split('\n').filter((line) => line.trim() !== '').map((line) => line.replace(/\s+#.*$/, ''))
    expect(commands).toEqual(['npm install && npm run build', 'npm test'])
  })

  it('lists every rule with its default level and whether one entry may set it, as the code declares them', () => {
    const rows = [...readme.matchAll(/^\| `([a-z-]+\/[a-z-]+)` \| (error|warn) \| (yes|no) \|/gm)].map(([, id, level, entry]) => [id, {level, entry: entry === 'yes'}])
    expect(Object.fromEntries(rows)).toEqual(ruleTable)
  })
})
