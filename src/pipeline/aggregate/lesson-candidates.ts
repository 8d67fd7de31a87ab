import type {Entry, EntryResult} from '../../types.js'
import type {Lexicon} from './lexicon.js'
import {cosine, inverseFrequency, lessonStems, overlap} from './similarity.js'
import {defaultSuggest, suggestTags} from './suggest-tags.js'

/** A lesson where it is written. */
export interface LessonPlace {
  file: string
  line: number
  text: string
}

/** What `bounceback lessons --suggest` lists, best first. */
export interface LessonCandidates {
  /** Untagged lessons that resemble a tagged theme, and the tag that would link them. */
  tags: (LessonPlace & {tag: string; count: number; example: string; score: number})[]
  /** Two untagged lessons of different entries that likely say the same, not close enough to be grouped. */
  pairs: {score: number; lessons: [LessonPlace, LessonPlace]}[]
}

/** At most this many pairs: the list is for reading. */
const mostPairs = 100

/**
 * Candidates for a person to confirm: tags to add (as `lessons/similar` reports them), and pairs
 * of untagged lessons whose wording is similar (0.4 or more) but not enough to group (0.6).
 */
export function lessonCandidates(
  results: readonly EntryResult[],
  lexicon?: Lexicon,
  semantic?: {vectors: ReadonlyMap<string, readonly number[]>; similarity: number}
): LessonCandidates {
  const flat = results.flatMap((r) => (r.entry ? r.entry.lessons.map((lesson) => ({file: r.file, entry: r.entry as Entry, lesson})) : []))
  const place = (i: number): LessonPlace => ({file: flat[i]!.file, line: flat[i]!.lesson.line, text: flat[i]!.lesson.text})
  const options = {...defaultSuggest, ...(lexicon ? {lexicon} : {}), ...(semantic ?? {})}
  const tags = suggestTags(
    flat.map((f) => f.lesson),
    options
  )
    .map((s) => ({...place(s.lesson), tag: s.tag, count: s.count, example: s.example, score: round(s.score)}))
    .sort((a, b) => b.score - a.score)

  const stems = flat.map((f) => lessonStems(f.lesson.text, lexicon))
  const idf = inverseFrequency(stems)
  const untagged = flat.flatMap((f, i) => (f.lesson.hashtags.length === 0 && stems[i]!.length > 0 ? [i] : []))
  const postings = new Map<string, number[]>()
  for (const i of untagged) for (const stem of stems[i]!) postings.set(stem, [...(postings.get(stem) ?? []), i])
  const pairs: LessonCandidates['pairs'] = []
  for (const i of untagged) {
    const shared = new Map<number, number>()
    for (const stem of stems[i]!) for (const j of postings.get(stem)!) if (j > i && flat[j]!.entry !== flat[i]!.entry) shared.set(j, (shared.get(j) ?? 0) + 1)
    for (const [j, common] of shared) {
      if (common < 2) continue
      const score = overlap(stems[i]!, stems[j]!, idf)
      if (score >= options.threshold && score < options.groupThreshold) pairs.push({score: round(score), lessons: [place(i), place(j)]})
    }
  }
  // With embeddings, pairs close in meaning but not close enough to be grouped, whatever their words.
  if (semantic) {
    const listed = new Set(pairs.map((p) => `${p.lessons[0].file}:${p.lessons[0].line}|${p.lessons[1].file}:${p.lessons[1].line}`))
    for (let a = 0; a < untagged.length; a++) {
      for (let b = a + 1; b < untagged.length; b++) {
        const [i, j] = [untagged[a]!, untagged[b]!]
        const [u, v] = [semantic.vectors.get(flat[i]!.lesson.text), semantic.vectors.get(flat[j]!.lesson.text)]
        if (!u || !v || flat[i]!.entry === flat[j]!.entry) continue
        const score = cosine(u, v)
        const key = `${flat[i]!.file}:${flat[i]!.lesson.line}|${flat[j]!.file}:${flat[j]!.lesson.line}`
        if (score >= semantic.similarity - 0.1 && score < semantic.similarity && !listed.has(key))
          pairs.push({score: round(score), lessons: [place(i), place(j)]})
      }
    }
  }
  pairs.sort((a, b) => b.score - a.score)
  return {tags, pairs: pairs.slice(0, mostPairs)}
}

function round(score: number): number {
  return Math.round(score * 100) / 100
}
