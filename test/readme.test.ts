import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ruleTable} from '../src/rules.js'
import {fieldNames, fieldTable, requiredFields, typeLabel} from '../src/schema/field-table.js'
import {depthsOf, presetNames, presets} from '../src/config/presets.js'
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
    const commands = quickStart
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.replace(/\s+#.*$/, ''))
    expect(commands).toEqual(['npm install && npm run build', 'npm test'])
  })

  it('lists every rule and problem as its module declares it: level, per entry, in a draft, what it reports', () => {
    const rules = [...readme.matchAll(/^\| `([a-z-]+\/[a-z-]+)` \| (error|warn|info) \| (yes|no) \| (warn|as set) \| (.+) \|$/gm)].map(
      ([, id, level, entry, drafts, doc]) => [id, {level, entry: entry === 'yes', ...(drafts === 'warn' ? {drafts} : {}), doc}]
    )
    const always = [...readme.matchAll(/^\| `([a-z-]+\/[a-z-]+)` \| ([^|]+) \|$/gm)].map(([, id, doc]) => [id, {level: 'always', entry: false, doc}])
    // Each rule's `fix` is for the report's summary, not the table.
    const declared = Object.fromEntries(Object.entries(ruleTable).map(([id, {fix, ...rule}]) => [id, rule]))
    expect(Object.fromEntries([...rules, ...always])).toEqual(declared)
  })

  it('lists every frontmatter field as the field table declares it', () => {
    const start = readme.indexOf('| field | type | required | meaning |')
    const rows = readme.slice(start, readme.indexOf('\n\n', start)).split('\n').slice(2)
    expect(rows).toEqual(
      fieldNames.map((name) => `| \`${name}\` | ${typeLabel(name)} | ${requiredFields.includes(name) ? 'yes' : 'no'} | ${fieldTable[name].doc} |`)
    )
  })

  it('describes every preset as presets.ts declares it: its doc, and each section with headings, depths, presence and role', () => {
    for (const name of presetNames.filter((n) => n !== 'questions')) {
      const preset = presets[name]
      const start = readme.indexOf(`#### \`preset: '${name}'\``)
      expect(start, name).toBeGreaterThan(0)
      const [, doc, table] = readme.slice(start).split('\n\n')
      expect(doc).toBe(preset.doc)
      const role = (id: string) => (id === 'lessons' ? ', lessons' : id === 'actions' ? ', commitments' : id === preset.summary ? ', summary' : '')
      expect(table!.split('\n').slice(2)).toEqual(
        preset.sections.map(
          (s) =>
            `| \`${s.id}\` | ${s.headings.join(' · ')} | ${depthsOf(s)
              .map((d) => `\`${'#'.repeat(d)}\``)
              .join(' or ')} | ${s.presence}${role(s.id)} |`
        )
      )
    }
  })
})
