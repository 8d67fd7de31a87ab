import type {Nodes as MdastNodes, Text} from 'mdast'
import type {Root as NlcstRoot, Sentence, Word} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import type {Rule} from '../context.js'
import type {selfBlameRules} from './self-blame.rules.js'

/** Words that judge a person rather than describe what happened. */
const labels = new Set(
  'idiot idiots moron fool loser failure fraud disaster joke mess useless stupid hopeless incompetent worthless pathetic dumb clueless imposter impostor'.split(
    ' '
  )
)
const intensifiers = new Set('such a an complete total absolute real utter so totally completely just the biggest'.split(' '))
const mistakes = new Set('mess screw ruin ruins fail fails blow botch fuck break'.split(' '))
const people = new Set(['nobody', 'everyone', 'everybody', 'no-one'])
const feel = new Set('likes like respects respect trusts trust wants want cares care hates hate thinks think knows know sees see believes'.split(' '))

const parser = new ParseEnglish()

interface Finding {
  start: number
  end: number
  phrase: string
  kind: 'label' | 'absolute' | 'mind-reading'
}

/**
 * `language/self-blame`: sentences that judge the writer instead of what happened ("I'm an
 * idiot", "I always mess up", "nobody likes me"), with a reframing. It reads prose only: not
 * quotes, code, links or block quotes; an entry turns it off with `rules: {language/self-blame:
 * off}` in its frontmatter or a `<!-- bounceback-disable language/self-blame -->` comment.
 * False alarms cost more than misses, so every pattern needs the writer as its subject.
 */
export const selfBlameRule: Rule<keyof typeof selfBlameRules> = (context, report) => {
  const walk = (node: MdastNodes) => {
    if (
      node.type === 'blockquote' ||
      node.type === 'code' ||
      node.type === 'inlineCode' ||
      node.type === 'link' ||
      node.type === 'linkReference' ||
      node.type === 'yaml' ||
      node.type === 'html'
    )
      return
    if (node.type === 'text') {
      for (const finding of findSelfBlame(node.value)) {
        const offset = (node as Text).position!.start.offset!
        report('language/self-blame', message(finding), context.place(offset + finding.start, offset + finding.end))
      }
      return
    }
    if ('children' in node) for (const child of node.children) walk(child as MdastNodes)
  }
  walk(context.tree)
}

function message(finding: Finding): string {
  const reframe =
    finding.kind === 'label'
      ? 'describe what happened and what you would do differently, as in "I missed the deadline because…"'
      : finding.kind === 'absolute'
        ? 'name this time and its cause, as in "this time I skipped the check because…"'
        : 'write what people said or did, or ask them'
  return `Unexpected judgement of yourself, “${finding.phrase}”, expected what happened: ${reframe}`
}

/** Every pattern needs one of these words: text without them is not parsed at all. */
const subjects = /\b(?:i|i['’]?m|nobody|no one|no-one|everyone|everybody)\b/i
/**
 * Nor is text without the rest of some pattern: a label, `always`, `never`, `ruin` or `screw`
 * after "I", or a verb of feeling after "nobody" or "everyone". Parsing English is most of this
 * rule's cost, and most prose has an "I" in it. Matched as parts of words: never too strict.
 */
const judging = new RegExp([...labels, 'always', 'never', 'ruin', 'screw'].join('|'), 'i')
const everyone = /nobody|no[ -]one|everyone|everybody/i
const feeling = new RegExp([...feel].join('|'), 'i')

/** Every self-judging phrase in a piece of prose, outside quotation marks. */
export function findSelfBlame(text: string): Finding[] {
  if (!subjects.test(text)) return []
  if (!judging.test(text) && !(everyone.test(text) && feeling.test(text))) return []
  const tree = parser.parse(text) as NlcstRoot
  const findings: Finding[] = []
  const quoted = quotedRanges(text)
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      const words = wordsOf(sentence)
      for (const finding of match(words, text)) {
        if (!quoted.some(([from, to]) => finding.start >= from && finding.end <= to)) findings.push(finding)
      }
    }
  }
  return findings
}

