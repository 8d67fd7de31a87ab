import type {Action, Diagnostic, Entry, EntryMeta, EntryResult, Lesson, Section} from '../types.js'

/**
 * Whether a value read from the cache has exactly the shape of a per-entry result, down to
 * each field's type. A cache file is only data on disk: valid JSON of another shape (edited by
 * hand, written by another version, damaged) must be a miss, never a crash later on.
 */
export function isEntryResult(value: unknown): value is EntryResult {
  if (!isObject(value) || typeof value.file !== 'string' || !isArray(value.messages, isDiagnostic)) return false
  return value.entry === undefined || isEntry(value.entry)
}

type Check = (value: unknown) => boolean

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
const isString: Check = (value) => typeof value === 'string'
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value)
const optional = (check: Check): Check => (value) => value === undefined || check(value)
const oneOf = (...values: string[]): Check => (value) => typeof value === 'string' && values.includes(value)

function isArray(value: unknown, item: Check): boolean {
  return Array.isArray(value) && value.every(item)
}

function fields(value: unknown, shape: Record<string, Check>): boolean {
  return isObject(value) && Object.entries(shape).every(([key, check]) => check(value[key]))
}

const isBoolean: Check = (value) => typeof value === 'boolean'

/** One check per field of each type (types.ts): a field added there and not here fails the cache test. */
const isDiagnostic: Check = (value) =>
  fields(value, {file: isString, line: isNumber, column: isNumber, endLine: optional(isNumber), endColumn: optional(isNumber), severity: oneOf('error', 'warning'), message: isString, ruleId: isString} satisfies Record<keyof Diagnostic, Check>)
const isSection: Check = (value) => fields(value, {id: (v) => v === null || typeof v === 'string', heading: isString, line: isNumber, empty: isBoolean} satisfies Record<keyof Section, Check>)
const isLesson: Check = (value) => fields(value, {text: isString, hashtags: (v) => isArray(v, isString), line: isNumber} satisfies Record<keyof Lesson, Check>)
const isAction: Check = (value) => fields(value, {text: isString, done: isBoolean, due: optional(isString), line: isNumber} satisfies Record<keyof Action, Check>)

const isCost: Check = (value) => fields(value, {spent: optional(isNumber), earned: optional(isNumber), currency: optional(isString)})
const isRules: Check = (value) => isObject(value) && Object.values(value).every(oneOf('off', 'warn', 'error'))

const isMeta: Check = (value) =>
  fields(value, {
    title: isString,
    date: isString,
    tags: (v) => isArray(v, isString),
    outcome: optional(oneOf('failed', 'mixed', 'succeeded')),
    cause: optional(oneOf('information', 'application', 'circumstances')),
    cost: optional(isCost),
    feedback: (v) => isArray(v, isString),
    revisit: optional(isString),
    draft: isBoolean,
    rules: optional(isRules)
  } satisfies Record<keyof EntryMeta, Check>)

/** A body is a root holding one raw node of sanitised HTML (see render/body.ts). */
const isBody: Check = (value) => fields(value, {type: (v) => v === 'root', children: (v) => Array.isArray(v) && v.length === 1 && fields(v[0], {type: (t) => t === 'raw', value: isString})})

function isEntry(value: unknown): value is Entry {
  return fields(value, {
    source: isString,
    slug: isString,
    url: isString,
    meta: isMeta,
    sections: (v) => isArray(v, isSection),
    summary: isString,
    lessons: (v) => isArray(v, isLesson),
    actions: (v) => isArray(v, isAction),
    body: isBody
  } satisfies Record<keyof Entry, Check>)
}
