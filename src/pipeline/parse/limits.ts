import type {RuleId} from '../../rules.js'
import type {Limits} from '../../config/types.js'
import {byteSize, tooLargeReason} from '../discover/read-source.js'

export interface LimitProblem {
  ruleId: RuleId
  reason: string
  /** 1-based line of the problem, when it has one. */
  line: number
}

const size = byteSize
const yamlClose = /\r?\n---[ \t]*(?:\r?\n|$)/
const tomlClose = /\r?\n\+\+\+[ \t]*(?:\r?\n|$)/

/** Checks cheap enough to run before parsing: a file that fails one is never parsed. */
export function checkSize(bytes: Uint8Array, limits: Limits): LimitProblem | undefined {
  if (bytes.length <= limits.fileSize) return undefined
  return {ruleId: 'file/too-large', line: 1, reason: tooLargeReason(bytes.length, limits.fileSize)}
}

/**
 * The frontmatter's size, and nesting no post-mortem needs but that makes a Markdown parser
 * recurse thousands of levels deep or backtrack for minutes: block quotes and lists nested
 * past a limit, and long runs of emphasis marks.
 */
export function checkText(text: string, limits: Limits): LimitProblem | undefined {
  // YAML (`---`), JSON (`---json`) and TOML (`+++`) alike: the block up to its closing fence.
  const open = /^(?:---(?:json)?|\+\+\+)[ \t]*(?=\r?\n)/.exec(text)
  if (open) {
    const close = (text[0] === '+' ? tomlClose : yamlClose).exec(text.slice(open[0].length))
    const length = close ? close.index + open[0].length : text.length
    if (length > limits.frontmatterSize) {
      return {
        ruleId: 'frontmatter/too-large',
        line: 1,
        reason:
          `Unexpected frontmatter of ${size(length)}, expected at most ${size(limits.frontmatterSize)}: keep long text in the body, ` +
          `or raise \`limits.frontmatterSize\``
      }
    }
  }
  const html = htmlDepth(text)
  if (html.depth > limits.nesting) {
    return {
      ruleId: 'file/too-deep',
      line: html.line,
      reason: `Unexpected HTML nested ${html.depth} levels deep, expected at most ${limits.nesting}: close the elements, or raise \`limits.nesting\``
    }
  }
  const lines = text.split('\n')
  const nesting = new Nesting()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const depth = nesting.line(line)
    if (depth > limits.nesting) {
      return {
        ruleId: 'file/too-deep',
        line: i + 1,
        reason: `Unexpected nesting ${depth} levels deep, expected at most ${limits.nesting}: flatten the quotes or lists, or raise \`limits.nesting\``
      }
    }
    const run = /[*_]{2,}/g
    for (const match of line.matchAll(run)) {
      if (match[0].length > limits.emphasisRun) {
        return {
          ruleId: 'file/too-deep',
          line: i + 1,
          reason:
            `Unexpected run of ${match[0].length} \`${match[0][0]}\`, expected at most ${limits.emphasisRun}: put it in a code span, ` +
            `or raise \`limits.emphasisRun\``
        }
      }
    }
  }
  return undefined
}

/**
 * How deeply each line sits in block quotes and list items, counted as a CommonMark parser
 * will see them: markers on the line itself (`> - > 1. a`), and list items opened on earlier
 * lines that this line is indented into (`- a`, `  - b`, `    - c`). An approximation that
 * errs towards counting more: a lazy continuation line closes nothing.
 */
class Nesting {
  /** Content columns of the list items still open, outermost first. */
  private readonly items: number[] = []
  private blankBefore = false
  private fence: string | undefined

  line(text: string): number {
    const end = text.trimEnd().length
    let column = 0
    let at = 0
    let quotes = 0
    const skipSpaces = () => {
      while (at < text.length && (text[at] === ' ' || text[at] === '\t')) {
        column = text[at] === '\t' ? column + 4 - (column % 4) : column + 1
        at++
      }
    }
    skipSpaces()
    // Quotes and list markers in any order on one line (`- > - > a`), each one level deeper.
    let markers = 0
    for (;;) {
      if (text[at] === '>') {
        quotes++
        at++
        column++
        skipSpaces()
        continue
      }
      if (at >= end) break
      const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(text.slice(at, at + 12))
      const open = this.items.at(-1) ?? 0
      // Four columns past where the enclosing item's content starts, it is text, not a marker.
      if (!marker || column >= open + 4 || this.fence !== undefined) break
      while (this.items.length > 0 && this.items.at(-1)! > column) this.items.pop()
      at += marker[0].length
      column += marker[0].length
      const before = column
      skipSpaces()
      // One to four spaces after the marker; more, and the content starts after the first.
      this.items.push(column - before >= 5 || at >= text.length ? before + 1 : column)
      markers++
    }
    if (at >= end) {
      this.blankBefore = markers === 0
      return quotes + this.items.length
    }
    const fence = /^(`{3,}|~{3,})/.exec(text.slice(at, at + 64))?.[1]
    if (this.fence !== undefined) {
      // Inside a fenced code block nothing is a marker, until the fence closes.
      if (fence !== undefined && fence[0] === this.fence[0] && fence.length >= this.fence.length) this.fence = undefined
      this.blankBefore = false
      return quotes + this.items.length
    }
    if (markers === 0 && this.blankBefore) while (this.items.length > 0 && this.items.at(-1)! > column) this.items.pop()
    if (fence) this.fence = fence
    this.blankBefore = false
    return quotes + this.items.length
  }
}

/** Elements that never hold others, and elements whose end tag the parser supplies by itself. */
const noNesting = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup rt rp thead tbody tfoot colgroup caption'.split(' ')
)

/**
 * How deeply raw HTML nests (`<div><div>…`), as the HTML parser would build it: every element
 * it opens inside another is one level deeper, and a thousand of them overflow its stack.
 * Where the deepest point is, as a line number.
 */
function htmlDepth(text: string): {depth: number; line: number} {
  if (!text.includes('<')) return {depth: 0, line: 1}
  let depth = 0
  let deepest = {depth: 0, index: 0}
  for (const match of text.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g)) {
    const name = match[2]!.toLowerCase()
    if (noNesting.has(name) || match[3]) continue
    if (match[1]) depth = Math.max(0, depth - 1)
    else if (++depth > deepest.depth) deepest = {depth, index: match.index}
  }
  return {depth: deepest.depth, line: text.slice(0, deepest.index).split('\n').length}
}
