import {countBySeverity} from '../diagnostics.js'
import type {Diagnostic} from '../types.js'
import {printable} from './printable.js'

/** All messages as one JSON document, grouped by file: for programs and CI dashboards. */
export function formatJson(messages: readonly Diagnostic[], files: readonly string[]): string {
  const {errors, warnings} = countBySeverity(messages)
  return JSON.stringify(
    {
      errors,
      warnings,
      files: files.map((file) => ({
        file,
        messages: messages
          .filter((m) => m.file === file)
          .map(({line, column, endLine, endColumn, severity, message, ruleId}) => ({
            line,
            column,
            endLine: endLine ?? null,
            endColumn: endColumn ?? null,
            severity,
            message,
            ruleId
          }))
      }))
    },
    null,
    2
  )
}

/** GitHub Actions workflow commands: each message becomes an annotation on the file and line. */
export function formatGithub(messages: readonly Diagnostic[]): string {
  return messages
    .map((m) => {
      const properties = [`file=${property(m.file)}`, `line=${m.line}`, `col=${m.column}`]
      if (m.endLine !== undefined) properties.push(`endLine=${m.endLine}`)
      if (m.endColumn !== undefined && m.endLine === m.line) properties.push(`endColumn=${m.endColumn}`)
      properties.push(`title=${property(m.ruleId)}`)
      return `::${m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'notice'} ${properties.join(',')}::${data(m.message)}`
    })
    .join('\n')
}

/** Escaped as the runner expects (`%`, CR, LF), and every other control character made visible. */
function data(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'))
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
