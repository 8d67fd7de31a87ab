import {declareRules} from './declare.js'

export const lessonsRules = declareRules({
  'lessons/list': {level: 'warn', entry: true, doc: 'lessons written as paragraphs rather than a list', fix: 'write each lesson as a list item, `- …`'}
})
