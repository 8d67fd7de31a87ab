import type {Nodes as MdastNodes, Text} from 'mdast'
import type {Root as NlcstRoot, Sentence, Word} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import type {Rule} from '../context.js'
import {type Finding, matchSelfBlame, type W} from './self-blame-phrases.js'
import type {selfBlameRules} from './self-blame.rules.js'

const parser = new ParseEnglish()

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
const subjects = /\b(?:i|why|i['’]?m|i['’]ve|i['’]ll|me|you|nobody|no one|no-one|everyone|everybody|people|they|team|others|colleagues|class)\b/i
/**
 * Nor is text without the rest of some pattern: a label, a word such as `always`, `never`,
 * `ruin` or `suck`, or a verb of feeling after "nobody", "everyone" or "they". Parsing English is
 * most of this rule's cost, and most prose has an "I" in it. Matched as parts of words, never too
 * strict, and with no nested repetition, so every test is linear in the text.
 */
const judging = new RegExp(
  [
    'idiot moron fool loser fail fraud disaster joke mess wreck useless stupid hopeless incompetent worthless pathetic dumb clueless impost lazy',
    'inept brainless disappoint embarrass screw fuck clown dumm imbecile dimwit halfwit dunce numpty muppet liability terrible awful horrible',
    'always never constantly forever ruin muck botch blow suck coward myself'
  ]
    .join(' ')
    .split(' ')
    .concat(['thing right', 'everything i', 'at everything', 'at anything', 'be good', 'bad person', 'bad human'])
    .join('|'),
  'i'
)
const everyone = /nobody|no[ -]one|everyone|everybody|people|they|team|others|colleagues|class/i
const feeling = /like|respect|trust|want|care|listen|believ|take|hire|value|need|rate|miss|love|understand|think|know|see|hate|despise|resent|laugh/i

/**
 * Every self-judging phrase in a piece of prose, outside quotation marks. Only the sentences
 * that hold a subject and the rest of some pattern are parsed as English, unless `whole` (for
 * tests: the same findings, the slow way).
 */
export function findSelfBlame(text: string, {whole = false}: {whole?: boolean} = {}): Finding[] {
  if (!mayJudge(text)) return []
  const findings: Finding[] = []
  const quoted = quotedRanges(text)
  for (const [from, to] of whole ? [[0, text.length] as const] : suspectRuns(text)) {
    const tree = parser.parse(text.slice(from, to)) as NlcstRoot
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue
        const words = wordsOf(sentence, from)
        for (const finding of matchSelfBlame(words, text)) {
          if (!quoted.some(([start, end]) => finding.start >= start && finding.end <= end)) findings.push(finding)
        }
      }
    }
  }
  return findings
}

/** Whether some pattern could match in the text: a subject, and a judging word or a feeling about the writer. */
function mayJudge(text: string): boolean {
  return subjects.test(text) && (judging.test(text) || (everyone.test(text) && feeling.test(text)))
}

/**
 * Where the text is cut: a `.`, `!` or `?` (and a closing quote or bracket), space, then a
 * capital, perhaps after an opening quote. English mostly ends a sentence there. Where it does
 * not (`Mr. Smith`, `e.g. I`), the patterns still find the same: a randomised test, with
 * abbreviations and initials among its words, holds the findings to those of parsing the whole
 * text (cutting before a small letter too fails it, as in `…a disaster. etc. They hate me.`).
 */
const sentenceEnd = /[.!?]["”’)\]]*\s+(?=["“‘(]?\p{Lu})/gu

/**
 * The stretches of the text, each one or more of the pieces it is cut into at `sentenceEnd`, in
 * which some pattern could match: a piece is parsed only when it holds a subject and the rest of
 * a pattern. Parsing English is most of this rule's cost, and a paragraph with an "I" and an
 * "always" in it most often has them in different sentences.
 */
function suspectRuns(text: string): [number, number][] {
  const runs: [number, number][] = []
  let start = 0
  const take = (end: number) => {
    if (mayJudge(text.slice(start, end))) {
      const last = runs.at(-1)
      if (last && last[1] === start) last[1] = end
      else runs.push([start, end])
    }
    start = end
  }
  for (const match of text.matchAll(sentenceEnd)) take(match.index + match[0].length)
  take(text.length)
  return runs
}

/** A sentence's words, with offsets in the whole text (the sentence was parsed from `from` on). */
function wordsOf(sentence: Sentence, from: number): W[] {
  return sentence.children
    .filter((child): child is Word => child.type === 'WordNode')
    .map((word) => ({
      text: nlcstToString(word).toLowerCase().replace(/[’‘]/g, "'"),
      start: from + word.position!.start.offset!,
      end: from + word.position!.end.offset!
    }))
}

/**
 * Spans between quotation marks: someone else's words, or words being discussed. A ’ followed by
 * a letter is an apostrophe ("I’m"), not a closing mark. One pass: an opening mark with no
 * closing one ends the search for that kind of mark.
 */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = []
  const closers: Record<string, string> = {'“': '”', '"': '"', '‘': '’'}
  const unclosed = new Set<string>()
  for (let i = 0; i < text.length; i++) {
    const open = text[i]!
    const close = closers[open]
    if (!close || unclosed.has(open)) continue
    let end = text.indexOf(close, i + 1)
    while (close === '’' && end >= 0 && /\p{L}/u.test(text[end + 1] ?? '')) end = text.indexOf(close, end + 1)
    if (end < 0) unclosed.add(open)
    else {
      ranges.push([i, end + 1])
      i = end
    }
  }
  return ranges
}
