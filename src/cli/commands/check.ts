import {defineCommand} from '../define.js'
import {readingOptions, reportOptions} from './shared.js'

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'Check every entry and report problems; writes nothing',
  usage: '[file|glob ...] [--format text|json|github] [--json] [--max-warnings N] [--root DIR]',
  description:
    'Prints each problem as `line:column  error|warning  message  rule-id`, grouped by file, then the problems counted by rule, each ' +
    "with its fix, and the total. On a terminal, messages wrap to the terminal's width; in a pipe or a CI log each is one line. With " +
    '--quiet: errors only, one that many files share said once, a few per file. With files or globs (`check content/launch.md`, ' +
    "`check 'content/2025-*.md'`), only those are reported, as a pre-commit hook wants, while every entry is still read for the checks " +
    'that need them all. Exits 1 when any entry reported has an error, else 0; 2 when a name is no entry. Writes nothing.',
  positional: {name: 'file', many: true},
  options: {
    format: {
      type: 'string',
      value: 'F',
      description: 'text (default); json: one document of every message; github: GitHub Actions annotations (::error file=…,line=…,col=…::…)'
    },
    json: {type: 'boolean', description: 'Same as --format json (the spelling `lessons` takes too)'},
    'max-warnings': {type: 'string', value: 'N', description: 'Also exit 1 when there are more than N warnings'},
    ...readingOptions,
    ...reportOptions
  },
  async run(input, io) {
    const {runCheck} = await import('../run/check.js')
    return runCheck(input, io)
  }
})
