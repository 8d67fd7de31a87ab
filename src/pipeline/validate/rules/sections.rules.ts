import {declareRules} from './declare.js'

const draft = 'or mark the entry `draft: true` until it is finished'

export const sectionsRules = declareRules({
  'sections/missing': {
    level: 'error',
    entry: true,
    drafts: 'warn',
    doc: 'a required section that is not there (at the end of the frontmatter, or with “did you mean” at a heading that nearly names it)',
    fix: `add the section's heading with an answer under it, ${draft}; entries in another template: set \`preset\``
  },
  'sections/empty': {
    level: 'error',
    entry: true,
    drafts: 'warn',
    doc: 'a required section with no real content (at its heading)',
    fix: `answer the question under the heading, ${draft}`
  },
  'sections/duplicate': {level: 'error', entry: true, doc: 'a section given twice (at the second heading)', fix: 'merge the two sections into one'},
  'sections/recommended': {
    level: 'warn',
    entry: true,
    drafts: 'warn',
    doc: 'a recommended section (`actions`, `feedback`) not there, or there and empty',
    fix: "add or answer the section, or set the rule to `off` in the config's `rules`"
  }
})
