import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtures, messageLines, processString, testConfig} from './helpers.js'

/**
 * One folder per case under fixtures/rules: `input.md`, an optional `config.json`, and
 * `expected.txt` with one `line:column severity message rule-id` per line. Run with
 * UPDATE_FIXTURES=1 to write the expected files from the current output (then read the diff).
 */
const dir = path.join(fixtures, 'rules')
const update = process.env.UPDATE_FIXTURES === '1'

describe('rule fixtures', () => {
  for (const name of fs.readdirSync(dir).sort()) {
    it(name, async () => {
      const folder = path.join(dir, name)
      const input = fs.readFileSync(path.join(folder, 'input.md'), 'utf8')
      const configFile = path.join(folder, 'config.json')
      const config = testConfig(fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {})
      const result = await processString(input, `${name}.md`, config)
      const actual = messageLines(result.messages).join('\n')
      const expectedFile = path.join(folder, 'expected.txt')
      if (update) fs.writeFileSync(expectedFile, actual ? `${actual}\n` : '')
      expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8').trimEnd())
    })
  }
})
