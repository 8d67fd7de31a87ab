import {countBySeverity} from '../diagnostics.js'
import type {Diagnostic} from '../types.js'
import {printable} from './printable.js'

export interface TextReportOptions {
  color?: boolean
}

const paint = (on: boolean, code: number) => (text: string) => (on ? `\u001B[${code}m${text}\u001B[39m` : text)

/**
 * A pure function from messages to text: messages grouped by file, one line each as
 * `line:column  severity  message  rule-id`, then a summary line. Text from entries is made
 * printable: no control character of theirs reaches the terminal or a CI log.
 */
export function formatText(messages: readonly Diagnostic[], fileCount: number, options: TextReportOptions = {}): string {
  const color = options.color === true
  const red = paint(color, 31)
  const yellow = paint(color, 33)
  const dim = paint(color, 2)
  const green = paint(color, 32)
  const lines: string[] = []
  const byFile = new Map<string, Diagnostic[]>()
  for (const raw of messages) {
    const m = {...raw, file: printable(raw.file), message: printable(raw.message), ruleId: printable(raw.ruleId)}
    const list = byFile.get(m.file) ?? []
    list.push(m)
    byFile.set(m.file, list)
  }
  for (const [file, list] of byFile) {
    const places = list.map((m) => `${m.line}:${m.column}`)
    const placeWidth = Math.max(...places.map((p) => p.length))
    const messageWidth = Math.max(...list.map((m) => m.message.length))
    lines.push(color ? `\u001B[4m${file}\u001B[24m` : file)
    list.forEach((m, i) => {
      const severity = m.severity === 'error' ? red('error  ') : yellow('warning')
      lines.push(`  ${places[i]!.padEnd(placeWidth)}  ${severity}  ${m.message.padEnd(messageWidth)}  ${dim(m.ruleId)}`)
    })
    lines.push('')
  }
  const {errors, warnings} = countBySeverity(messages)
  const files = `${fileCount} ${fileCount === 1 ? 'file' : 'files'}`
  if (errors + warnings === 0) {
    lines.push(green(`✔ ${files} checked, no problems`))
  } else {
    const total = errors + warnings
    const summary =
      `${total} ${total === 1 ? 'problem' : 'problems'} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ` + `${byFile.size} of ${files}`
    lines.push(errors > 0 ? red(`✖ ${summary}`) : yellow(`⚠ ${summary}`))
  }
  return lines.join('\n')
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
