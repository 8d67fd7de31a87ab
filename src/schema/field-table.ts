/**
 * Every frontmatter field, declared once: the checks (schema/fields.ts), the `EntryMeta` type,
 * the JSON Schema (schema/json-schema.ts) and the README's table (a test compares them) all
 * come from here. Order is the README's.
 */
export const fieldTable = {
  title: {kind: 'text', required: true, doc: 'What the post-mortem is about.', example: 'Newsletter launch'},
  date: {
    kind: 'date',
    required: true,
    doc:
      'A real calendar date from 1900 to 2199 (`2024-02-30` is an error, not March 1st, and so is the typo `0224-01-05`); shown as ' +
      "written, never shifted by the reader's time zone."
  },
  tags: {kind: 'list', default: [], unique: true, doc: 'What the entry is about, to find it by.'},
  summary: {
    kind: 'text',
    doc: "One or two sentences for lists and feeds; without it, the text before `<!-- more -->`, else the first sentence of the preset's summary section."
  },
  outcome: {kind: 'choice', values: ['failed', 'mixed', 'succeeded'], doc: 'How it turned out.'},
  cause: {
    kind: 'choice',
    values: ['information', 'application', 'circumstances'],
    doc: 'What it came down to: not having the right information, not using it the right way, or outside circumstances nobody predicted.'
  },
  cost: {kind: 'cost', doc: 'Money spent against money generated; amounts are numbers of 0 or more.'},
  feedback: {kind: 'list', default: [], doc: 'Whose outside view was sought.'},
  revisit: {kind: 'date', doc: 'When to look at it again with a clearer head.'},
  draft: {kind: 'boolean', default: false, doc: 'A draft is checked but not published.'},
  rules: {kind: 'rules', doc: "This entry's own rule levels, such as `{language/self-blame: off}` (only the rules marked so in the Rules table)."}
} as const satisfies Record<string, FieldSpec>

/** How one field is written and read. */
export type FieldSpec =
  | {kind: 'text'; required?: true; doc: string; example?: string}
  | {kind: 'date'; required?: true; doc: string}
  | {kind: 'list'; default?: readonly []; unique?: true; doc: string}
  | {kind: 'choice'; values: readonly string[]; doc: string}
  | {kind: 'cost'; doc: string}
  | {kind: 'boolean'; default?: boolean; doc: string}
  | {kind: 'rules'; doc: string}

export type FieldTable = typeof fieldTable
export type FieldName = keyof FieldTable
export const fieldNames = Object.keys(fieldTable) as FieldName[]
export const requiredFields = fieldNames.filter((name) => 'required' in fieldTable[name])

export interface Cost {
  spent?: number
  earned?: number
  currency?: string
}

/** The value a field of each kind holds once read. */
type ValueOf<S> = S extends {kind: 'text' | 'date'}
  ? string
  : S extends {kind: 'list'}
    ? string[]
    : S extends {kind: 'choice'; values: readonly (infer V)[]}
      ? V
      : S extends {kind: 'cost'}
        ? Cost
        : S extends {kind: 'boolean'}
          ? boolean
          : S extends {kind: 'rules'}
            ? Record<string, 'off' | 'info' | 'warn' | 'error'>
            : never

type Always<T> = {-readonly [K in keyof T as T[K] extends {required: true} | {default: unknown} ? K : never]: ValueOf<T[K]>}
type Maybe<T> = {-readonly [K in keyof T as T[K] extends {required: true} | {default: unknown} ? never : K]?: ValueOf<T[K]>}

/**
 * Frontmatter once validated: only well-typed values survive, and a field with a default always
 * has a value. `date` is `YYYY-MM-DD` exactly as written.
 */
export type EntryMeta = Always<FieldTable> & Maybe<FieldTable>

/** How a post-mortem turned out. */
export type Outcome = FieldTable['outcome']['values'][number]
/** What the failure came down to: missing information, applying it badly, or circumstances. */
export type Cause = FieldTable['cause']['values'][number]

/** What a value of the field should look like, in the words of a message. */
export function expectation(name: FieldName): string {
  const spec: FieldSpec = fieldTable[name]
  switch (spec.kind) {
    case 'text':
      return spec.example ? `a string such as \`${name}: ${spec.example}\`` : 'a string'
    case 'date':
      return 'a date as `YYYY-MM-DD`'
    case 'list':
      return 'a list of strings'
    case 'choice':
      return orList(spec.values)
    case 'cost':
      return 'a map `{spent, earned, currency}`'
    case 'boolean':
      return '`true` or `false`'
    case 'rules':
      return 'a map of rule ids to `off`, `info`, `warn` or `error`'
  }
}

/** The type column of the README's table. */
export function typeLabel(name: FieldName): string {
  const spec: FieldSpec = fieldTable[name]
  switch (spec.kind) {
    case 'text':
      return 'string'
    case 'date':
      return '`YYYY-MM-DD`'
    case 'list':
      return 'list of strings'
    case 'choice':
      return orList(spec.values)
    case 'cost':
      return 'map `{spent, earned, currency}`'
    case 'boolean':
      return 'boolean'
    case 'rules':
      return 'map of rule id to `off`, `info`, `warn` or `error`'
  }
}

export function orList(values: readonly string[]): string {
  const quoted = values.map((v) => `\`${v}\``)
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted.join('')
}
