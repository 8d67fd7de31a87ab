import fs from 'node:fs/promises'
import path from 'node:path'
import grayMatter from 'gray-matter'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {messageLines, processString, testConfig, useProjects, validEntry} from './helpers.js'

const project = useProjects()
/** gray-matter's cache is real but not in its types. */
const matter = grayMatter as typeof grayMatter & {cache: Record<string, unknown>; clearCache(): void}

/** The sections of a valid entry, with no frontmatter. */
const body = validEntry().slice(validEntry().indexOf('\n---\n') + 5)

describe('JSON frontmatter (`---json`)', () => {
  it('builds an entry from its fields, and the JSON is not the body', async () => {
    const result = await processString(`---json\n{\n  "title": "Newsletter launch",\n  "date": "2025-03-14",\n  "tags": ["writing"]\n}\n---\n${body}`)
    expect(result.messages).toEqual([])
    expect(result.entry!.meta).toMatchObject({title: 'Newsletter launch', date: '2025-03-14', tags: ['writing']})
    expect(JSON.stringify(result.entry!.body)).not.toContain('2025-03-14')
  })

  it('reports a JSON syntax error at its line and column, also where V8 gives no position', async () => {
    const comma = await processString(`---json\n{\n  "title": "Launch",\n  "date": "2025-03-14"\n  "tags": ["x"]\n}\n---\n${body}`)
    expect(messageLines(comma.messages)).toEqual([
      "5:3 error Unexpected JSON syntax (expected ',' or '}' after property value), expected one JSON object such as " +
        '`{"title": "…", "date": "2025-03-14"}` frontmatter/yaml'
    ])
    const token = await processString(`---json\n{"title": "Launch",\n "date": x}\n---\n${body}`)
    expect(messageLines(token.messages)).toEqual([
      '3:10 error Unexpected JSON syntax (unexpected token \'x\'), expected one JSON object such as `{"title": "…", "date": "2025-03-14"}` frontmatter/yaml'
    ])
  })

  it('refuses what a YAML parser would let through: a trailing comma, an empty value, a duplicate key, a list', async () => {
    const trailing = await processString(`---json\n{"title": "Launch", "date": "2025-03-14",}\n---\n${body}`)
    expect(messageLines(trailing.messages)).toEqual([expect.stringMatching(/^2:42 error Unexpected JSON syntax \(expected double-quoted property name\)/)])
    const duplicate = await processString(`---json\n{"title": "Launch", "date": "2025-03-14", "title": "Again"}\n---\n${body}`)
    expect(duplicate.messages.map((m) => [m.line, m.ruleId, m.message.slice(0, 36)])).toEqual([[2, 'frontmatter/yaml', 'Unexpected duplicate key `"title"`, ']])
    const list = await processString(`---json\n["Launch", "2025-03-14"]\n---\n${body}`)
    expect(list.messages[0]!.message).toBe('Unexpected frontmatter that is not a map, expected one JSON object such as `{"title": "…"}`')
  })

  it('reports a wrong field at the value, and a missing one at the closing fence', async () => {
    const result = await processString(`---json\n{\n  "title": "Launch",\n  "outcome": "great"\n}\n---\n${body}`)
    expect(result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['4:14 frontmatter/value', '6:1 frontmatter/required'])
  })
})

