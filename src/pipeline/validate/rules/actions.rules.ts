import {declareRules} from './declare.js'

export const actionsRules = declareRules({
  'actions/task-list': {level: 'warn', entry: true, doc: 'an actions item without a checkbox, or actions with no list'},
  'actions/due': {level: 'error', entry: true, doc: 'a `(due …)` that is not a real `YYYY-MM-DD` date'}
})
