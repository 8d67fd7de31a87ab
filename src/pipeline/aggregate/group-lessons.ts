import type {Lexicon} from './lexicon.js'
import {cosine, lessonStems, overlap} from './similarity.js'
import {UnionFind} from './union-find.js'

export interface GroupingOptions {
  /** Two lessons whose similarity is at least this are one theme (0 to 1). */
  threshold: number
  /**
   * A stem found in more distinct lessons than this is not used to find candidate pairs, which
   * keeps grouping near-linear; such a stem weighs little in the similarity anyway.
   */
  maxPostings?: number
  /** Synonyms; the built-in ones when not given. */
  lexicon?: Lexicon
  /** Each lesson text's embedding (from `lessons.embed`): lessons this close by cosine are one theme too. */
  vectors?: ReadonlyMap<string, readonly number[]>
  /** The cosine similarity at which two lessons' vectors make one theme. */
  similarity?: number
}

export const defaultGrouping = {threshold: 0.6, maxPostings: 100} as const

/**
 * Assign each lesson a group number: lessons that share a hashtag are one group, then lessons
 * whose stems are similar enough join them. Lessons are first folded into distinct forms (same
 * stems, same form), then candidate pairs come from an index of stems, so the work grows with
 * the number of distinct lessons, not with its square. Groups are numbered in input order.
 */
export function groupLessons(lessons: readonly {text: string; hashtags: readonly string[]}[], options: GroupingOptions = defaultGrouping): number[] {
  const maxPostings = options.maxPostings ?? defaultGrouping.maxPostings
  const formIndex = new Map<string, number>()
  const forms: string[][] = []
  const stemsOf = new Map<string, string[]>()
  const formOf = lessons.map((lesson) => {
    let stems = stemsOf.get(lesson.text)
    if (!stems) stemsOf.set(lesson.text, (stems = lessonStems(lesson.text, options.lexicon)))
    const key = stems.length > 0 ? stems.join(' ') : `\u0000${lesson.text.trim().toLowerCase()}`
    let index = formIndex.get(key)
    if (index === undefined) {
      index = forms.length
      formIndex.set(key, index)
      forms.push(stems)
    }
    return index
  })

  const sets = new UnionFind(forms.length)
  const firstWithHashtag = new Map<string, number>()
  lessons.forEach((lesson, i) => {
    for (const tag of lesson.hashtags) {
      const first = firstWithHashtag.get(tag)
      if (first === undefined) firstWithHashtag.set(tag, formOf[i]!)
      else sets.union(first, formOf[i]!)
    }
  })

  const postings = new Map<string, number[]>()
  forms.forEach((stems, form) => {
    for (const stem of stems) {
      const list = postings.get(stem)
      if (list) list.push(form)
      else postings.set(stem, [form])
    }
  })
  const idfCache = new Map<string, number>()
  const idf = (stem: string) => {
    let value = idfCache.get(stem)
    if (value === undefined) idfCache.set(stem, (value = Math.log(1 + forms.length / (postings.get(stem)?.length ?? 1))))
    return value
  }
  const comparedWith = new Int32Array(forms.length).fill(-1)
  forms.forEach((stems, form) => {
    for (const stem of stems) {
      const list = postings.get(stem)!
      if (list.length > maxPostings) continue
      for (const other of list) {
        if (other <= form || comparedWith[other] === form) continue
        comparedWith[other] = form
        if (sets.find(other) !== sets.find(form) && overlap(stems, forms[other]!, idf) >= options.threshold) sets.union(form, other)
      }
    }
  })

  if (options.vectors) joinByVectors(lessons, formOf, sets, options.vectors, options.similarity ?? 0.85)

  const numbers = new Map<number, number>()
  return formOf.map((form) => {
    const root = sets.find(form)
    let number = numbers.get(root)
    if (number === undefined) numbers.set(root, (number = numbers.size))
    return number
  })
}

/**
 * Join the forms whose lessons' vectors are close: every pair is compared (the vectors say
 * nothing an index of words could narrow down), so this costs the square of the distinct forms.
 */
function joinByVectors(
  lessons: readonly {text: string}[],
  formOf: readonly number[],
  sets: UnionFind,
  vectors: ReadonlyMap<string, readonly number[]>,
  similarity: number
): void {
  const byForm = new Map<number, readonly number[]>()
  lessons.forEach((lesson, i) => {
    const vector = vectors.get(lesson.text)
    if (vector && !byForm.has(formOf[i]!)) byForm.set(formOf[i]!, vector)
  })
  const list = [...byForm]
  for (let a = 0; a < list.length; a++) {
    for (let b = a + 1; b < list.length; b++) {
      if (sets.find(list[a]![0]) !== sets.find(list[b]![0]) && cosine(list[a]![1], list[b]![1]) >= similarity) sets.union(list[a]![0], list[b]![0])
    }
  }
}
