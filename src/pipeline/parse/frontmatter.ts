import type {Root} from 'mdast'
import type {Position} from 'unist'
import {isMap, parseDocument, visit, type Document, type Node as YamlNode} from 'yaml'
import {jsonProblem} from './json-frontmatter.js'
import {frontmatterTypes} from './processor.js'
import {readToml} from './toml-frontmatter.js'
import {flowDepth, yamlReason} from './yaml-messages.js'
import {readPlainYaml} from './yaml-plain.js'

/** The languages a frontmatter block may be written in; each is its mdast node's type. */
export type FrontmatterLanguage = 'yaml' | 'json' | 'toml'

/** Where the frontmatter text sits in the file, so offsets in it become file places. */
export interface Frontmatter {
  /** The mdast node: its position spans both fences. */
  node: {type: string; position?: Position | undefined}
  language: FrontmatterLanguage
  /** Offset in the file of the text's first character. */
  offset: number
  /** The text between the fences. */
  text: string
  /** The fields as YAML nodes, whatever the language: JSON is read as YAML, TOML turned into it. */
  doc: Document
}

export interface FrontmatterProblem {
  reason: string
  /** File offsets. */
  start: number
  end: number
}

export type FrontmatterParse =
  | {kind: 'none'; problem?: FrontmatterProblem}
  | {kind: 'parsed'; frontmatter: Frontmatter; problems: FrontmatterProblem[]; broken: boolean}

/** Aliases have no use in frontmatter and are how YAML "billion laughs" bombs are built. */
const yamlOptions = {version: '1.2', schema: 'core', uniqueKeys: true, merge: false, maxAliasCount: 0, prettyErrors: false} as const

const notAMap: Record<FrontmatterLanguage, string> = {
  yaml: '`key: value` lines such as `title: …`',
  json: 'one JSON object such as `{"title": "…"}`',
  toml: '`key = value` lines such as `title = "…"`'
}

/**
 * Parse the frontmatter (YAML between `---` lines, JSON after `---json`, TOML between `+++`
 * lines) with parsers that never run code: no `---js` engines, no custom tags, no aliases.
 * Every syntax problem is kept, with its place in the file.
 */
export function parseFrontmatter(tree: Root, text: string, maxDepth: number): FrontmatterParse {
  const node = tree.children[0]
  if (!node || !frontmatterTypes.has(node.type)) return {kind: 'none', problem: fenceProblem(text)}
  const language = node.type as FrontmatterLanguage
  const start = node.position!.start.offset!
  const end = node.position!.end.offset!
  const raw = text.slice(start, end)
  const firstBreak = raw.indexOf('\n')
  const lastBreak = raw.lastIndexOf('\n')
  const offset = start + firstBreak + 1
  const blockText = lastBreak > firstBreak ? text.slice(offset, start + lastBreak + 1) : ''
  const last = blockText.trimEnd().length
  const parsed = (doc: Document, problems: FrontmatterProblem[], broken: boolean): FrontmatterParse => ({
    kind: 'parsed',
    frontmatter: {node, language, offset, text: blockText, doc},
    problems,
    broken
  })
  const broken = (reason: string, at: number) => parsed(parseDocument('', yamlOptions), [{reason, start: offset + at, end: offset + at + 1}], true)
  // Nesting past the limit is not parsed at all: one message, not one per level.
  const {depth, at} = flowDepth(blockText, maxDepth)
  if (depth > maxDepth) {
    return broken(
      `Unexpected frontmatter nested ${depth} levels deep in \`[\` and \`{\`, expected at most ${maxDepth}: flatten it, or raise \`limits.nesting\``,
      at
    )
  }
  if (language === 'toml') {
    const read = readToml(blockText, maxDepth)
    return read.ok ? parsed(read.doc, [], false) : broken(read.reason, Math.min(read.at, last))
  }
  if (language === 'json') {
    const problem = jsonProblem(blockText)
    if (problem) return broken(problem.reason, Math.min(problem.at, last))
  }
  // Most frontmatter is a few plain `key: value` lines: read those without the package's full parser.
  const plain = language === 'yaml' ? readPlainYaml(blockText) : undefined
  if (plain) return parsed(plain, [], false)
  const doc = parseDocument(blockText, yamlOptions)
  // An error at the very end (an unclosed `[`) is reported at the last line of YAML, not the fence.
  const seen = new Set<string>()
  const problems: FrontmatterProblem[] = []
  for (const e of [...doc.errors, ...doc.warnings]) {
    const reason = yamlReason(e.code, e.message, blockText, e.pos[0])
    // The parser repeats some errors once per level of what it was reading: one is enough.
    if (seen.has(reason)) continue
    seen.add(reason)
    problems.push({reason, start: offset + Math.min(e.pos[0], last), end: offset + Math.min(e.pos[1], last)})
  }
  visit(doc, {
    Alias(_, alias) {
      const [from, to] = alias.range ?? [0, 0]
      problems.push({reason: 'Unexpected YAML alias, expected plain values: write the value out in full', start: offset + from, end: offset + to})
    }
  })
  if (doc.errors.length === 0 && doc.contents !== null && !isMap(doc.contents)) {
    const [from, to] = (doc.contents as YamlNode).range ?? [0, 0]
    problems.push({reason: `Unexpected frontmatter that is not a map, expected ${notAMap[language]}`, start: offset + from, end: offset + to})
  }
  return parsed(doc, problems, doc.errors.length > 0)
}

/**
 * Whether a field is plainly written in the frontmatter, whatever a parser made of it: a line
 * starting `title:` (YAML) or `title =` (TOML), or `"title":` anywhere (JSON, often on one line).
 */
export function fieldWritten(frontmatter: Frontmatter, name: string): boolean {
  const line = {yaml: `^${name}[ \\t]*:`, json: `"${name}"\\s*:`, toml: `^[ \\t]*["']?${name}["']?[ \\t]*=`}[frontmatter.language]
  return new RegExp(line, 'm').test(frontmatter.text)
}

/**
 * Why a file that starts like frontmatter has none: a fenced language we refuse to run or
 * read (`---js`, `---coffee`), or an opening fence that is never closed.
 */
function fenceProblem(text: string): FrontmatterProblem | undefined {
  const language = /^---[ \t]*([^\s-]\S*)[ \t]*\r?\n/.exec(text)
  const fence = language?.[0].trimEnd() ?? ''
  if (language?.[1] === 'json' && fence === '---json') {
    return {reason: 'Unexpected `---json` with no closing `---`, expected the JSON to end with a `---` line', start: 0, end: fence.length}
  }
  if (language) {
    return {
      reason:
        `Unexpected \`${fence}\` frontmatter, expected YAML between two \`---\` lines, JSON after \`---json\` or TOML between two \`+++\` lines ` +
        '(code in frontmatter is never run)',
      start: 0,
      end: fence.length
    }
  }
  if (/^---[ \t]*\r?\n/.test(text)) {
    return {
      reason: 'Unexpected `---` with no closing `---`, expected frontmatter to end with a `---` line (for a horizontal rule, put text above it)',
      start: 0,
      end: 3
    }
  }
  if (/^\+\+\+[ \t]*\r?\n/.test(text)) {
    return {reason: 'Unexpected `+++` with no closing `+++`, expected TOML frontmatter to end with a `+++` line', start: 0, end: 3}
  }
  return undefined
}
