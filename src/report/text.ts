import {countBySeverity} from '../diagnostics.js'
import type {Diagnostic} from '../types.js'
import {count, counted, formatByRule} from './by-rule.js'
import {printable} from './printable.js'
import {sharedErrors} from './shared-errors.js'
import {displayWidth, hanging} from './wrap.js'

export interface TextReportOptions {
  color?: boolean
  /**
   * The columns to fit in (a terminal's width, at least 40): messages wrap under themselves.
   * Without it (a pipe, a CI log) each message is one line, as long as the message.
   */
  width?: number
  /**
   * Errors only: an error many files share once, with its places; the others at most `perFile`
   * per file, files not spaced apart; and how many warnings were left out.
   */
  quiet?: boolean
  /** At most this many messages per file, then `… and K more` (default: every one; 2 when quiet). */
  perFile?: number
}

/** How many errors of one file `quiet` shows. */
export const quietPerFile = 2

/** Narrower than this, the report would be mostly indentation. */
const minWidth = 40

const paint =
  (on: boolean, code: number, off = 39) =>
  (text: string) =>
    on ? `\u001B[${code}m${text}\u001B[${off}m` : text

/**
 * A pure function from messages to text: messages grouped by file, one line each as
 * `line:column  severity  message  rule-id`, then the problems counted by rule, each rule's fix
 * once, and a total. Text from entries is made printable: no control character of theirs
 * reaches the terminal or a CI log.
 */
export function formatText(messages: readonly Diagnostic[], fileCount: number, options: TextReportOptions = {}): string {
  const color = options.color === true
  const width = options.width === undefined ? undefined : Math.max(options.width, minWidth)
  const quiet = options.quiet === true
  const limit = options.perFile ?? (quiet ? quietPerFile : Number.POSITIVE_INFINITY)
  const red = paint(color, 31)
  const yellow = paint(color, 33)
  const dim = paint(color, 2, 22)
  const green = paint(color, 32)
  const underline = paint(color, 4, 24)
  const all = messages.map((m) => ({...m, file: printable(m.file), message: printable(m.message), ruleId: printable(m.ruleId)}))
  const shown = quiet ? all.filter((m) => m.severity === 'error') : all
  // Quiet, an error many files share is said once, with its places; the rest file by file.
  const shared = quiet ? sharedErrors(shown, width, {red, dim}) : {lines: [], rest: shown}
  const byFile = new Map<string, Diagnostic[]>()
  for (const m of shared.rest) {
    const list = byFile.get(m.file)
    if (list) list.push(m)
    else byFile.set(m.file, [m])
  }
  const lines: string[] = [...shared.lines]
  for (const [file, list] of byFile) {
    lines.push(...hanging('', file, width, 0).map(underline))
    const places = list.slice(0, limit).map((m) => `${m.line}:${m.column}`)
    const placeWidth = Math.max(...places.map((p) => p.length))
    places.forEach((place, i) => {
      lines.push(...messageLines(`  ${place.padEnd(placeWidth)}  `, list[i]!, width, {red, yellow, dim}))
    })
    const more = list.length - places.length
    if (more > 0) lines.push(dim(`  … and ${counted(more, quiet ? 'more error' : 'more problem')}`))
    if (!quiet) lines.push('')
  }
  if (quiet && byFile.size > 0) lines.push('')
  if (shown.length > 0) lines.push(...formatByRule(shown, quiet ? 'Errors by rule' : 'Problems by rule', width, {red, yellow, dim}), '')
  const {errors, warnings, infos} = countBySeverity(all)
  const suggestions = !quiet && infos > 0 ? `; ${counted(infos, 'suggestion')}` : ''
  const files = counted(fileCount, 'file')
  const hidden = quiet && warnings > 0 ? ` (${counted(warnings, 'warning')} not shown)` : ''
  let total: string
  let tone = green
  if (errors + (quiet ? 0 : warnings) === 0) {
    total = `✔ ${files} checked, ${quiet ? 'no errors' : 'no problems'}${hidden}${suggestions}`
  } else if (quiet) {
    total = `✖ ${counted(errors, 'error')} in ${count(new Set(shown.map((m) => m.file)).size)} of ${files}${hidden}`
    tone = red
  } else {
    const inFiles = count(new Set(shown.filter((m) => m.severity !== 'info').map((m) => m.file)).size)
    total = `${counted(errors + warnings, 'problem')} (${counted(errors, 'error')}, ${counted(warnings, 'warning')}) in ${inFiles} of ${files}${suggestions}`
    total = errors > 0 ? `✖ ${total}` : `⚠ ${total}`
    tone = errors > 0 ? red : yellow
  }
  lines.push(...hanging('', total, width, 2).map(tone))
  return lines.join('\n')
}

/**
 * One message: `place  severity  message  rule-id`, the message wrapped under itself within
 * `width`; when the place and severity leave too little room, the message starts on the next line.
 */
function messageLines(place: string, m: Diagnostic, width: number | undefined, paint: Record<'red' | 'yellow' | 'dim', (text: string) => string>): string[] {
  const word = m.severity
  const severity = `${m.severity === 'error' ? paint.red(word) : m.severity === 'warning' ? paint.yellow(word) : paint.dim(word)}${' '.repeat(7 - word.length)}`
  const head = `${place}${word.padEnd(7)}  `
  if (width === undefined) return [`${place}${severity}  ${m.message}  ${paint.dim(m.ruleId)}`]
  const indent = displayWidth(head)
  const narrow = width - indent < 30
  const lines = narrow ? [head, ...hanging('    ', m.message, width, 4)] : hanging(head, m.message, width, indent)
  const last = lines.length - 1
  let rule = ''
  if (displayWidth(lines[last]!) + 2 + displayWidth(m.ruleId) <= width) rule = `  ${paint.dim(m.ruleId)}`
  else lines.push(...hanging(' '.repeat(narrow ? 4 : indent), m.ruleId, width, narrow ? 4 : indent).map(paint.dim))
  if (rule !== '') lines[last] += rule
  lines[0] = `${place}${severity}  ${lines[0]!.slice(head.length)}`.trimEnd()
  return lines
}
