import {declareRules} from './declare.js'

export const sectionsRules = declareRules({
  'sections/missing': {level: 'error', entry: true, drafts: 'warn', doc: 'a required section that is not there (at the end of the frontmatter)'},
  'sections/empty': {level: 'error', entry: true, drafts: 'warn', doc: 'a required section with no real content (at its heading)'},
  'sections/duplicate': {level: 'error', entry: true, doc: 'a section given twice (at the second heading)'},
  'sections/recommended': {level: 'warn', entry: true, drafts: 'warn', doc: 'a recommended section (`actions`, `feedback`) not there, or there and empty'}
})
