import {isAlias, isMap, isScalar, isSeq, visit, type Node as YamlNode, type Pair, type Scalar} from 'yaml'
import {expectation, fieldNames, fieldTable, orList, requiredFields, type Cost, type EntryMeta, type FieldName, type FieldSpec} from './field-table.js'
import {entryTuneProblem, isAlwaysError, isRuleId} from '../rules.js'
import type {frontmatterRules} from '../pipeline/validate/rules/frontmatter.rules.js'
import type {RuleLevel} from '../config/types.js'
import {dateProblem} from './date.js'
import {closest} from './suggest.js'

/** The rules a frontmatter field's problem is reported under. */
type FieldRuleId = Exclude<keyof typeof frontmatterRules, 'frontmatter/yaml'>

/** A frontmatter problem, with the rule it belongs to and its place as offsets in the YAML text. */
export interface FieldIssue {
  ruleId: FieldRuleId
  reason: string
  start: number
  end: number
  /** The field a missing-field issue is about. */
  missing?: string
}

export {fieldNames}
const costKeys = ['spent', 'earned', 'currency'] as const

export interface Inspection {
  meta: Partial<EntryMeta>
  issues: FieldIssue[]
  /** Where each given field's key is, as YAML offsets. */
  keys: Map<string, [number, number]>
}

/**
 * Read the frontmatter map field by field: keep each well-typed value, and describe each
 * problem at the key or value at fault. Never throws, and never builds objects from YAML keys,
 * so `__proto__` and friends are only ever unknown fields.
 */
export function inspectFields(contents: unknown, sources: FieldSources = ownNames, options: {titleFromHeading?: boolean} = {}): Inspection {
  const meta: Partial<EntryMeta> = {}
  const issues: FieldIssue[] = []
  const keys = new Map<string, [number, number]>()
  const missing = () => missingRequired(keys, issues, sources, options.titleFromHeading === true)
  // Empty frontmatter (or only comments) still lacks its required fields; a list or a scalar
  // is reported as not being a map, which says the same.
  if (!isMap(contents)) {
    if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) missing()
    return {meta, issues, keys}
  }
  const issue = (ruleId: FieldRuleId, reason: string, node: YamlNode | null | undefined, fallback: [number, number]) => {
    const [start, end] = node?.range ?? fallback
    issues.push({ruleId, reason, start, end})
  }
  const pairs = contents.items as Pair<YamlNode, YamlNode | null>[]
  const chosen = chooseKeys(pairs, sources)
  const fieldOf = readerOf(sources)

  for (const pair of pairs) {
    const keyNode = pair.key
    const keyRange: [number, number] = keyNode?.range ? [keyNode.range[0], keyNode.range[1]] : [0, 0]
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined
    if (key === undefined) {
      issue('frontmatter/type', 'Unexpected complex key, expected a plain field name', keyNode, keyRange)
      continue
    }
    const name = fieldOf.get(key)
    if (name === undefined) {
      const guess = closest(key, [...fieldOf.keys()])
      issue(
        'frontmatter/unknown-field',
        `Unexpected unknown field \`${key}\`${guess ? `, did you mean \`${guess}\`?` : ', expected a known field or one mapped in the config’s `fields`'}`,
        keyNode,
        keyRange
      )
      continue
    }
    // A mapped key that another, earlier in the field's list, already gave a value for.
    if (chosen.get(name) !== key) continue
    keys.set(name, keyRange)
    const value = pair.value
    if (isAlias(value)) continue // Refused as YAML already: one message is enough.
    const valueRange: [number, number] = value?.range ? [value.range[0], value.range[1]] : [keyRange[1], keyRange[1]]
    // A field read from a key of another name is named as both: `start_time` (read as `date`).
    const named = (reason: string) => (key === name ? reason : reason.replace(`\`${name}\``, `\`${key}\` (read as \`${name}\`)`))
    const at = (ruleId: FieldRuleId, reason: string, node: YamlNode | null | undefined, fallback: [number, number]) =>
      issue(ruleId, named(reason), node, fallback)
    if (value === null || (isScalar(value) && value.value === null)) {
      if ((requiredFields as readonly string[]).includes(name) && !(name === 'title' && options.titleFromHeading)) {
        at('frontmatter/required', `Unexpected empty \`${name}\`, expected ${expectation(name)}`, keyNode, keyRange)
      }
      continue
    }
    const problem = (ruleId: FieldRuleId, reason: string) => at(ruleId, reason, value, valueRange)
    readField(name, value!, meta, problem, at)
  }

  missing()
  unprintable(contents, issues)
  return {meta, issues, keys}
}

