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
      for (const finding of matchSelfBlame(words, text)) {
        if (!quoted.some(([from, to]) => finding.start >= from && finding.end <= to)) findings.push(finding)
      }
    }
  }
  return findings
}

function wordsOf(sentence: Sentence): W[] {
  return sentence.children
    .filter((child): child is Word => child.type === 'WordNode')
    .map((word) => ({text: nlcstToString(word).toLowerCase().replace(/[’‘]/g, "'"), start: word.position!.start.offset!, end: word.position!.end.offset!}))
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
