import {declareRules} from './declare.js'

const draft = 'or mark the entry `draft: true` until it is finished'

export const sectionsRules = declareRules({
  'sections/missing': {
    level: 'error',
    entry: true,
    drafts: 'warn',
    doc: 'a required section that is not there (at the end of the frontmatter)',
    fix: `add the section's \`##\` heading with an answer under it, ${draft}`
  },
  'sections/empty': {
    level: 'error',
    entry: true,
    drafts: 'warn',
    doc: 'a section with no real content (at its heading)',
    fix: `answer the question under the heading, ${draft}`
  },
  'sections/duplicate': {level: 'error', entry: true, doc: 'a section given twice (at the second heading)', fix: 'merge the two sections into one'},
  'sections/recommended': {
    level: 'warn',
    entry: true,
    drafts: 'warn',
    doc: '`actions` or `feedback` not there',
    fix: "add the section, or set the rule to `off` in the config's `rules`"
  }
})
