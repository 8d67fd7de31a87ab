import {ruleFix} from '../rules.js'
import type {Diagnostic} from '../types.js'
import {displayWidth, hanging} from './wrap.js'

/** How often one rule was reported, and in how many files. */
export interface RuleCount {
  ruleId: string
  errors: number
  warnings: number
  files: number
}

/** Messages counted by rule: the rules with errors first, then the most frequent first. */
export function countByRule(messages: readonly Diagnostic[]): RuleCount[] {
  const counts = new Map<string, RuleCount & {seen: Set<string>}>()
  for (const m of messages) {
    const count = counts.get(m.ruleId) ?? {ruleId: m.ruleId, errors: 0, warnings: 0, files: 0, seen: new Set<string>()}
    if (m.severity === 'error') count.errors++
    else count.warnings++
    count.seen.add(m.file)
    counts.set(m.ruleId, count)
  }
  return [...counts.values()]
    .map(({seen, ...count}) => ({...count, files: seen.size}))
    .sort(
      (a, b) =>
        Number(b.errors > 0) - Number(a.errors > 0) ||
        b.errors + b.warnings - (a.errors + a.warnings) ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
    )
}

const numbers = new Intl.NumberFormat('en-US')

/** A count with thousands separators, whatever the locale: `2,302`. */
export function count(n: number): string {
  return numbers.format(n)
}

/** `1 error`, `2,302 warnings`. */
export function counted(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`
}

export interface Painters {
  red(text: string): string
  yellow(text: string): string
}

/**
 * The summary by rule: one line per rule with its count and its number of files, then, once,
 * what to do about it (the rule's declared `fix`), so a long hint is never repeated per message.
 * Rule ids arrive printable.
 */
export function formatByRule(messages: readonly Diagnostic[], title: string, width: number | undefined, paint: Painters): string[] {
  const rules = countByRule(messages)
  const idWidth = Math.max(...rules.map((r) => displayWidth(r.ruleId)))
  const numberWidth = Math.max(...rules.map((r) => count(r.errors + r.warnings).length))
  const lines = [title]
  for (const rule of rules) {
    const total = count(rule.errors + rule.warnings).padStart(numberWidth)
    const what =
      rule.warnings === 0
        ? `${total} ${rule.errors === 1 ? 'error' : 'errors'}`
        : rule.errors === 0
          ? `${total} ${rule.warnings === 1 ? 'warning' : 'warnings'}`
          : `${total} (${counted(rule.errors, 'error')}, ${counted(rule.warnings, 'warning')})`
    const text = `${what} in ${counted(rule.files, 'file')}`
    const first = `  ${rule.ruleId}${' '.repeat(idWidth - displayWidth(rule.ruleId))}  `
    const wrapped =
      width !== undefined && displayWidth(first) > width - 24
        ? [...hanging('  ', rule.ruleId, width, 4), ...hanging('    ', text, width, 4)]
        : hanging(first, text, width, displayWidth(first))
    const tone = rule.errors > 0 ? paint.red : paint.yellow
    lines.push(...wrapped.map((line) => tone(line)))
    const fix = ruleFix(rule.ruleId)
    if (fix !== undefined) lines.push(...hanging('    fix: ', fix, width, 9))
  }
  return lines
}
