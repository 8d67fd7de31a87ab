import {declareRules} from './declare.js'

export const selfBlameRules = declareRules({
  'language/self-blame': {
    level: 'warn',
    entry: true,
    doc: 'a sentence that judges the writer rather than what happened (below)',
    fix: 'say what happened and what you would change, not what it says about you'
  }
})
