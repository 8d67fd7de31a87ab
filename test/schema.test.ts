import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {processString, validEntry} from './helpers.js'
import {fieldNames} from '../src/schema/fields.js'
import {frontmatterSchema} from '../src/schema/json-schema.js'

const packageRoot = path.resolve(import.meta.dirname, '..')

describe('the frontmatter JSON Schema', () => {
  it('ships with the package exactly as `bounceback schema` prints it', async () => {
    const shipped = JSON.parse(await fs.readFile(path.join(packageRoot, 'schema', 'frontmatter.schema.json'), 'utf8')) as unknown
    expect(shipped).toEqual(frontmatterSchema())
    const printed = spawnSync(process.execPath, [path.join(packageRoot, 'bin', 'bounceback.js'), 'schema'], {encoding: 'utf8'})
    expect(printed.status).toBe(0)
    expect(JSON.parse(printed.stdout)).toEqual(shipped)
  })

  it('describes every field the checks know, and requires title and date', () => {
    const schema = frontmatterSchema() as {properties: Record<string, unknown>; required: string[]}
    expect(Object.keys(schema.properties)).toEqual([...fieldNames])
    expect(schema.required).toEqual(['title', 'date'])
  })

  it('allows fields it does not know, as check only warns of them: an editor shows no error the tool does not', async () => {
    const schema = frontmatterSchema() as {additionalProperties?: unknown; properties: {cost: {additionalProperties?: unknown}}}
    expect(schema.additionalProperties).toBeUndefined()
    expect(schema.properties.cost.additionalProperties).toBeUndefined()
    // And check does only warn.
    const result = await processString(validEntry({frontmatter: 'title: T\ndate: 2025-01-01\ncompany: Acme\ncost: {spent: 1, budget: 2}'}))
    expect(result.messages.filter((m) => m.ruleId === 'frontmatter/unknown-field').map((m) => m.severity)).toEqual(['warning', 'warning'])
  })
})