interface W {
  text: string
  start: number
  end: number
}

function wordsOf(sentence: Sentence): W[] {
  return sentence.children
    .filter((child): child is Word => child.type === 'WordNode')
    .map((word) => ({text: nlcstToString(word).toLowerCase().replace(/[’‘]/g, "'"), start: word.position!.start.offset!, end: word.position!.end.offset!}))
}

function match(words: W[], text: string): Finding[] {
  const found: Finding[] = []
  const phrase = (from: number, to: number) => text.slice(words[from]!.start, words[to]!.end)
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.text
    // I'm / I am / I'm such an / I am a complete … <label>
    const subject = w === "i'm" || w === 'im' ? 1 : w === 'i' && words[i + 1]?.text === 'am' ? 2 : w === 'i' && words[i + 1]?.text === "'m" ? 2 : 0
    if (subject > 0) {
      let j = i + subject
      while (j < words.length && intensifiers.has(words[j]!.text)) j++
      if (j < words.length && labels.has(words[j]!.text) && !(words[j + 1] && /^(?:analyst|rate|mode|case|report|budget|review)s?$/.test(words[j + 1]!.text))) {
        found.push({start: words[i]!.start, end: words[j]!.end, phrase: phrase(i, j), kind: 'label'})
        i = j
        continue
      }
    }
    // I always mess up / I never get anything right / I ruin everything
    if (w === 'i' && (words[i + 1]?.text === 'always' || words[i + 1]?.text === 'never')) {
      const next = words[i + 2]?.text ?? ''
      const then = words.slice(i + 3, i + 6).map((x) => x.text)
      const always =
        words[i + 1]!.text === 'always' &&
        (mistakes.has(next) || (next === 'get' && then[0] === 'it' && then[1] === 'wrong') || (next === 'let' && then.includes('down')))
      const never =
        words[i + 1]!.text === 'never' &&
        (((next === 'get' || next === 'do') && (then[0] === 'anything' || then[0] === 'it') && then[1] === 'right') ||
          next === 'learn' ||
          (next === 'finish' && then[0] === 'anything'))
      if (always || never) {
        const end = Math.min(words.length - 1, i + (mistakes.has(next) ? 2 : next === 'learn' ? 2 : 4))
        found.push({start: words[i]!.start, end: words[end]!.end, phrase: phrase(i, end), kind: 'absolute'})
        i = end
        continue
      }
    }
    if (
      w === 'i' &&
      (words[i + 1]?.text === 'ruin' || words[i + 1]?.text === 'screw') &&
      ['everything', 'up'].includes(words[i + 2]?.text ?? '') &&
      (words[i + 2]?.text === 'everything' || words[i + 3]?.text === 'everything')
    ) {
      const end = words[i + 2]!.text === 'everything' ? i + 2 : i + 3
      found.push({start: words[i]!.start, end: words[end]!.end, phrase: phrase(i, end), kind: 'absolute'})
      i = end
      continue
    }
    // Nobody likes me / everyone thinks I'm incompetent
    if (people.has(w) || (w === 'no' && words[i + 1]?.text === 'one')) {
      const k = w === 'no' ? i + 2 : i + 1
      if (feel.has(words[k]?.text ?? '')) {
        if (words[k + 1]?.text === 'me') {
          found.push({start: words[i]!.start, end: words[k + 1]!.end, phrase: phrase(i, k + 1), kind: 'mind-reading'})
          i = k + 1
          continue
        }
        const inner = match(words.slice(k + 1, k + 8), text).find((f) => f.kind === 'label')
        if (inner) {
          found.push({start: words[i]!.start, end: inner.end, phrase: text.slice(words[i]!.start, inner.end), kind: 'mind-reading'})
          i = k + 1
        }
      }
    }
  }
  return found
}

/** Spans between quotation marks: someone else's words, or words being discussed. */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = []
  for (const match of text.matchAll(/“[^”]*”|"[^"]*"|‘[^’]*’/g)) ranges.push([match.index, match.index + match[0].length])
  return ranges
}