describe('TOML frontmatter (`+++`, as Hugo writes it)', () => {
  it('builds an entry from its fields, with dates as written and never shifted by a time zone', async () => {
    const toml =
      '+++\ntitle = "Newsletter launch"\ndate = 2025-03-14T23:30:00-08:00\ntags = ["writing", "side-project"]\nrevisit = 2025-09-14\n\n' +
      '[cost]\nspent = 180\ncurrency = "EUR"\n+++\n'
    const result = await processString(toml + body)
    expect(result.messages).toEqual([])
    expect(result.entry!.meta).toMatchObject({
      title: 'Newsletter launch',
      date: '2025-03-14',
      revisit: '2025-09-14',
      tags: ['writing', 'side-project'],
      cost: {spent: 180, currency: 'EUR'}
    })
    expect(JSON.stringify(result.entry!.body)).not.toContain('Newsletter launch')
  })

  it('reports a TOML syntax error at its line and column', async () => {
    const result = await processString(`+++\ntitle = "Launch"\ndate = 2025-01-01\ntags = ["a" "b"]\n+++\n${body}`)
    expect(messageLines(result.messages)).toEqual([
      '4:13 error Unexpected TOML syntax (expected comma or end of structure), expected `key = value` lines such as `title = "…"` and ' +
        '`date = 2025-03-14` frontmatter/yaml'
    ])
  })

  it('reports a field problem on the line of its key, and an impossible date as an error, not the next day', async () => {
    const result = await processString(`+++\ntitle = "Launch"\ndate = 2024-02-30\noutcome = "great"\ntitle2 = 1\n+++\n${body}`)
    expect(result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '3:8 frontmatter/date',
      '4:11 frontmatter/value',
      '5:1 frontmatter/unknown-field'
    ])
    expect(result.messages[0]!.message).toContain('February 2024 has 29 days')
  })

  it('gives the same places with CRLF line endings, in TOML and JSON', async () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n')
    const toml = await processString(crlf(`+++\ntitle = "Launch"\ndate = 2024-02-30\noutcome = "great"\n+++\n${body}`))
    expect(toml.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['3:8 frontmatter/date', '4:11 frontmatter/value'])
    const json = await processString(crlf(`---json\n{\n  "title": "Launch",\n  "date": x\n}\n---\n${body}`))
    expect(json.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['4:11 frontmatter/yaml'])
  })

  it('says a `+++` block is never closed', async () => {
    const result = await processString(`+++\ntitle = "Launch"\n${body}`)
    expect(result.messages[0]).toMatchObject({line: 1, column: 1, ruleId: 'frontmatter/yaml'})
    expect(result.messages[0]!.message).toContain('no closing `+++`')
  })
})

describe('frontmatter in any language never runs code', () => {
  it('refuses ---js, ---javascript, ---coffee and unknown languages at the fence, and runs nothing', async () => {
    const dir = await project()
    for (const language of ['js', 'javascript', 'coffee', 'cson', 'foo', 'constructor', '__proto__', 'toString', 'yaml ']) {
      const proof = path.join(dir, `${language.trim()}-ran`)
      const payload = `(function () { require('fs').writeFileSync(${JSON.stringify(proof)}, 'x'); globalThis.bouncebackRan = true; return {title: 'x'} })()`
      const result = await processString(`---${language}\n${payload}\n---\n${body}`)
      expect(result.messages[0]).toMatchObject({line: 1, column: 1, severity: 'error', ruleId: 'frontmatter/yaml'})
      expect(result.messages[0]!.message).toBe(
        `Unexpected \`---${language.trim()}\` frontmatter, expected YAML between two \`---\` lines, JSON after \`---json\` or TOML between two \`+++\` lines ` +
          '(code in frontmatter is never run)'
      )
      await expect(fs.access(proof)).rejects.toThrow()
    }
    expect((globalThis as {bouncebackRan?: boolean}).bouncebackRan).toBeUndefined()
    expect(await fs.readdir(dir)).toEqual([])
  })

  it('never fills gray-matter’s process-wide cache, which is kept only for calls without options', async () => {
    // The cache exists: a call without options fills it.
    matter('---\ntitle: x\n---\n')
    expect(Object.keys(matter.cache)).toHaveLength(1)
    matter.clearCache()
    const text = validEntry({body: `First words.\n\n<!-- more -->\n\n${body}`})
    const first = await processString(text)
    const second = await processString(text.replace('First words.', 'Other words.'))
    const again = await processString(text)
    expect([first, second, again].map((r) => r.entry!.summary)).toEqual(['First words.', 'Other words.', 'First words.'])
    expect(matter.cache).toEqual({})
  })

  it('applies the frontmatter size and nesting limits to JSON and TOML too', async () => {
    const small = testConfig({limits: {frontmatterSize: 200}})
    const long = 'x'.repeat(300)
    for (const text of [`---json\n{"title": "${long}", "date": "2025-01-01"}\n---\n${body}`, `+++\ntitle = "${long}"\ndate = 2025-01-01\n+++\n${body}`]) {
      expect((await processString(text, 'entry.md', small)).messages.map((m) => m.ruleId)).toEqual(['frontmatter/too-large'])
    }
    const deep = `${'['.repeat(150)}${']'.repeat(150)}`
    for (const text of [
      `---json\n{"title": "A", "date": "2025-01-01", "tags": ${deep}}\n---\n${body}`,
      `+++\ntitle = "A"\ndate = 2025-01-01\ntags = ${deep}\n+++\n${body}`
    ]) {
      const messages = (await processString(text)).messages
      expect(messages).toEqual([expect.objectContaining({ruleId: 'frontmatter/yaml', message: expect.stringMatching(/nested 15[01] levels deep/)})])
    }
  })
})

