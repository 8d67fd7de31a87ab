import {stemmer} from 'stemmer'
import {buildLexicon, defaultSynonyms, type Lexicon} from './lexicon.js'
import {stopWords} from './stop-words.js'

const defaultLexicon = buildLexicon(defaultSynonyms)

/**
 * A lesson reduced to what it says: lower-cased, accents and apostrophes dropped, stop words
 * removed, every word stemmed (Porter, via the unified collective's `stemmer`). Returns the
 * distinct stems, sorted, so that two wordings with the same stems compare equal. Synonyms
 * (see `lexicon.ts`) become one concept, written `=name`.
 */
export function lessonStems(text: string, lexicon: Lexicon | undefined = defaultLexicon): string[] {
  lexicon ??= defaultLexicon
  // Grouping, suggestions and every watch rebuild ask again for the same texts.
  let known = memo.get(lexicon)
  if (!known) memo.set(lexicon, (known = new Map()))
  let stems = known.get(text)
  if (!stems) {
    if (known.size >= memoLimit) known.clear()
    known.set(text, (stems = stemsOf(text, lexicon)))
  }
  return stems
}

const memo = new WeakMap<Lexicon, Map<string, string[]>>()
/** Texts remembered per lexicon: some hundred thousand lessons. */
const memoLimit = 200_000

function stemsOf(text: string, lexicon: Lexicon): string[] {
  const normal = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
  const words = lexicon.phrases(normal).match(/=[a-z0-9_]+|[\p{L}\p{N}]+/gu)
  if (!words) return []
  const stems = new Set<string>()
  for (const word of words) {
    if (word.startsWith('=')) stems.add(word)
    else if (!stopWords.has(word)) stems.add(lexicon.concept(stemmer(word)))
  }
  return [...stems].sort()
}

/**
 * Inverse document frequency over these lessons' stems: a stem every lesson uses weighs
 * little, a rare one much (what `overlap` weighs stems by).
 */
export function inverseFrequency(stems: readonly (readonly string[])[]): (stem: string) => number {
  const documents = new Map<string, number>()
  for (const list of stems) for (const stem of list) documents.set(stem, (documents.get(stem) ?? 0) + 1)
  return (stem) => Math.log(1 + stems.length / (documents.get(stem) ?? 1))
}

/**
 * Weighted overlap coefficient: the weight of the stems two lessons share, over the weight of
 * the smaller lesson's stems, each stem weighted by its inverse document frequency. A short
 * lesson said again inside a longer one scores 1; sharing only common words scores little.
 */
export function overlap(a: readonly string[], b: readonly string[], idf: (stem: string) => number): number {
  if (a.length === 0 || b.length === 0) return 0
  const inB = new Set(b)
  let shared = 0
  let weightA = 0
  let weightB = 0
  for (const stem of a) {
    const w = idf(stem)
    weightA += w
    if (inB.has(stem)) shared += w
  }
  if (shared === 0) return 0
  for (const stem of b) weightB += idf(stem)
  return shared / Math.min(weightA, weightB)
}

/** Cosine similarity of two vectors of one length. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!
    na += a[i]! * a[i]!
    nb += b[i]! * b[i]!
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}
