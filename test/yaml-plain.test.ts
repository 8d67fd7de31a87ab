import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {isMap, isPair, isScalar, isSeq, parseDocument} from 'yaml'
import {readPlainYaml} from '../src/pipeline/parse/yaml-plain.js'
import {propertySeeds} from './seeds.js'

const yamlOptions = {version: '1.2', schema: 'core', uniqueKeys: true, merge: false, maxAliasCount: 0, prettyErrors: false} as const

/** What the field checks read of a node: its kind, value, places, written form and style. */
function shape(node: unknown): unknown {
  if (isMap(node)) return {map: node.items.map(shape), range: node.range, flow: node.flow ?? false}
  if (isSeq(node)) return {seq: node.items.map(shape), range: node.range, flow: node.flow ?? false}
  if (isPair(node)) return {key: shape(node.key), value: shape(node.value)}
  if (isScalar(node)) return {value: node.value, type: node.type, source: node.source, range: node.range}
  return {other: node}
}

/** The package's reading, when it reads the text without an error or warning. */
function packageShape(text: string): unknown {
  const doc = parseDocument(text, yamlOptions)
  return doc.errors.length + doc.warnings.length === 0 ? shape(doc.contents) : 'an error'
}

/** Frontmatter of the bundled sample entries. */
function sampleFrontmatter(): string[] {
  const dir = path.join(import.meta.dirname, '..', 'content')
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => /^---\n([\s\S]*?\n)---\n/.exec(fs.readFileSync(path.join(dir, name), 'utf8'))![1]!)
}

