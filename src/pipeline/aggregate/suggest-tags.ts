import {defaultGrouping} from './group-lessons.js'
import type {Lexicon} from './lexicon.js'
import {cosine, inverseFrequency, lessonStems, overlap} from './similarity.js'

/** A lesson as the suggestions see it. */
export interface SuggestLesson {
  text: string
  hashtags: readonly string[]
}

/** An untagged lesson that resembles a tagged theme, and the tag that would link it. */
export interface TagSuggestion {
  /** Index of the lesson in the input. */
  lesson: number
  tag: string
  /** How many lessons carry the tag. */
  count: number
  /** One earlier wording of the theme: the closest to this lesson. */
  example: string
  score: number
}

export interface SuggestOptions {
  /** A lesson this similar to a theme gets a suggestion (lower than grouping's: a person confirms it). */
  threshold: number
  /** A lesson this similar to one wording of the theme is grouped with it already: no suggestion. */
  groupThreshold: number
  lexicon?: Lexicon
  /** Lesson embeddings, when the config has `lessons.embed`: a theme this close by cosine is suggested too. */
  vectors?: ReadonlyMap<string, readonly number[]>
  /** The cosine at which lessons are grouped; suggestions start 0.1 below it. */
  similarity?: number
}

export const defaultSuggest = {threshold: 0.4, groupThreshold: 0.6} as const

/** A word in more tagged lessons than grouping's limit is not used to find the ones to compare with. */
const maxPostings = defaultGrouping.maxPostings

/**
 * For each lesson without a hashtag, the tagged theme it most resembles, if it resembles one
 * enough. A lesson is compared with a theme as a whole: half how much of what the lesson says
 * the theme has said somewhere (its stems, weighted, found among all the theme's wordings), half
 * how close its closest single wording is. A stem every lesson uses weighs little (idf).
 */
export function suggestTags(lessons: readonly SuggestLesson[], options: SuggestOptions = defaultSuggest): TagSuggestion[] {
  const stems = lessons.map((l) => lessonStems(l.text, options.lexicon))
  const idf = inverseFrequency(stems)

  const themes = new Map<string, {members: number[]; stems: Set<string>}>()
  lessons.forEach((lesson, i) => {
    for (const tag of lesson.hashtags) {
      let theme = themes.get(tag)
      if (!theme) themes.set(tag, (theme = {members: [], stems: new Set()}))
      theme.members.push(i)
      for (const stem of stems[i]!) theme.stems.add(stem)
    }
  })
  const byStem = new Map<string, string[]>()
  for (const [tag, theme] of themes) for (const stem of theme.stems) byStem.set(stem, [...(byStem.get(stem) ?? []), tag])
  // Tagged lessons by stem: a lesson is compared only with those it shares a word with, and,
  // as grouping does, not through a word so common it says nothing.
  const tagged = new Map<string, number[]>()
  lessons.forEach((lesson, i) => {
    if (lesson.hashtags.length > 0) for (const stem of stems[i]!) tagged.set(stem, [...(tagged.get(stem) ?? []), i])
  })
  const similarity = options.similarity ?? 0.85

  const suggestions: TagSuggestion[] = []
  lessons.forEach((lesson, i) => {
    const own = stems[i]!
    const vector = options.vectors?.get(lesson.text)
    if (lesson.hashtags.length > 0 || (own.length === 0 && !vector)) return
    const weight = own.reduce((sum, stem) => sum + idf(stem), 0) || 1
    // The closest wording of each theme, by the words shared; by meaning too, with embeddings.
    const closest = new Map<string, {member: number; score: number}>()
    const nearest = new Map<string, {member: number; score: number}>()
    const keep = (best: Map<string, {member: number; score: number}>, member: number, score: number) => {
      for (const tag of lessons[member]!.hashtags) if (score > (best.get(tag)?.score ?? 0)) best.set(tag, {member, score})
    }
    const compared = new Set<number>()
    for (const stem of own) {
      const list = tagged.get(stem)
      if (!list || list.length > maxPostings) continue
      for (const member of list) {
        if (compared.has(member)) continue
        compared.add(member)
        keep(closest, member, overlap(own, stems[member]!, idf))
      }
    }
    if (vector) {
      for (const theme of themes.values()) {
        for (const member of theme.members) {
          const other = options.vectors!.get(lessons[member]!.text)
          if (other) keep(nearest, member, cosine(vector, other))
        }
      }
    }
    // Grouped with a theme already, by its wording or its meaning: it is linked, nothing to suggest.
    if ([...closest.values()].some((c) => c.score >= options.groupThreshold) || [...nearest.values()].some((n) => n.score >= similarity)) return
    let best: TagSuggestion | undefined
    const candidates = vector ? themes.keys() : new Set(own.flatMap((stem) => byStem.get(stem) ?? []))
    for (const tag of candidates) {
      const theme = themes.get(tag)!
      const shared = own.filter((stem) => theme.stems.has(stem))
      const byWords = closest.get(tag)
      const byMeaning = nearest.get(tag)
      // One word in common is a coincidence, not a theme.
      const wording = shared.length >= 2 ? (shared.reduce((sum, stem) => sum + idf(stem), 0) / weight + (byWords?.score ?? 0)) / 2 : 0
      const meaning = byMeaning && byMeaning.score >= similarity - 0.1 ? byMeaning.score : 0
      const score = Math.max(wording >= options.threshold ? wording : 0, meaning)
      const example = meaning > wording ? byMeaning?.member : byWords?.member
      if (score > 0 && example !== undefined && (!best || score > best.score)) {
        best = {lesson: i, tag, count: theme.members.length, example: lessons[example]!.text, score}
      }
    }
    if (best) suggestions.push(best)
  })
  return suggestions
}
