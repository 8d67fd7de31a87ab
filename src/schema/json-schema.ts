import {entryMayTune, ruleDefaults} from '../rules.js'
import {fieldNames, fieldTable, requiredFields, type FieldSpec} from './field-table.js'

const datePattern = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$'

/** One field of the schema, from its kind in the field table. */
function property(spec: FieldSpec): Record<string, unknown> {
  const description = spec.doc
  switch (spec.kind) {
    case 'text':
      return {type: 'string', minLength: 1, description}
    case 'date':
      return {type: 'string', pattern: datePattern, description}
    case 'list':
      return {type: 'array', items: {type: 'string', minLength: 1}, ...(spec.unique ? {uniqueItems: true} : {}), description}
    case 'choice':
      return {enum: [...spec.values], description}
    case 'cost':
      return {
        type: 'object',
        description,
        properties: {spent: {type: 'number', minimum: 0}, earned: {type: 'number', minimum: 0}, currency: {type: 'string', minLength: 1}}
      }
    case 'boolean':
      return {type: 'boolean', description}
    case 'rules':
      return {
        type: 'object',
        description,
        propertyNames: {enum: Object.keys(ruleDefaults).filter(entryMayTune)},
        additionalProperties: {enum: ['off', 'info', 'warn', 'error']}
      }
  }
}

/**
 * A JSON Schema (draft 2020-12) of entry frontmatter, for editors and tools that check YAML
 * as people type, made from the field table. bounceback's own checks say more (a date that
 * does not exist, did-you-mean suggestions). Unknown fields are allowed, as `check` only warns
 * of them (and a config's `fields` may map them): an editor shows no error the tool does not.
 */
export function frontmatterSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://www.npmjs.com/package/bounceback/frontmatter.schema.json',
    title: 'bounceback post-mortem frontmatter',
    type: 'object',
    required: [...requiredFields],
    properties: Object.fromEntries(fieldNames.map((name) => [name, property(fieldTable[name])]))
  }
}
