import {fieldNames} from '../../../schema/field-table.js'
import {declareRules} from './declare.js'

export const frontmatterRules = declareRules({
  'frontmatter/required': {
    level: 'error',
    entry: false,
    doc: 'no frontmatter, or `title` / `date` missing or empty (at the closing `---`)',
    fix: 'start the file with `---`, `title: …`, `date: YYYY-MM-DD` and `---`'
  },
  'frontmatter/type': {
    level: 'error',
    entry: false,
    doc: 'a value of the wrong type (at the value)',
    fix: "write the value as the README's frontmatter table says (a list as `[a, b]`)"
  },
  'frontmatter/date': {
    level: 'error',
    entry: false,
    doc: 'a `date` or `revisit` that is not a real `YYYY-MM-DD` date from 1900 to 2199',
    fix: 'write a real calendar date as `YYYY-MM-DD`, as in `2025-03-14`'
  },
  'frontmatter/value': {
    level: 'error',
    entry: false,
    doc: 'an `outcome` or `cause` outside its list, with a suggestion; text no page can show; a `rules:` entry an entry may not set',
    fix: 'use one of the values the message lists'
  },
  'frontmatter/unknown-field': {
    level: 'warn',
    entry: true,
    doc: 'a field that is not in the table above, with a suggestion',
    fix: `use a known field (${fieldNames.join(', ')}), or map yours with \`fields:\` in the config`
  },
  'frontmatter/yaml': {
    level: 'always',
    entry: false,
    doc: 'YAML, JSON or TOML syntax errors, duplicate keys, aliases, frontmatter that is not a map, `---js` and other frontmatter languages',
    fix: 'correct the frontmatter at the place shown (in YAML, a value holding `: ` needs quotes)'
  }
})
