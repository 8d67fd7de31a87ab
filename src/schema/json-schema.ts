import {entryMayTune, ruleDefaults} from '../rules.js'
import {causes, outcomes} from './fields.js'

const date = {type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'A calendar date as YYYY-MM-DD, shown as written.'}

/**
 * A JSON Schema (draft 2020-12) of entry frontmatter, for editors and tools that check YAML
 * as people type. bounceback's own checks say more (a date that does not exist, did-you-mean
 * suggestions); this is the same table in the schema's terms.
 */
export function frontmatterSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://www.npmjs.com/package/bounceback/frontmatter.schema.json',
    title: 'bounceback post-mortem frontmatter',
    type: 'object',
    required: ['title', 'date'],
    additionalProperties: false,
    properties: {
      title: {type: 'string', minLength: 1, description: 'What the post-mortem is about.'},
      date: date,
      tags: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
      outcome: {enum: [...outcomes], description: 'How it turned out.'},
      cause: {enum: [...causes], description: 'What it came down to: missing information, how it was applied, or outside circumstances nobody predicted.'},
      cost: {
        type: 'object',
        additionalProperties: false,
        description: 'Money spent against money generated.',
        properties: {spent: {type: 'number', minimum: 0}, earned: {type: 'number', minimum: 0}, currency: {type: 'string', minLength: 1}}
      },
      feedback: {type: 'array', items: {type: 'string', minLength: 1}, description: "Whose outside view was sought."},
      revisit: {...date, description: 'When to look at it again with a clearer head.'},
      draft: {type: 'boolean', description: 'Checked but not published.'},
      rules: {
        type: 'object',
        description: "This entry's own rule levels, such as {language/self-blame: off}.",
        propertyNames: {enum: Object.keys(ruleDefaults).filter(entryMayTune)},
        additionalProperties: {enum: ['off', 'warn', 'error']}
      }
    }
  }
}