/** For each field, the keys it is read from, in order (see config/fields.ts). */
export type FieldSources = Readonly<Record<FieldName, readonly string[]>>
const ownNames = Object.fromEntries(fieldNames.map((name) => [name, [name]])) as unknown as FieldSources

const readers = new WeakMap<FieldSources, Map<string, FieldName>>()

/** Which field each key is read for. */
function readerOf(sources: FieldSources): Map<string, FieldName> {
  let reader = readers.get(sources)
  if (!reader) {
    reader = new Map()
    for (const name of fieldNames) for (const key of sources[name]) reader.set(key, name)
    readers.set(sources, reader)
  }
  return reader
}

/** For each field, the key its value is read from: the first in its list with a value, else the first there at all. */
function chooseKeys(pairs: readonly Pair<YamlNode, YamlNode | null>[], sources: FieldSources): Map<FieldName, string> {
  const given = new Map<string, YamlNode | null>()
  for (const pair of pairs) if (isScalar(pair.key) && !given.has(String(pair.key.value))) given.set(String(pair.key.value), pair.value)
  const chosen = new Map<FieldName, string>()
  for (const name of fieldNames) {
    const present = sources[name].filter((key) => given.has(key))
    const key = present.find((k) => !isEmpty(given.get(k))) ?? present[0]
    if (key !== undefined) chosen.set(name, key)
  }
  return chosen
}

function isEmpty(value: YamlNode | null | undefined): boolean {
  return value === null || value === undefined || (isScalar(value) && (value.value === null || (typeof value.value === 'string' && value.value.trim() === '')))
}

/**
 * Characters no page, feed or search index can carry: control characters (but tab and line
 * breaks), lone surrogates (from `\uD800` escapes) and noncharacters such as U+FFFE. Refused
 * where they are written, so that `check` and `build` agree; the entry's values are cleaned
 * of them all the same (see `cleanText`).
 */
function unprintable(contents: YamlNode, issues: FieldIssue[]): void {
  visit(contents, {
    Scalar(_, node) {
      if (typeof node.value !== 'string') return
      const bad = badCharacter(node.value)
      if (bad === undefined) return
      const [start, end] = node.range ?? [0, 0]
      issues.push({
        ruleId: 'frontmatter/value',
        reason: `Unexpected ${bad} in \`${printableValue(node.value)}\`, expected text a page can show: remove it`,
        start,
        end
      })
    }
  })
}

const badCharacters =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function badCharacter(text: string): string | undefined {
  const found = badCharacters.exec(text)?.[0]
  if (found === undefined) return undefined
  const code = `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  const kind = found >= '\ud800' && found <= '\udfff' ? 'lone surrogate' : found >= '\ufdd0' ? 'noncharacter' : 'control character'
  return `${kind} ${code}`
}

/** A value as a message can quote it, with what it holds made visible. */
function printableValue(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
  return text.replace(/[\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Missing fields have no place of their own: `start: -1` asks for the closing fence. */
function missingRequired(keys: ReadonlyMap<string, unknown>, issues: FieldIssue[], sources: FieldSources, titleFromHeading: boolean): void {
  for (const name of requiredFields) {
    if (name === 'title' && titleFromHeading) continue
    const others = sources[name].filter((key) => key !== name)
    const also = others.length > 0 ? ` (or ${others.map((k) => `\`${k}\``).join(', ')}, read as it)` : ''
    if (!keys.has(name))
      issues.push({
        ruleId: 'frontmatter/required',
        reason: `Missing required field \`${name}\`${also}, expected ${expectation(name)}`,
        start: -1,
        end: -1,
        missing: name
      })
  }
}

