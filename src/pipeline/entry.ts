import type {Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {Position} from 'unist'
import type {ResolvedConfig} from '../config/types.js'
import {fileProblem, fromVFile, sortDiagnostics} from '../diagnostics.js'
import type {SourceFile} from './discover/discover.js'
import {bodyMarks, extractEntry} from './extract/entry.js'
import {entryKey, keyWithFiles} from './entry-key.js'
import {fallbackOf} from './extract/fallback.js'
import {parseFrontmatter} from './parse/frontmatter.js'
import {readMatter} from './parse/matter.js'
import {excerptText} from './parse/excerpt.js'
import {parseMarkdown} from './parse/processor.js'
import {checkSize, checkText} from './parse/limits.js'
import {decodeEntry} from './parse/read.js'
import {byteSize} from './discover/read-source.js'
import {readActions} from './parse/actions.js'
import {readLessons} from './parse/lessons.js'
import {headingIndex, splitSections, type SectionIndex} from './parse/sections.js'
import {leadingTitle} from './extract/leading-title.js'
import {sanitiseBody, toHast} from './extract/body-html.js'
import {localFiles} from './extract/local-files.js'
import {linkHashtags} from './extract/hashtags.js'
import {inspectFields} from '../schema/fields.js'
import type {EntryResult} from '../types.js'
import {validate} from './validate/validate.js'
import {BouncebackError} from '../errors.js'
import {configPlugins, hasPlugins} from './plugins.js'

const indexes = new WeakMap<ResolvedConfig, SectionIndex>()

/** Where the stages stop for the config's own plugins, which may be asynchronous. */
type PluginStop = {kind: 'remark'; tree: Root; file: VFile} | {kind: 'rehype'; tree: HastRoot; file: VFile}

/**
 * The per-entry stages on bytes already read, synchronously: only for a config without
 * plugins. Being synchronous, a run can be stopped when it overruns its time (see pool/).
 */
export function processBytesSync(bytes: Uint8Array, source: SourceFile, config: ResolvedConfig): EntryResult {
  if (hasPlugins(config)) throw new Error('processBytesSync: a config with plugins is read with processBytes')
  const stages = entryStages(bytes, source, config)
  let step = stages.next()
  while (!step.done) step = stages.next()
  return step.value
}

/** The per-entry stages on bytes already read, with the config's plugins where they belong. */
export async function processBytes(bytes: Uint8Array, source: SourceFile, config: ResolvedConfig): Promise<EntryResult> {
  const plugins = configPlugins(config)
  const stages = entryStages(bytes, source, config)
  let step = stages.next()
  while (!step.done) {
    const stop = step.value
    try {
      await (stop.kind === 'remark' ? plugins.remark(stop.tree, stop.file) : plugins.rehype(stop.tree, stop.file))
    } catch (error) {
      // A plugin's failure is the config's, not the entry's: it stops the run (as a generator
      // would otherwise turn it into this entry's message).
      await stages.return(undefined as never)
      throw error
    }
    step = stages.next()
  }
  return step.value
}

/** The stages, as a generator that stops where plugins run, so one code path serves both drivers. */
function* entryStages(bytes: Uint8Array, source: SourceFile, config: ResolvedConfig): Generator<PluginStop, EntryResult, void> {
  const tooLarge = checkSize(bytes, config.limits)
  if (tooLarge) return {file: source.file, messages: [fileProblem(source.file, tooLarge.ruleId, tooLarge.reason)]}
  const read = decodeEntry(bytes)
  if (!read.ok) return {file: source.file, messages: [fileProblem(source.file, read.ruleId, read.reason)]}
  const tooDeep = checkText(read.text, config.limits)
  if (tooDeep) return {file: source.file, messages: [{...fileProblem(source.file, tooDeep.ruleId, tooDeep.reason), line: tooDeep.line}]}
  try {
    return yield* textStages(read.text, source, config, entryKey(source.file, bytes))
  } catch (error) {
    if (error instanceof BouncebackError) throw error
    // A run stopped for its time is the runner's to report.
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error
    // One entry the parser cannot handle costs one message, never the whole run.
    return {file: source.file, messages: [fileProblem(source.file, 'file/unprocessable', unprocessable(error))]}
  }
}

function unprocessable(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'Unexpected nesting too deep to read (thousands of `>`, list markers or emphasis marks in a row?), expected ordinary Markdown'
  }
  return `Unexpected failure while reading this entry: ${error instanceof Error ? error.message : String(error)}`
}

