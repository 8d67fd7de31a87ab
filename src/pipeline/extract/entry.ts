import type {Root as HastRoot} from 'hast'
import type {RawAction} from '../parse/actions.js'
import type {RawLesson} from '../parse/lessons.js'
import type {RawSection} from '../parse/sections.js'
import {isEmptySection} from '../parse/sections.js'
import type {Inspection} from '../../schema/fields.js'
import {dateProblem} from '../../schema/date.js'
import type {Action, Entry, EntryMeta, Lesson, Section} from '../../types.js'
import type {BodyMark} from './body-marks.js'
import type {Fallback} from './fallback.js'
import {entrySlug, entryUrl} from './slug.js'
import {firstSentence} from './summary.js'

export interface ExtractInput {
  key: string
  source: string
  fields: Inspection
  fallback: Fallback
  sections: RawSection[]
  /** The section whose first sentence is the summary when the frontmatter gives none. */
  summarySection: string
  lessons: RawLesson[]
  actions: RawAction[]
  body: HastRoot
  /** The plain text before the body's `<!--more-->`, if any: the summary the author chose. */
  excerpt?: string
}

/** Keep what aggregation and rendering need from one entry; the syntax tree stays behind. */
export function extractEntry(input: ExtractInput): Entry {
  const given = input.fields.meta
  const meta: EntryMeta = {
    title: cleanText(given.title ?? input.fallback.title),
    date: given.date ?? input.fallback.date ?? '',
    tags: dedupe((given.tags ?? []).map(cleanText)),
    feedback: (given.feedback ?? []).map(cleanText),
    draft: given.draft ?? false
  }
  if (given.summary) meta.summary = cleanText(given.summary)
  if (given.outcome) meta.outcome = given.outcome
  if (given.cause) meta.cause = given.cause
  if (given.cost) meta.cost = given.cost.currency === undefined ? given.cost : {...given.cost, currency: cleanText(given.cost.currency)}
  if (given.revisit) meta.revisit = given.revisit
  const slug = entrySlug(input.source, given.title)
  const summarySection = input.sections.find((s) => s.id === input.summarySection)
  const sections: Section[] = input.sections.map((s) => ({
    id: s.id,
    heading: ownCopy(s.text.trim()),
    line: s.heading.position?.start.line ?? 0,
    empty: !s.subsections && isEmptySection(s.children)
  }))
  const entry: Entry = {
    key: input.key,
    source: input.source,
    slug,
    url: entryUrl(meta.date || undefined, slug),
    meta,
    sections,
    summary: meta.summary ?? (summarySection ? firstSentence(summarySection.children) : ''),
    lessons: input.lessons.filter(isLesson).map(toLesson),
    actions: input.actions.filter(isCommitment).map(toAction),
    body: input.body
  }
  if (input.excerpt && meta.summary === undefined) entry.summary = input.excerpt
  return entry
}

/** A lesson with text is one of the entry's lessons. */
export const isLesson = (raw: RawLesson): boolean => raw.text !== ''

/** A task item (with a checkbox) or a table row with text is one of the entry's commitments. */
export const isCommitment = (raw: RawAction): boolean => raw.done !== undefined && raw.text !== ''

/** Where each of the entry's lessons and commitments starts in the source, by its index among them. */
export function bodyMarks(lessons: readonly RawLesson[], actions: readonly RawAction[]): BodyMark[] {
  const marks = (kind: BodyMark['kind'], nodes: readonly {node: {position?: {start: {offset?: number}}}}[]) =>
    nodes.flatMap(({node}, index) => (node.position?.start.offset === undefined ? [] : [{kind, index, offset: node.position.start.offset}]))
  return [...marks('lesson', lessons.filter(isLesson)), ...marks('commitment', actions.filter(isCommitment))]
}

function toLesson(raw: RawLesson): Lesson {
  return {text: raw.text, hashtags: raw.hashtags, line: raw.node.position?.start.line ?? 0}
}

function toAction(raw: RawAction): Action {
  const action: Action = {text: raw.text, done: raw.done === true, line: raw.node.position?.start.line ?? 0}
  if (raw.due !== undefined && dateProblem(raw.due) === undefined) action.due = raw.due
  if (raw.owner !== undefined) action.owner = cleanText(raw.owner)
  if (raw.status !== undefined) action.status = cleanText(raw.status)
  return action
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)]
}

/**
 * Text from frontmatter without what no page, feed or index can carry (control characters,
 * lone surrogates, noncharacters), each replaced by U+FFFD. Such text is already an error;
 * this keeps the output well-formed even where a config lowers that error's level.
 */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
  return text.replace(loneSurrogate, '\ufffd').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/g, '\ufffd')
}

/**
 * A copy of `text` that holds nothing else: a heading cut out of the source is, in V8, a slice
 * that keeps the whole source alive as long as the entry lives (8.8 MB of sources at 5,000
 * entries, in a heap snapshot of a cold build). A lone surrogate, which no page can carry,
 * becomes U+FFFD.
 */
export function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8')
}

/** A surrogate without its pair: not a character, in UTF-8, XML or a search index. */
export const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
