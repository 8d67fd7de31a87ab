import type {Action, Diagnostic, Entry, EntryAsset, EntryMeta, EntryResult, FileUse, Lesson, Section} from '../types.js'

/**
 * Whether a value read from the cache has exactly the shape of a per-entry result, down to
 * each field's type. A cache file is only data on disk: valid JSON of another shape (edited by
 * hand, written by another version, damaged) must be a miss, never a crash later on. The
 * shapes are built once: a warm build checks thousands of entries.
 */
export function isEntryResult(value: unknown): value is EntryResult {
  if (!isObject(value) || typeof value.file !== 'string' || !isArrayOf(value.messages, isDiagnostic)) return false
  if (value.uses !== undefined && !isArrayOf(value.uses, isUse)) return false
  return value.entry === undefined || isEntry(value.entry)
}

type Check = (value: unknown) => boolean

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
const isString: Check = (value) => typeof value === 'string'
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value)
const isBoolean: Check = (value) => typeof value === 'boolean'
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value)
const oneOf =
  (...values: string[]): Check =>
  (value) =>
    typeof value === 'string' && values.includes(value)

function isArrayOf(value: unknown, item: Check): boolean {
  if (!Array.isArray(value)) return false
  for (const element of value) if (!item(element)) return false
  return true
}
const arrayOf =
  (item: Check): Check =>
  (value) =>
    isArrayOf(value, item)

/** A check of an object's fields, one per key of `T`: a field added to the type and not here fails to compile. */
function shape<T>(checks: Record<keyof T, Check>): Check {
  const entries = Object.entries(checks) as [string, Check][]
  return (value) => {
    if (!isObject(value)) return false
    for (const [key, check] of entries) if (!check(value[key])) return false
    return true
  }
}

const isDiagnostic = shape<Diagnostic>({
  file: isString,
  line: isNumber,
  column: isNumber,
  endLine: optional(isNumber),
  endColumn: optional(isNumber),
  severity: oneOf('error', 'warning', 'info'),
  message: isString,
  ruleId: isString
})
const isSection = shape<Section>({id: (v) => v === null || typeof v === 'string', heading: isString, line: isNumber, empty: isBoolean})
const isLesson = shape<Lesson>({text: isString, hashtags: arrayOf(isString), line: isNumber})
const isAction = shape<Action>({
  text: isString,
  done: isBoolean,
  due: optional(isString),
  owner: optional(isString),
  status: optional(isString),
  line: isNumber
})
const isCost = shape<NonNullable<EntryMeta['cost']>>({spent: optional(isNumber), earned: optional(isNumber), currency: optional(isString)})
const isRules: Check = (value) => isObject(value) && Object.values(value).every(oneOf('off', 'info', 'warn', 'error'))
const isMeta = shape<EntryMeta>({
  title: isString,
  date: isString,
  tags: arrayOf(isString),
  summary: optional(isString),
  outcome: optional(oneOf('failed', 'mixed', 'succeeded')),
  cause: optional(oneOf('information', 'application', 'circumstances')),
  cost: optional(isCost),
  feedback: arrayOf(isString),
  revisit: optional(isString),
  draft: isBoolean,
  rules: optional(isRules)
})
/** A body is a root holding one raw node of sanitised HTML (see render/body.ts). */
const isRaw = shape<{type: unknown; value: unknown}>({type: (t) => t === 'raw', value: isString})
const isBody = shape<{type: unknown; children: unknown}>({type: (v) => v === 'root', children: (v) => Array.isArray(v) && v.length === 1 && isRaw(v[0])})
/** A path inside the content folder, `/`-separated, that never climbs out of it. */
const isContentPath: Check = (value) =>
  typeof value === 'string' &&
  value !== '' &&
  !value.includes('\0') &&
  !value.startsWith('/') &&
  !value.split('/').some((s) => s === '..' || s === '.' || s === '')
const isUse = shape<FileUse>({source: isContentPath, size: isNumber, mtimeMs: isNumber})
/** Copied files' output paths as extract/local-files.ts makes them: a cache cannot lead a copy out of its folder. */
const isAsset = shape<EntryAsset>({
  source: isContentPath,
  output: (v) => typeof v === 'string' && /^assets\/files\/[A-Za-z0-9_-]+\.[0-9a-f]{8}(?:\.[a-z0-9]{1,10})?$/.test(v),
  size: isNumber,
  hash: (v) => typeof v === 'string' && /^[0-9a-f]{40}$/.test(v)
})
/** Slugs and URLs as extract/slug.ts makes them: a cache cannot lead a page out of the output. */
const isSlug: Check = (value) => typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
const isEntryUrl: Check = (value) => typeof value === 'string' && /^\/(?:\d{4}\/)?[a-z0-9]+(?:-[a-z0-9]+)*\/$/.test(value)
const isEntry = shape<Entry>({
  key: isString,
  source: isString,
  slug: isSlug,
  url: isEntryUrl,
  meta: isMeta,
  sections: arrayOf(isSection),
  summary: isString,
  lessons: arrayOf(isLesson),
  actions: arrayOf(isAction),
  body: isBody,
  assets: optional(arrayOf(isAsset))
}) as (value: unknown) => value is Entry
