import {check} from '../../check.js'
import {BouncebackError} from '../../errors.js'
import {formatGithub, formatJson} from '../../report/machine.js'
import {formatText} from '../../report/text.js'
import {reading, textOptions} from '../commands/shared.js'
import type {CommandInput} from '../define.js'
import {UsageError, type CliIO} from '../io.js'
import {progressBar} from '../progress.js'
import {cacheLine} from './cache-line.js'
import {displayPath} from '../display-path.js'

/** `bounceback check`: the heavy part, loaded only when it runs. */
export async function runCheck(input: CommandInput, io: CliIO): Promise<number> {
  const started = performance.now()
  const {values} = input
  if (values.json === true && typeof values.format === 'string' && values.format !== 'json') {
    throw new UsageError(`\`--json\` and \`--format ${values.format}\` disagree: give one of them`)
  }
  const format = values.json === true ? 'json' : typeof values.format === 'string' ? values.format : 'text'
  if (!['text', 'json', 'github'].includes(format)) throw new UsageError(`\`--format\` must be \`text\`, \`json\` or \`github\`, got \`${format}\``)
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings'])
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`\`--max-warnings\` must be a whole number of 0 or more, got \`${String(values['max-warnings'])}\``)
  }
  const quiet = values.quiet === true
  const bar = io.status && !quiet ? progressBar(io.status) : undefined
  let result: Awaited<ReturnType<typeof check>>
  try {
    result = await check({root: input.root, cwd: io.cwd, files: input.positionals, ...reading(input, io), ...(bar ? {onProgress: bar.update} : {})})
  } catch (error) {
    // A file named that is no entry is a mistake in the command, not in the entries.
    if (error instanceof BouncebackError && error.code === 'NOT_AN_ENTRY') throw new UsageError(error.message)
    throw error
  } finally {
    bar?.done()
  }
  const shown = quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages
  if (format === 'json') io.stdout(formatJson(shown, result.files))
  else if (format === 'github') {
    if (shown.length > 0) io.stdout(formatGithub(shown))
  } else if (!quiet || shown.length > 0) io.stdout(formatText(result.messages, result.files.length, textOptions(input, io)))
  if (values.verbose === true) io.stderr(cacheLine(result.cache, started, result.config.cacheDir && displayPath(io.cwd, result.config.cacheDir)))
  if (!result.ok) return 1
  if (maxWarnings !== undefined && result.warnings > maxWarnings) {
    io.stderr(`bounceback: ${result.warnings} warnings, more than --max-warnings ${maxWarnings} allows`)
    return 1
  }
  return 0
}
