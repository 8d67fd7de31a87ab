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
  if (/^---[ \t]*\r?\n/.test(text)) {
    const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3))
    const length = close ? close.index + 3 : text.length
    if (length > limits.frontmatterSize) {
      return {ruleId: 'frontmatter/too-large', line: 1, reason: `Unexpected frontmatter of ${size(length)}, expected at most ${size(limits.frontmatterSize)}: keep long text in the body, or raise \`limits.frontmatterSize\``}
    }
  }
  const lines = text.split('\n')
  const nesting = new Nesting()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const depth = nesting.line(line)
    if (depth > limits.nesting) {
      return {ruleId: 'file/too-deep', line: i + 1, reason: `Unexpected nesting ${depth} levels deep, expected at most ${limits.nesting}: flatten the quotes or lists, or raise \`limits.nesting\``}
    }
    const run = /[*_]{2,}/g
    for (const match of line.matchAll(run)) {
      if (match[0].length > limits.emphasisRun) {
        return {ruleId: 'file/too-deep', line: i + 1, reason: `Unexpected run of ${match[0].length} \`${match[0][0]}\`, expected at most ${limits.emphasisRun}: put it in a code span, or raise \`limits.emphasisRun\``}
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
    while (text[at] === '>') {
      quotes++
      at++
      column++
      skipSpaces()
    }
    if (at >= text.length || text.slice(at).trim() === '') {
      this.blankBefore = true
      return quotes + this.items.length
    }
    const fence = /^(`{3,}|~{3,})/.exec(text.slice(at))?.[1]
    if (this.fence !== undefined) {
      // Inside a fenced code block nothing is a marker, until the fence closes.
      if (fence !== undefined && fence[0] === this.fence[0] && fence.length >= this.fence.length) this.fence = undefined
      this.blankBefore = false
      return quotes + this.items.length
    }
    let markers = 0
    for (;;) {
      const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(text.slice(at))
      const open = this.items.at(-1) ?? 0
      // Four columns past where the enclosing item's content starts, it is text, not a marker.
      if (!marker || column >= open + 4) break
      while (this.items.length > 0 && this.items.at(-1)! > column) this.items.pop()
      at += marker[0].length
      column += marker[0].length
      const before = column
      skipSpaces()
      // One to four spaces after the marker; more, and the content starts after the first.
      this.items.push(column - before >= 5 || at >= text.length ? before + 1 : column)
      markers++
    }
    if (markers === 0 && this.blankBefore) while (this.items.length > 0 && this.items.at(-1)! > column) this.items.pop()
    if (fence) this.fence = fence
    this.blankBefore = false
    return quotes + this.items.length
  }
}
