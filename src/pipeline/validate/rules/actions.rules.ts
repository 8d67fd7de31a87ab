import {declareRules} from './declare.js'

export const actionsRules = declareRules({
  'actions/task-list': {
    level: 'warn',
    entry: true,
    doc: 'an actions item without a checkbox, or actions with no list',
    fix: 'write each action as a task, `- [ ] what to do (due YYYY-MM-DD)`'
  },
  'actions/due': {level: 'error', entry: true, doc: 'a `(due …)` that is not a real `YYYY-MM-DD` date', fix: 'write a real date, as in `(due 2025-06-30)`'}
})
