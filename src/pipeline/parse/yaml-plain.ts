import {Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode} from 'yaml'

type Range = [number, number, number]

/**
 * Read the frontmatter most entries have, and only that, into the nodes the `yaml` package would
 * make of it, places included: `key: value` lines at the left edge, whose value is a plain word
 * or phrase, a quoted string without escapes, a whole number, `true` or `false`, a date, a list
 * written `[a, b]` or as `  - a` lines below the key, or a map written `{a: 1, b: x}`. Anything
 * else (comments, escapes, nesting, a value that could be read as a number or null, a repeated
 * key, odd spacing) returns `undefined`, and the `yaml` package reads the text instead. It is
 * there for speed: the package's document API costs some 60 µs an entry, this about a sixth of it.
 * `test/yaml-plain.test.ts` checks that whatever this reads, it reads as the package does.
 */
export function readPlainYaml(text: string): Document | undefined {
  if (text.length === 0 || !text.endsWith('\n') || forbidden.test(text)) return undefined
  const map = new YAMLMap()
  const keys = new Set<string>()
  let at = 0
  while (at < text.length) {
    const lineEnd = text.indexOf('\n', at)
    const line = keyLine.exec(text.slice(at, lineEnd))
    if (!line) return undefined
    const name = line[1]!
    if (!takeKey(keys, name)) return undefined
    const key = scalar(name, 'PLAIN', [at, at + name.length, at + name.length])
    const colon = at + name.length
    let value: YamlNode | undefined
    if (line[2] === undefined) {
      const list = readBlockList(text, lineEnd + 1)
      if (list === null) return undefined
      value = list ?? scalar(null, 'PLAIN', [colon + 1, colon + 1, colon + 1], '')
      at = list ? list.range![2] : lineEnd + 1
    } else {
      const start = colon + 1 + line[2].length
      value = readValue(line[3]!, start, lineEnd + 1)
      at = lineEnd + 1
    }
    if (!value) return undefined
    map.items.push(new Pair(key, value))
  }
  // The map ends where its last value does: an empty one ends before its line break.
  const end = (map.items.at(-1)!.value as YamlNode).range![2]
  map.range = [0, end, end]
  const doc = new Document()
  doc.contents = map
  return doc
}

/** Tabs, carriage returns and control characters, and characters YAML reads as line breaks or a byte-order mark. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const forbidden = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/
/** A field at the left edge, then the colon, then nothing, or spaces and a value that does not end in a space. */
const keyLine = /^([A-Za-z_][\w-]*):(?:( +)(\S(?:.*\S)?))?$/
/** Words the core schema reads as a boolean or null, not a string. */
const words = new Map<string, boolean | null>([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
  ['null', null],
  ['Null', null],
  ['NULL', null]
])

/**
 * Whether a key is one this reader takes, noting it if so: not one already in its map, not a
 * word the core schema reads as something else, and not over the 1,024 characters YAML allows
 * a key written without `?` (a longer one is the package's error to report).
 */
function takeKey(keys: Set<string>, name: string): boolean {
  if (keys.has(name) || words.has(name) || name.length > 1024) return false
  keys.add(name)
  return true
}

function scalar(value: unknown, type: Scalar.Type, range: Range, source = String(value)): Scalar {
  const node = new Scalar(value)
  node.range = range
  node.source = source
  node.type = type
  return node
}

/** A value after `key: `, from `start` to the end of its line; `end` is just past the line break. */
function readValue(raw: string, start: number, end: number): YamlNode | undefined {
  const first = raw[0]
  if (first === '[') return readFlow(raw, start, end, false)
  if (first === '{') return readFlow(raw, start, end, true)
  return readScalar(raw, [start, start + raw.length, end], plainInBlock)
}

/**
 * A plain value in block context may hold commas and brackets after its first character, and a
 * colon with no space after it (`sub-1:55`).
 */
