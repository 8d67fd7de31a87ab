import path from 'node:path'
import {quietPerFile, type TextReportOptions} from '../../report/text.js'
import type {OptionSpec, CommandInput} from '../define.js'
import {UsageError, type CliIO} from '../io.js'

/** The options of the commands that read entries. */
export const readingOptions: Record<string, OptionSpec> = {
  jobs: {type: 'string', value: 'N', description: 'Worker threads for reading entries (default: one per core from 4 cores; below, entries are read in line)'},
  'no-cache': {
    type: 'boolean',
    description: 'Read every entry afresh (the cache is in node_modules/.cache/bounceback/, or .bounceback-cache/ without a package.json; --verbose says)'
  },
  'cache-dir': {type: 'string', value: 'DIR', description: 'Keep the cache in DIR (a new or empty folder, or one it made before)'}
}

export const reportOptions: Record<string, OptionSpec> = {
  quiet: {
    type: 'boolean',
    description:
      'Print errors only: one that many files share once, with its places; the others at most ' +
      `${quietPerFile} per file (then \`… and N more errors\`); the errors by rule and the total; ` +
      'nothing when there is no error'
  },
  verbose: {type: 'boolean', description: 'Also print how many entries came from the cache, and the time taken'}
}

export const replaceOption: Record<string, OptionSpec> = {
  'replace-output': {
    type: 'boolean',
    description:
      'Replace the output folder even when it holds files bounceback did not write (never the project, its content, theme or cache, the ' +
      'home or current folder, a system folder or /)'
  }
}

/** What the reading options say, for `build()`, `check()` and the engine. */
export function reading(input: CommandInput, io: CliIO): {cache: boolean; cacheDir?: string; jobs?: number} {
  const {values} = input
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    throw new UsageError(`\`--jobs\` must be a whole number of 1 or more, got \`${String(values.jobs)}\``)
  return {
    cache: values['no-cache'] !== true,
    ...(typeof values['cache-dir'] === 'string' ? {cacheDir: path.resolve(io.cwd, values['cache-dir'])} : {}),
    ...(jobs !== undefined ? {jobs} : {})
  }
}

/** How the text report is laid out: colours, `--quiet`, and the terminal's width (none in a pipe or a CI log). */
export function textOptions(input: CommandInput, io: CliIO): TextReportOptions {
  return {color: input.color, quiet: input.values.quiet === true, ...(io.columns !== undefined ? {width: io.columns} : {})}
}
