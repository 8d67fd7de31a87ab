import {declareRules} from './declare.js'

export const commentRules = declareRules({
  'comment/disable': {
    level: 'warn',
    entry: false,
    doc: 'a `bounceback-disable` comment naming no rule, or one an entry may not turn off',
    fix: 'name a rule marked *per entry*, as in `<!-- bounceback-disable language/self-blame -->`; set the others in the config'
  }
})