describe('readPlainYaml', () => {
  it('reads the sample entries’ frontmatter itself, exactly as the yaml package does', () => {
    const samples = sampleFrontmatter()
    expect(samples.length).toBeGreaterThan(5)
    for (const text of samples) {
      const doc = readPlainYaml(text)
      expect(doc, text).toBeDefined()
      expect(shape(doc!.contents)).toEqual(packageShape(text))
    }
  })

  it('reads each common form itself, as the package does', () => {
    const forms = [
      'title: "The launch that slipped (#1)"\n',
      "title: 'Single quoted: with a colon'\n",
      'title: Hello, world (again) [draft]\n',
      'title: Café ☕ and 🚀 launch\n',
      'date: 2024-05-01\n',
      'draft: false\ndraft_two: True\n',
      'cost: {spent: 309, earned: 0, currency: USD}\n',
      'cost: {spent: 1, currency: "EUR"}\n',
      'tags: [a, b-c, "d e", \'f\']\n',
      'tags: []\ncost: {}\n',
      'tags:\n  - one\n  - "two"\n  - 3\n',
      'tags:\n- one\n- two\n',
      'tags:\n    - one\ntitle: x\n',
      'revisit:\ntitle: x\n',
      'price: 19 euros\n',
      'title: Training for a sub-1:55 half marathon\n',
      'n: null\n',
      'rules: {language/self-blame: off}\n'.replace('language/self-blame', 'self_blame'),
      'outcome: 0\n',
      `${'k'.repeat(1024)}: x\n`
    ]
    for (const text of forms) {
      const doc = readPlainYaml(text)
      expect(doc, text).toBeDefined()
      expect(shape(doc!.contents), text).toEqual(packageShape(text))
    }
  })

  it('leaves to the package what it might read otherwise', () => {
    const others = [
      '',
      'title: x',
      'title: x # a comment\n',
      '# a comment\ntitle: x\n',
      'title: x\ntitle: y\n',
      'title: "say \\"hi\\""\n',
      "title: 'it''s'\n",
      'n: 0x1F\n',
      'n: 1e3\n',
      'n: 007\n',
      'n: -5\n',
      'n: .inf\n',
      'n: ~\n',
      'null: x\n',
      'title: a: b\n',
      'title: x  \n',
      'title:  \n',
      'title:\tx\n',
      'title: x\r\n',
      'title: &a x\nother: *a\n',
      'title: !!str 5\n',
      'title: |\n  x\n',
      'title: >\n  x\n',
      'cost:\n  spent: 5\n',
      'tags: [a, [b]]\n',
      'tags: [a,b]\n',
      'tags: [a, b,]\n',
      'tags: [ a, b ]\n',
      'tags: ["a, b", c]\n',
      'tags: {a: 1, a: 2}\n',
      'tags:\n  - [a]\n',
      'tags:\n  - a\n   - b\n',
      'tags:\n  - a\n  -\n',
      'tags:\n  - a\n    b\n',
      'tags:\n-x\n',
      'title: x\n\ndate: 2024-01-01\n',
      ' title: x\n',
      '---\ntitle: x\n',
      'title: "a"b\n',
      'title: line\u2028break\n',
      '"title": x\n',
      `${'k'.repeat(1025)}: x\n`
    ]
    for (const text of others) expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined()
  })

  describe('whatever it reads, the package reads the same, places and all', () => {
    const key = fc.constantFrom('title', 'date', 'tags', 'cost', 'x', 'a_b', 'k-2', 'true', 'null', 'Yes', 'spent')
    /** Values it reads, and values it must leave alone or read exactly right. */
    const plainWord = fc.constantFrom(
      'word',
      'two words',
      'Hello, world',
      'x (y) [z]',
      'a - b',
      "don't",
      'café',
      '🚀 go',
      'ünïcode ß',
      '2024-02-30',
      '19 euros',
      '0',
      '7',
      '123456789012345',
      'true',
      'False',
      'NULL',
      'null',
      'yes',
      'off',
      'a:b',
      'sub-1:55',
      '"q"',
      "'q'",
      '"a, b"'
    )
    const trickyWord = fc.constantFrom(
      '2024-1-1',
      '007',
      '1234567890123456',
      '0x1F',
      '0o17',
      '1e3',
      '1.5',
      '-1',
      '+1',
      '.5',
      '.inf',
      '.nan',
      '~',
      'a: b',
      'a #b',
      'a#b',
      '@x',
      '`x`',
      '*x',
      '&x',
      '!x',
      '%x',
      '|',
      '>',
      '?',
      '- x',
      '-',
      '',
      ' lead',
      'trail ',
      'a  b',
      '"q\\"x"',
      "'it''s'",
      '[',
      ']',
      '{',
      'x,y',
      'x, y',
      'a]b',
      '\u00a0nbsp',
      '\u2028',
      '\t'
    )
    const word = fc.oneof({arbitrary: plainWord, weight: 6}, {arbitrary: trickyWord, weight: 1})
    const flowList = fc
      .array(word, {maxLength: 4})
      .chain((items) => fc.constantFrom(`[${items.join(', ')}]`, `[${items.join(',')}]`, `[ ${items.join(' , ')} ]`))
    const flowMap = fc
      .array(fc.tuple(key, word), {maxLength: 3})
      .chain((pairs) => fc.constantFrom(`{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`, `{${pairs.map(([k, v]) => `${k}:${v}`).join(', ')}}`))
    const blockList = fc
      .tuple(fc.constantFrom('', '  ', '    ', ' '), fc.array(word, {minLength: 1, maxLength: 3}))
      .map(([indent, items]) => `\n${items.map((item) => `${indent}- ${item}`).join('\n')}`)
    const value = fc.oneof(
      word.map((w) => ` ${w}`),
      flowList.map((v) => ` ${v}`),
      flowMap.map((v) => ` ${v}`),
      blockList,
      fc.constant(''),
      fc.constant('  ')
    )
    const colon = fc.oneof({arbitrary: fc.constant(':'), weight: 8}, {arbitrary: fc.constant(' :'), weight: 1})
    const line = fc.tuple(key, colon, value).map(([k, c, v]) => `${k}${c}${v}`)
    // Keys mostly differ, as in real frontmatter; sometimes one repeats.
    const lines = fc.oneof(
      {arbitrary: fc.uniqueArray(fc.tuple(key, line), {minLength: 1, maxLength: 6, selector: ([k]) => k}).map((pairs) => pairs.map(([, l]) => l)), weight: 8},
      {arbitrary: fc.array(line, {minLength: 1, maxLength: 4}), weight: 1}
    )
    const lineEnd = fc.oneof({arbitrary: fc.constant('\n'), weight: 12}, fc.constantFrom('\n\n', '', ' \n', '\r\n'))
    const text = fc.tuple(lines, lineEnd).map(([all, end]) => all.join('\n') + end)

    for (const seed of propertySeeds('plain YAML against the yaml package')) {
      it(`seed ${seed}`, () => {
        let read = 0
        fc.assert(
          fc.property(text, (yaml) => {
            const doc = readPlainYaml(yaml)
            if (!doc) return
            read++
            expect(shape(doc.contents)).toEqual(packageShape(yaml))
          }),
          {seed, numRuns: 5000}
        )
        // The comparison above means nothing if the reader gave up on everything.
        expect(read).toBeGreaterThan(250)
      })
    }
  })
})