type Report = (ruleId: FieldRuleId, reason: string) => void
type ReportAt = (ruleId: FieldRuleId, reason: string, node: YamlNode | null | undefined, fallback: [number, number]) => void

/** Read one field as its kind in the field table says, into `meta`. */
function readField(name: FieldName, value: YamlNode, meta: Partial<EntryMeta>, problem: Report, issueAt: ReportAt): void {
  const read = readValue(name, value, problem, issueAt)
  if (read !== undefined) (meta as Record<string, unknown>)[name] = read
}

/** A field's value when it is well-typed, else `undefined` (the problem is reported). */
function readValue(name: FieldName, value: YamlNode, problem: Report, issueAt: ReportAt): unknown {
  const spec: FieldSpec = fieldTable[name]
  switch (spec.kind) {
    case 'text':
      return readString(value, name, problem)
    case 'date':
      return readDate(value, name, problem)
    case 'list':
      return readStringList(value, name, problem, issueAt)
    case 'choice': {
      const text = readString(value, name, problem)
      if (text === undefined || spec.values.includes(text)) return text
      const guess = closest(text, spec.values)
      problem('frontmatter/value', `Unexpected ${name} \`${text}\`, expected ${orList(spec.values)}${guess ? ` (did you mean \`${guess}\`?)` : ''}`)
      return undefined
    }
    case 'cost':
      return readCost(value, problem, issueAt)
    case 'boolean':
      if (isScalar(value) && typeof value.value === 'boolean') return value.value
      problem('frontmatter/type', `Unexpected ${describe(value)} for \`${name}\`, expected \`true\` or \`false\``)
      return undefined
    case 'rules':
      return readRules(value, problem, issueAt)
  }
}

function readString(value: YamlNode, name: string, problem: Report): string | undefined {
  if (isScalar(value) && typeof value.value === 'string') {
    if (value.value.trim() === '') {
      problem(
        requiredFields.includes(name as FieldName) ? 'frontmatter/required' : 'frontmatter/type',
        `Unexpected empty \`${name}\`, expected ${expectation(name as FieldName)}`
      )
      return undefined
    }
    return value.value
  }
  const quoted = isScalar(value) && typeof value.value !== 'object' ? ` (quote it to keep it as written: \`${name}: "${sourceOf(value)}"\`)` : ''
  problem('frontmatter/type', `Unexpected ${describe(value)} for \`${name}\`, expected ${expectation(name as FieldName)}${quoted}`)
  return undefined
}

/** `2017-01-31T23:00:00Z`, `2017-01-31 23:00`, `2017-01-31T23:00:00.5+01:00`: a date and a time of day. */
const timestamp = /^(\d{4}-\d{2}-\d{2})(?:[Tt ]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/

function readDate(value: YamlNode, name: string, problem: Report): string | undefined {
  if (!isScalar(value) || typeof value.value !== 'string') {
    problem('frontmatter/date', `Unexpected ${describe(value)} for \`${name}\`, expected a date as \`YYYY-MM-DD\``)
    return undefined
  }
  if (value.value.trim() === '') {
    problem(
      requiredFields.includes(name as FieldName) ? 'frontmatter/required' : 'frontmatter/date',
      `Unexpected empty \`${name}\`, expected a date as \`YYYY-MM-DD\``
    )
    return undefined
  }
  // A timestamp is read as the calendar date it was written on: no time zone moves it a day.
  const date = timestamp.exec(value.value)?.[1] ?? value.value
  const why = dateProblem(date)
  if (why === undefined) return date
  problem('frontmatter/date', `Unexpected \`${name}\` \`${value.value}\`: ${why}`)
  return undefined
}

function readStringList(value: YamlNode, name: string, problem: Report, issueAt: ReportAt): string[] | undefined {
  if (!isSeq(value)) {
    const hint = isScalar(value) && typeof value.value === 'string' ? `: write \`${name}: [${value.value}]\`` : ''
    problem('frontmatter/type', `Unexpected ${describe(value)} for \`${name}\`, expected a list of strings${hint}`)
    return undefined
  }
  const list: string[] = []
  for (const item of value.items as (YamlNode | null)[]) {
    if (isAlias(item)) continue
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') list.push(item.value.trim())
    else
      issueAt(
        'frontmatter/type',
        `Unexpected ${item ? describe(item) : 'empty item'} in \`${name}\`, expected a non-empty string`,
        item,
        value.range ? [value.range[0], value.range[1]] : [0, 0]
      )
  }
  return list
}

function readCost(value: YamlNode, problem: Report, issueAt: ReportAt): Cost | undefined {
  if (!isMap(value)) {
    problem('frontmatter/type', `Unexpected ${describe(value)} for \`cost\`, expected a map such as \`{spent: 120, earned: 0, currency: EUR}\``)
    return undefined
  }
  const cost: Cost = {}
  for (const pair of value.items as Pair<YamlNode, YamlNode | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const fallback: [number, number] = pair.key?.range ? [pair.key.range[0], pair.key.range[1]] : [0, 0]
    const v = pair.value
    if (key === 'spent' || key === 'earned') {
      if (isScalar(v) && typeof v.value === 'number' && Number.isFinite(v.value) && v.value >= 0) cost[key] = v.value
      else issueAt('frontmatter/type', `Unexpected ${v ? describe(v) : 'empty value'} for \`cost.${key}\`, expected a number of 0 or more`, v, fallback)
    } else if (key === 'currency') {
      if (isScalar(v) && typeof v.value === 'string' && v.value.trim() !== '') cost.currency = v.value.trim()
      else
        issueAt(
          'frontmatter/type',
          `Unexpected ${v ? describe(v) : 'empty value'} for \`cost.currency\`, expected a currency code such as \`EUR\``,
          v,
          fallback
        )
    } else {
      const guess = closest(key, costKeys)
      issueAt(
        'frontmatter/unknown-field',
        `Unexpected unknown field \`cost.${key}\`, ${guess ? `did you mean \`${guess}\`?` : `expected ${orList(costKeys)}`}`,
        pair.key,
        fallback
      )
    }
  }
  return cost
}

/** `rules: {language/self-blame: off}`: this entry's own rule levels. */
function readRules(value: YamlNode, problem: Report, issueAt: ReportAt): Record<string, RuleLevel> | undefined {
  if (!isMap(value)) {
    problem('frontmatter/type', `Unexpected ${describe(value)} for \`rules\`, expected a map such as \`{language/self-blame: off}\``)
    return undefined
  }
  const rules: Record<string, RuleLevel> = {}
  for (const pair of value.items as Pair<YamlNode, YamlNode | null>[]) {
    const id = isScalar(pair.key) ? String(pair.key.value) : ''
    const fallback: [number, number] = pair.key?.range ? [pair.key.range[0], pair.key.range[1]] : [0, 0]
    const why = entryTuneProblem(id)
    if (why !== undefined) {
      const known = isRuleId(id) || isAlwaysError(id)
      issueAt('frontmatter/value', known ? `Unexpected rule \`${id}\` in \`rules\`: ${why}` : `Unexpected rule \`${id}\`, ${why}`, pair.key, fallback)
      continue
    }
    const level = isScalar(pair.value) ? String(pair.value.value) : ''
    if (level !== 'off' && level !== 'info' && level !== 'warn' && level !== 'error') {
      issueAt('frontmatter/value', `Unexpected level \`${level}\` for \`rules.${id}\`, expected \`off\`, \`info\`, \`warn\` or \`error\``, pair.value, fallback)
      continue
    }
    rules[id] = level
  }
  return rules
}

function describe(node: YamlNode): string {
  if (isMap(node)) return 'map'
  if (isSeq(node)) return 'list'
  if (isScalar(node)) {
    const v = node.value
    if (typeof v === 'number') return `number \`${sourceOf(node)}\``
    if (typeof v === 'boolean') return `boolean \`${sourceOf(node)}\``
    if (typeof v === 'string') return `string \`${v}\``
    if (v === null) return 'empty value'
  }
  return 'value'
}

function sourceOf(node: Scalar): string {
  return typeof node.source === 'string' ? node.source : String(node.value)
}
