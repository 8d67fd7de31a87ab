import type {VFile} from 'vfile'
import type {Diagnostic} from './types.js'
import type {RuleId} from './rules.js'

/** A problem with a whole file, reported at its start. */
export function fileProblem(file: string, ruleId: RuleId, message: string): Diagnostic {
  return {file, line: 1, column: 1, severity: 'error', message, ruleId}
}

/**
 * Turn a vfile's messages into plain diagnostics. A message is an error when `fatal` is true
 * (set by the rule wrapper for rules at level `error`), a warning when it is false, and a
 * suggestion (`info`) when it is not set, as vfile's `file.info()` leaves it.
 */
export function fromVFile(vfile: VFile, file: string): Diagnostic[] {
  return vfile.messages.map((m) => {
    const d: Diagnostic = {
      file,
      line: m.place && 'start' in m.place ? m.place.start.line : (m.line ?? 1),
      column: m.place && 'start' in m.place ? m.place.start.column : (m.column ?? 1),
      severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
      message: m.reason,
      ruleId: m.ruleId ?? 'bounceback'
    }
    if (m.place && 'end' in m.place) {
      d.endLine = m.place.end.line
      d.endColumn = m.place.end.column
    }
    return d
  })
}

export function countBySeverity(messages: readonly Diagnostic[]): {errors: number; warnings: number; infos: number} {
  let errors = 0
  let warnings = 0
  let infos = 0
  for (const m of messages) {
    if (m.severity === 'error') errors++
    else if (m.severity === 'warning') warnings++
    else infos++
  }
  return {errors, warnings, infos}
}

/** Order messages by file, then place, so every report reads top to bottom. */
export function sortDiagnostics(messages: readonly Diagnostic[]): Diagnostic[] {
  return [...messages].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)
  )
}