const plainInBlock = /^[\p{L}\p{N}_(](?:[^:#"`]|:(?=[^\s:]))*$/u
/** In a list or map written in brackets, commas and brackets end it. */
const plainInFlow = /^[\p{L}\p{N}_(][^:#"`,[\]{}]*$/u
const doubleQuoted = /^"([^"\\]*)"$/
const singleQuoted = /^'([^']*)'$/
const wholeNumber = /^(?:0|[1-9]\d{0,14})$/
const date = /^\d{4}-\d{2}-\d{2}$/

function readScalar(raw: string, range: Range, plain: RegExp): Scalar | undefined {
  if (raw !== raw.trim()) return undefined
  const quoted = doubleQuoted.exec(raw) ?? singleQuoted.exec(raw)
  if (quoted) return scalar(quoted[1], raw[0] === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', range)
  if (!plain.test(raw)) return undefined
  if (words.has(raw)) return scalar(words.get(raw), 'PLAIN', range, raw)
  if (wholeNumber.test(raw)) return scalar(Number(raw), 'PLAIN', range, raw)
  // Whatever else starts with a digit might be a number to the core schema (`0x1F`, `1e3`):
  // only a date or a phrase with a space in it is surely a string.
  if (/^\d/.test(raw) && !date.test(raw) && !raw.includes(' ')) return undefined
  return scalar(raw, 'PLAIN', range)
}

/**
 * `[a, b]` or `{a: 1, b: x}` on one line, written the usual way: items parted by a comma and
 * one space, nothing inside the brackets' edges, no trailing comma, nothing nested.
 */
function readFlow(raw: string, start: number, end: number, isMap: boolean): YamlNode | undefined {
  const close = isMap ? '}' : ']'
  if (raw[raw.length - 1] !== close) return undefined
  const node = isMap ? new YAMLMap() : new YAMLSeq()
  node.flow = true
  node.range = [start, start + raw.length, end]
  const inner = raw.slice(1, -1)
  if (inner === '') return node
  const keys = new Set<string>()
  let at = 0
  for (const part of inner.split(', ')) {
    const from = start + 1 + at
    at += part.length + 2
    if (!isMap) {
      const item = readScalar(part, [from, from + part.length, from + part.length], plainInFlow)
      if (!item) return undefined
      ;(node as YAMLSeq).items.push(item)
      continue
    }
    const pair = /^([A-Za-z_][\w-]*): (.+)$/.exec(part)
    if (!pair || !takeKey(keys, pair[1]!)) return undefined
    const name = pair[1]!
    const key = scalar(name, 'PLAIN', [from, from + name.length, from + name.length])
    const valueFrom = from + name.length + 2
    const value = readScalar(pair[2]!, [valueFrom, from + part.length, from + part.length], plainInFlow)
    if (!value) return undefined
    ;(node as YAMLMap).items.push(new Pair(key, value))
  }
  return node
}

/**
 * The `- item` lines under a `key:` line, all indented alike, each item a single scalar.
 * `undefined` when the next line is not one (the key's value is empty); `null` when the list
 * is written in a way this reader leaves to the `yaml` package.
 */
function readBlockList(text: string, from: number): YAMLSeq | undefined | null {
  const first = /^( *)- /.exec(text.slice(from, from + 64))
  if (!first) return text.startsWith('-', from) || /^ +-/.test(text.slice(from, from + 64)) ? null : undefined
  const indent = first[1]!
  const list = new YAMLSeq()
  let at = from
  while (at < text.length && text.startsWith(`${indent}- `, at)) {
    const lineEnd = text.indexOf('\n', at)
    const start = at + indent.length + 2
    const raw = text.slice(start, lineEnd)
    if (raw[0] === '[' || raw[0] === '{') return null
    const item = readScalar(raw, [start, lineEnd, lineEnd + 1], plainInBlock)
    if (!item) return null
    list.items.push(item)
    at = lineEnd + 1
  }
  // A list item indented otherwise, or a line indented under the list, is left to the package.
  if (at < text.length && (text[at] === ' ' || text[at] === '-')) return null
  list.range = [from + indent.length, at, at]
  return list
}
