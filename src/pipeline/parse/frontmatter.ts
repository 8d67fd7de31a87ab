import type {Root, Yaml} from 'mdast'
import {isMap, parseDocument, visit, type Document, type Node as YamlNode} from 'yaml'
import {flowDepth, yamlReason} from './yaml-messages.js'

/** Where the YAML text sits in the file, so YAML offsets become file places. */
export interface Frontmatter {
  /** The mdast node: its position spans both `---` fences. */
  node: Yaml
  /** Offset in the file of the YAML text's first character. */
  offset: number
  /** The YAML text between the fences. */
  text: string
  doc: Document.Parsed
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

/**
 * Parse the YAML frontmatter with a parser that never runs code: no `---js` engines, no custom
 * tags, no aliases. Every syntax problem is kept, with its place in the file.
 */
export function parseFrontmatter(tree: Root, text: string, maxDepth: number): FrontmatterParse {
  const node = tree.children[0]
  if (node?.type !== 'yaml') return {kind: 'none', problem: fenceProblem(text)}
  const start = node.position!.start.offset!
  const end = node.position!.end.offset!
  const raw = text.slice(start, end)
  const firstBreak = raw.indexOf('\n')
  const lastBreak = raw.lastIndexOf('\n')
  const offset = start + firstBreak + 1
  const yamlText = lastBreak > firstBreak ? text.slice(offset, start + lastBreak + 1) : ''
  // Nesting past the limit is not parsed at all: one message, not one per level.
  const {depth, at} = flowDepth(yamlText, maxDepth)
  if (depth > maxDepth) {
    const doc = parseDocument('', yamlOptions)
    const reason =
      `Unexpected frontmatter nested ${depth} levels deep in \`[\` and \`{\`, expected at most ${maxDepth}: flatten it, or ` + `raise \`limits.nesting\``
    return {kind: 'parsed', frontmatter: {node, offset, text: yamlText, doc}, problems: [{reason, start: offset + at, end: offset + at + 1}], broken: true}
  }
  const doc = parseDocument(yamlText, yamlOptions)
  // An error at the very end (an unclosed `[`) is reported at the last line of YAML, not the fence.
  const last = yamlText.trimEnd().length
  const seen = new Set<string>()
  const problems: FrontmatterProblem[] = []
  for (const e of [...doc.errors, ...doc.warnings]) {
    const reason = yamlReason(e.code, e.message, yamlText, e.pos[0])
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
    problems.push({reason: 'Unexpected frontmatter that is not a map, expected `key: value` lines such as `title: …`', start: offset + from, end: offset + to})
  }
  return {kind: 'parsed', frontmatter: {node, offset, text: yamlText, doc}, problems, broken: doc.errors.length > 0}
}

/**
 * Why a file that starts like frontmatter has none: a fenced language we refuse to run or
 * read (`---js`, `---toml`), or an opening `---` that is never closed.
 */
function fenceProblem(text: string): FrontmatterProblem | undefined {
  const language = /^---[ \t]*([A-Za-z]+)[ \t]*\r?\n/.exec(text)
  if (language) {
    return {
      reason: `Unexpected \`---${language[1]}\` frontmatter, expected YAML between two \`---\` lines (code in frontmatter is never run)`,
      start: 0,
      end: language[0].trimEnd().length
    }
  }
  if (/^---[ \t]*\r?\n/.test(text)) {
    return {
      reason: 'Unexpected `---` with no closing `---`, expected frontmatter to end with a `---` line (for a horizontal rule, put text above it)',
      start: 0,
      end: 3
    }
  }
  return undefined
}
