import {declareRules} from './declare.js'

export const publishableRules = declareRules({
  'entry/no-date': {
    level: 'always',
    entry: false,
    doc: 'an entry with no valid `date` and none in its file name (only when `frontmatter/required` is not an error): its page would have no URL',
    fix: 'add `date: YYYY-MM-DD`, or start the file name with the date'
  }
})
