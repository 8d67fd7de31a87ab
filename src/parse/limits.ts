import type {Limits} from '../config/types.js'
import {byteSize, tooLargeReason} from '../discover/read-source.js'

export interface LimitProblem {
  ruleId: string
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
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const depth = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*/.exec(line)![0].replace(/[^>*+\-.)]/g, '').length
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