describe('the excerpt separator `<!--more-->`', () => {
  it('makes the text before it the summary, as plain text without HTML comments', async () => {
    const intro = 'We launched a *newsletter* and [lost](https://example.com) momentum. <!-- a note to self --> It taught us a lot.'
    const result = await processString(validEntry({body: `${intro}\n\n<!-- more -->\n\n${body}`}))
    expect(result.messages).toEqual([])
    expect(result.entry!.summary).toBe('We launched a newsletter and lost momentum. It taught us a lot.')
  })

  it('leaves out headings before it, and cuts a long one at a word', async () => {
    const goal = validEntry({
      body: body.replace('Reach 100 subscribers by June. Then keep going.', 'Reach 100 subscribers by June. Then keep going.\n\n<!--more-->')
    })
    expect((await processString(goal)).entry!.summary).toBe('Reach 100 subscribers by June. Then keep going.')
    const long = (await processString(validEntry({body: `${'word '.repeat(200)}\n<!--more-->\n\n${body}`}))).entry!.summary
    expect(long).toBe(`${'word '.repeat(119)}word…`)
  })

  it('is found in Hugo’s spelling and within a paragraph, in TOML and JSON entries alike', async () => {
    const toml = await processString(`+++\ntitle = "A"\ndate = 2025-01-01\n+++\nShort **intro**<!--more--> and the rest.\n\n${body}`)
    expect(toml.entry!.summary).toBe('Short intro')
    const json = await processString(`---json\n{"title": "A", "date": "2025-01-01"}\n---\nIntro.\n\n<!-- MORE -->\n\n${body}`)
    expect(json.entry!.summary).toBe('Intro.')
  })

  it('counts only in the body, and not in code: otherwise the summary is the goal’s first sentence', async () => {
    const inFrontmatter = await processString(validEntry({frontmatter: 'title: "Before <!-- more --> after"\ndate: 2025-01-01'}))
    expect(inFrontmatter.entry!.summary).toBe('Reach 100 subscribers by June.')
    const inCode = await processString(validEntry({body: `\`\`\`\nIntro <!-- more -->\n\`\`\`\n\n${body}`}))
    expect(inCode.entry!.summary).toBe('Reach 100 subscribers by June.')
    const nothingBefore = await processString(validEntry({body: `<!-- more -->\n\n${body}`}))
    expect(nothingBefore.entry!.summary).toBe('Reach 100 subscribers by June.')
  })
})

describe('a site built from JSON and TOML entries', () => {
  it('has their pages, with no frontmatter text in them', async () => {
    const root = await project({
      'content/2025-03-14-json.md': `---json\n{"title": "From JSON", "date": "2025-03-14", "tags": ["imported"]}\n---\n${body}`,
      'content/2025-03-15-toml.md': `+++\ntitle = "From TOML"\ndate = 2025-03-15\n+++\nHugo intro.\n<!--more-->\n${body}`
    })
    const result = await build({root})
    expect(result.messages).toEqual([])
    const jsonPage = await fs.readFile(path.join(root, 'dist/2025/json/index.html'), 'utf8')
    const tomlPage = await fs.readFile(path.join(root, 'dist/2025/toml/index.html'), 'utf8')
    expect(jsonPage).toContain('From JSON')
    expect(jsonPage).not.toContain('&#x22;title&#x22;')
    expect(jsonPage).not.toContain('"title"')
    expect(tomlPage).toContain('From TOML')
    expect(tomlPage).not.toContain('title =')
    const home = await fs.readFile(path.join(root, 'dist/index.html'), 'utf8')
    expect(home).toContain('Hugo intro.')
  })
})
