import {ruleFix} from '../rules.js'
import type {Diagnostic} from '../types.js'
import {displayWidth, hanging} from './wrap.js'

/** How often one rule was reported, and in how many files. */
export interface RuleCount {
  ruleId: string
  errors: number
  warnings: number
  /** Suggestions (`info`). */
  infos: number
  files: number
}

/** Messages counted by rule: the rules with errors first, then the most frequent first. */
export function countByRule(messages: readonly Diagnostic[]): RuleCount[] {
  const counts = new Map<string, RuleCount & {seen: Set<string>}>()
  for (const m of messages) {
    const count = counts.get(m.ruleId) ?? {ruleId: m.ruleId, errors: 0, warnings: 0, infos: 0, files: 0, seen: new Set<string>()}
    if (m.severity === 'error') count.errors++
    else if (m.severity === 'warning') count.warnings++
    else count.infos++
    count.seen.add(m.file)
    counts.set(m.ruleId, count)
  }
  return [...counts.values()]
    .map(({seen, ...count}) => ({...count, files: seen.size}))
    .sort(
      (a, b) =>
        Number(b.errors > 0) - Number(a.errors > 0) ||
        Number(b.errors + b.warnings > 0) - Number(a.errors + a.warnings > 0) ||
        b.errors + b.warnings + b.infos - (a.errors + a.warnings + a.infos) ||
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
  dim(text: string): string
}

/**
 * The summary by rule: one line per rule with its count and its number of files, then, once,
 * what to do about it (the rule's declared `fix`), so a long hint is never repeated per message.
 * Rule ids arrive printable.
 */
export function formatByRule(messages: readonly Diagnostic[], title: string, width: number | undefined, paint: Painters): string[] {
  const rules = countByRule(messages)
  const idWidth = Math.max(...rules.map((r) => displayWidth(r.ruleId)))
  const numberWidth = Math.max(...rules.map((r) => count(r.errors + r.warnings + r.infos).length))
  const lines = [title]
  for (const rule of rules) {
    const sum = rule.errors + rule.warnings + rule.infos
    const total = count(sum).padStart(numberWidth)
    const parts = (
      [
        [rule.errors, 'error'],
        [rule.warnings, 'warning'],
        [rule.infos, 'suggestion']
      ] as const
    ).filter(([n]) => n > 0)
    const what = parts.length === 1 ? `${total} ${parts[0]![1]}${sum === 1 ? '' : 's'}` : `${total} (${parts.map(([n, word]) => counted(n, word)).join(', ')})`
    const text = `${what} in ${counted(rule.files, 'file')}`
    const first = `  ${rule.ruleId}${' '.repeat(idWidth - displayWidth(rule.ruleId))}  `
    const wrapped =
      width !== undefined && displayWidth(first) > width - 24
        ? [...hanging('  ', rule.ruleId, width, 4), ...hanging('    ', text, width, 4)]
        : hanging(first, text, width, displayWidth(first))
    const tone = rule.errors > 0 ? paint.red : rule.warnings > 0 ? paint.yellow : paint.dim
    lines.push(...wrapped.map((line) => tone(line)))
    const fix = ruleFix(rule.ruleId)
    if (fix !== undefined) lines.push(...hanging('    fix: ', fix, width, 9))
  }
  return lines
}
