import {parse, TomlError} from 'smol-toml'
import {Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode} from 'yaml'

type Range = [number, number, number]

export type TomlRead = {ok: true; doc: Document} | {ok: false; reason: string; at: number}

/**
 * Read TOML frontmatter (Hugo's `+++`) with smol-toml, into the same YAML nodes the field
 * checks read. TOML values carry no places, so each field is placed on the line that sets it
 * (`key = …` or `[key]`), and what is inside it on that line too; dates are kept as written,
 * never shifted by a time zone or rolled over (`2024-02-30` stays an error).
 */
export function readToml(toml: string, maxDepth: number): TomlRead {
  let table: Record<string, unknown>
  try {
    table = parse(toml, {maxDepth})
  } catch (error) {
    if (!(error instanceof TomlError)) return {ok: false, reason: tomlReason(error instanceof Error ? error.message : String(error)), at: 0}
    return {ok: false, reason: tomlReason(error.message), at: offsetOf(toml, error.line, error.column)}
  }
  const map = new YAMLMap()
  for (const [key, value] of Object.entries(table)) {
    const place = keyPlace(toml, key)
    const keyNode = new Scalar(key)
    keyNode.range = place?.key ?? [0, 0, 0]
    map.items.push(new Pair(keyNode, toNode(value, place?.value ?? [0, 0, 0], place?.raw)))
  }
  map.range = [0, toml.length, toml.length]
  const doc = new Document()
  doc.contents = map
  return {ok: true, doc}
}

function tomlReason(message: string): string {
  const detail = message
    .replace(/^Invalid TOML document: /, '')
    .split('\n')[0]!
    .trim()
  return `Unexpected TOML syntax (${detail}), expected \`key = value\` lines such as \`title = "…"\` and \`date = 2025-03-14\``
}

/** A 1-based line and column in `text` as an offset. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', at)
    if (next === -1) break
    at = next + 1
  }
  return Math.min(at + Math.max(column - 1, 0), text.length)
}

/**
 * Where a top-level key is set: its first `key = …` (also quoted, or dotted as `key.sub = …`)
 * or `[key]` line. `raw` is the value as written on that line, comment left out.
 */
function keyPlace(toml: string, key: string): {key: Range; value: Range; raw: string | undefined} | undefined {
  const name = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const written = `(?:${name}|"${name}"|'${name}')`
  const pattern = new RegExp(`^([ \\t]*)(?:(${written})[ \\t]*(=|\\.)[ \\t]*|\\[{1,2}[ \\t]*(${written})[ \\t]*[.\\]])`, 'm')
  const match = pattern.exec(toml)
  if (!match) return undefined
  const lineEnd = toml.indexOf('\n', match.index) === -1 ? toml.length : toml.indexOf('\n', match.index)
  const keyStart = match.index + match[1]!.length
  const keyText = match[2] ?? match[4]!
  const keyEnd = toml.indexOf(keyText, keyStart) + keyText.length
  const valueStart = match[3] === '=' ? match.index + match[0].length : keyStart
  const end = toml.slice(0, lineEnd).trimEnd().length
  const raw =
    match[3] === '='
      ? toml
          .slice(valueStart, lineEnd)
          .replace(/\s+#.*$/, '')
          .trim()
      : undefined
  return {key: [keyStart, keyEnd, keyEnd], value: [valueStart, Math.max(end, valueStart), Math.max(end, valueStart)], raw}
}

/** A TOML value as YAML nodes, all placed at `range`; never an object built from the entry's keys. */
function toNode(value: unknown, range: Range, raw?: string): YamlNode {
  let node: YamlNode
  if (value instanceof Date) {
    node = new Scalar(dateText(value, raw))
  } else if (Array.isArray(value)) {
    const seq = new YAMLSeq()
    seq.items = value.map((item) => toNode(item, range))
    node = seq
  } else if (typeof value === 'object' && value !== null) {
    const map = new YAMLMap()
    for (const [key, item] of Object.entries(value)) {
      const keyNode = new Scalar(key)
      keyNode.range = range
      map.items.push(new Pair(keyNode, toNode(item, range)))
    }
    node = map
  } else {
    const scalar = new Scalar(value)
    // Messages quote a number as written (`1.10`, not `1.1`).
    if (typeof value === 'number' && raw !== undefined) scalar.source = raw
    node = scalar
  }
  node.range = range
  return node
}

/** A TOML date as written: `YYYY-MM-DD` from a date or date-time (no time-zone shift); a time as TOML prints it. */
function dateText(date: Date, raw: string | undefined): string {
  const written = raw === undefined ? undefined : /^\d{4}-\d{2}-\d{2}/.exec(raw)?.[0]
  if (written !== undefined) return written
  const iso = date.toISOString()
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso
}