/** The stages on decoded text: for tests and the fixtures, which start from a string. */
export async function processText(text: string, source: SourceFile, config: ResolvedConfig): Promise<EntryResult> {
  return processBytes(new TextEncoder().encode(text), source, config)
}

function* textStages(text: string, source: SourceFile, config: ResolvedConfig, key: string): Generator<PluginStop, EntryResult, void> {
  const file = new VFile({path: source.path, value: text})
  const {tree, rawHtml} = parseMarkdown(file)
  yield {kind: 'remark', tree, file}
  const frontmatter = parseFrontmatter(tree, text, config.limits.nesting)
  const fallback = fallbackOf(tree, source.source)
  const fields = inspectFields(frontmatter.kind === 'parsed' ? frontmatter.frontmatter.doc.contents : undefined, config.fields, {
    titleFromHeading: fallback.fromHeading
  })
  const excerpt = excerptText(tree, readMatter(text, tree).excerptEnd)
  let index = indexes.get(config)
  if (!index) indexes.set(config, (index = headingIndex(config.sections)))
  const {sections, others} = splitSections(tree, index)
  const lessonsSection = sections.find((s) => s.id === 'lessons')
  const actionsSection = sections.find((s) => s.id === 'actions')
  const lessons = lessonsSection ? readLessons(lessonsSection.children) : undefined
  const actions = actionsSection ? readActions(actionsSection.children) : []

  const where = location(file)
  const place = (start: number, end: number): Position => {
    const from = where.toPoint(start) ?? {line: 1, column: 1, offset: 0}
    const to = where.toPoint(end) ?? from
    return {start: from, end: to}
  }
  const frontmatterPlace: Position =
    frontmatter.kind === 'parsed' ? closingFence(frontmatter.frontmatter.node.position!.end) : {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
  const draft = fields.meta.draft === true
  validate({file, tree, frontmatter, fields, sections, others, lessons, actions, config, place, frontmatterPlace, fallback}, {draft})

  const messages = sortDiagnostics(fromVFile(file, source.file))
  if (lessonsSection) linkHashtags(lessonsSection.children, config.site.base)
  // The page shows the title once: a leading `# Title` that repeats it is not rendered again.
  leadingTitle(tree, fields.meta.title ?? fallback.title)
  const hast = toHast(tree, rawHtml)
  yield {kind: 'rehype', tree: hast, file}
  const files = localFiles(hast, source, config)
  const body = sanitiseBody(hast, bodyMarks(lessons?.lessons ?? [], actions))
  // A few kilobytes can render to far more (a long link reference used a thousand times): a
  // page that would be many times larger than the largest entry allowed is not made.
  const html = (body.children[0] as {value: string}).value.length
  const most = config.limits.fileSize * 4
  if (html > most)
    return {
      file: source.file,
      messages: [
        fileProblem(
          source.file,
          'file/too-large',
          `Unexpected entry that renders to ${byteSize(html)} of HTML, expected at most ${byteSize(most)} (four times \`limits.fileSize\`): ` +
            `is a long link or reference used many times?`
        )
      ]
    }
  const entry = extractEntry({
    key: keyWithFiles(key, files.assets),
    source: source.source,
    fields,
    fallback,
    sections,
    summarySection: config.summarySection,
    lessons: lessons?.lessons ?? [],
    actions,
    body,
    excerpt
  })
  if (files.assets.length > 0) entry.assets = files.assets
  const uses = files.uses.length > 0 ? {uses: files.uses} : {}
  return {file: source.file, messages: files.messages.length > 0 ? sortDiagnostics([...messages, ...files.messages]) : messages, entry, ...uses}
}

/** Missing fields and sections are reported at the closing `---`: that is where they would go. */
function closingFence(end: {line: number; column: number}): Position {
  return {start: {line: end.line, column: 1}, end: {line: end.line, column: end.column}}
}
