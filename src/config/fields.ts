import {fieldNames, type FieldName} from '../schema/field-table.js'
import {closest} from '../schema/suggest.js'

/**
 * `fields: {date: ['date', 'start_time'], title: ['title', 'company']}`: for each field, the
 * frontmatter keys it is read from, first present wins. A field not named reads its own key
 * only; a field's own key is read first unless its list puts it elsewhere. A key may feed one
 * field only, and may not be another field's own name (it would be read twice).
 */
export function resolveFields(fields: unknown, fail: (m: string) => never): Record<FieldName, readonly string[]> {
  const resolved = Object.fromEntries(fieldNames.map((name) => [name, [name]])) as Record<FieldName, string[]>
  if (fields === undefined) return resolved
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    fail("`fields` must be an object such as `{date: ['date', 'start_time'], title: ['title', 'company']}`")
  }
  const owner = new Map<string, FieldName>()
  for (const [name, given] of Object.entries(fields as Record<string, unknown>)) {
    if (!(fieldNames as readonly string[]).includes(name)) {
      const guess = closest(name, fieldNames)
      fail(`\`fields\` names an unknown field \`${name}\`${guess ? `, did you mean \`${guess}\`?` : `, expected one of ${fieldNames.join(', ')}`}`)
    }
    const list = typeof given === 'string' ? [given] : given
    if (!Array.isArray(list) || list.length === 0 || !list.every((key) => typeof key === 'string' && key.trim() !== '')) {
      fail(`\`fields.${name}\` must be a key or a list of keys to read \`${name}\` from, such as \`['${name}', 'other_name']\``)
    }
    const keys = (list as string[]).map((key) => key.trim())
    const field = name as FieldName
    for (const key of keys) {
      if (key !== field && (fieldNames as readonly string[]).includes(key)) {
        fail(`\`fields.${name}\` reads \`${key}\`, which is a field of its own: map \`${key}\` to another key instead`)
      }
      const taken = owner.get(key)
      if (taken !== undefined && taken !== field) fail(`\`fields.${name}\` reads \`${key}\`, which \`fields.${taken}\` reads already: a key feeds one field`)
      if (keys.indexOf(key) !== keys.lastIndexOf(key)) fail(`\`fields.${name}\` lists \`${key}\` twice`)
      owner.set(key, field)
    }
    resolved[field] = keys.includes(field) ? keys : [field, ...keys]
  }
  return resolved
}
