import {declareRules} from './declare.js'

export const lessonsRules = declareRules({
  'lessons/list': {level: 'warn', entry: true, doc: 'lessons written as paragraphs rather than a list', fix: 'write each lesson as a list item, `- …`'},
  'lessons/none': {
    level: 'warn',
    entry: true,
    doc: 'a lessons section with sections below it (What went well…) but no lesson of its own: those are shown, not counted',
    fix: 'write what you learned as a list right under the lessons heading, above its sub-sections'
  },
  'lessons/similar': {
    level: 'info',
    entry: false,
    doc: 'a lesson without a hashtag that resembles a tagged theme: a suggestion, below a warning (`--max-warnings 0` still passes)',
    fix: 'add the hashtag named to the lesson so that its theme links it, or leave it: nothing fails'
  }
})
