import {declareRules} from './declare.js'

export const frontmatterRules = declareRules({
  'frontmatter/required': {level: 'error', entry: false, doc: 'no frontmatter, or `title` / `date` missing or empty (at the closing `---`)'},
  'frontmatter/type': {level: 'error', entry: false, doc: 'a value of the wrong type (at the value)'},
  'frontmatter/date': {level: 'error', entry: false, doc: 'a `date` or `revisit` that is not a real `YYYY-MM-DD` date from 1900 to 2199'},
  'frontmatter/value': {
    level: 'error',
    entry: false,
    doc: 'an `outcome` or `cause` outside its list, with a suggestion; text no page can show; a `rules:` entry an entry may not set'
  },
  'frontmatter/unknown-field': {level: 'warn', entry: true, doc: 'a field that is not in the table above, with a suggestion'},
  'frontmatter/yaml': {
    level: 'always',
    entry: false,
    doc: 'YAML, JSON or TOML syntax errors, duplicate keys, aliases, frontmatter that is not a map, `---js` and other frontmatter languages'
  }
})
