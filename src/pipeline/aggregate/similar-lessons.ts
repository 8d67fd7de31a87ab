import type {Diagnostic, Entry, EntryResult, Severity} from '../../types.js'
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
