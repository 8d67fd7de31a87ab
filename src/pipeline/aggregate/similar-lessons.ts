import type {Diagnostic, Entry, EntryResult, Lesson, Severity} from '../../types.js'
import type {GroupingOptions} from './group-lessons.js'
import {defaultSuggest, suggestTags} from './suggest-tags.js'

/** Longest earlier wording quoted in a suggestion. */
const quoteLength = 80

/**
 * `lessons/similar`: each lesson without a hashtag that resembles a tagged theme, at its line,
 * naming the hashtag to add and the theme's closest earlier wording. Drafts count too: a
 * writer sees the suggestion while the entry is still being written.
 */
export function similarLessons(results: readonly (EntryResult & {entry: Entry})[], severity: Severity, grouping?: GroupingOptions): Diagnostic[] {
  const last = grouping?.lexicon && lastRuns.get(grouping.lexicon)
  if (
    last &&
    last.severity === severity &&
    last.grouping.vectors === grouping!.vectors &&
    last.grouping.similarity === grouping!.similarity &&
    sameLessons(last, results)
  )
    return [...last.messages]
  const messages = suggest(results, severity, grouping)
  if (grouping?.lexicon) {
    lastRuns.set(grouping.lexicon, {
      severity,
      grouping,
      files: results.map((r) => r.file),
      lessons: results.map((r) => r.entry.lessons),
      texts: results.map((r) => JSON.stringify(r.entry.lessons)),
      messages
    })
  }
  return messages
}

/** The last run's input and result, by the lexicon of the config it ran with: watch asks again after every save. */
interface LastRun {
  severity: Severity
  grouping: GroupingOptions
  files: string[]
  /** Each entry's lessons, and the same as JSON: a save that leaves them as they were changes no suggestion. */
  lessons: (readonly Lesson[])[]
  texts: string[]
  messages: Diagnostic[]
}
const lastRuns = new WeakMap<object, LastRun>()

function sameLessons(last: LastRun, results: readonly (EntryResult & {entry: Entry})[]): boolean {
  if (last.files.length !== results.length) return false
  return results.every((r, i) => r.file === last.files[i] && (r.entry.lessons === last.lessons[i] || JSON.stringify(r.entry.lessons) === last.texts[i]))
}

function suggest(results: readonly (EntryResult & {entry: Entry})[], severity: Severity, grouping?: GroupingOptions): Diagnostic[] {
  const flat = results.flatMap((r) => r.entry.lessons.map((lesson) => ({file: r.file, lesson})))
  const suggestions = suggestTags(
    flat.map((f) => f.lesson),
    {
      ...defaultSuggest,
      ...(grouping?.lexicon ? {lexicon: grouping.lexicon} : {}),
      ...(grouping?.vectors ? {vectors: grouping.vectors, similarity: grouping.similarity ?? 0.85} : {})
    }
  )
  return suggestions.map((s) => {
    const {file, lesson} = flat[s.lesson]!
    const example = s.example.length > quoteLength ? `${s.example.slice(0, quoteLength - 1)}…` : s.example
    return {
      file,
      line: lesson.line,
      column: 1,
      severity,
      message: `Resembles #${s.tag} (${s.count} ${s.count === 1 ? 'lesson' : 'lessons'}, e.g. “${example}”): add #${s.tag} to link them`,
      ruleId: 'lessons/similar'
    }
  })
}
