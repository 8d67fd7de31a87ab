import {existsSync} from 'node:fs'
import {build} from '../../build.js'
import {formatText} from '../../report/text.js'
import {reading, textOptions} from '../commands/shared.js'
import type {CommandInput} from '../define.js'
import {displayPath} from '../display-path.js'
import type {CliIO} from '../io.js'
import {progressBar} from '../progress.js'
import {cacheLine} from './cache-line.js'

/** `bounceback build`: the heavy part, loaded only when it runs. */
export async function runBuild(input: CommandInput, io: CliIO): Promise<number> {
  const started = performance.now()
  const {values} = input
  const quiet = values.quiet === true
  const bar = io.status && !quiet ? progressBar(io.status) : undefined
  const overrides = {...(typeof values.base === 'string' ? {base: values.base} : {}), ...(values['replace-output'] === true ? {replaceOutput: true} : {})}
  const result = await build({root: input.root, cwd: io.cwd, ...reading(input, io), ...(bar ? {onProgress: bar.update} : {}), overrides})
  bar?.done()
  const shown = quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages
  if (shown.length > 0) io.stdout(formatText(result.messages, result.files.length, textOptions(input, io)))
  if (values.verbose === true) io.stderr(cacheLine(result.cache, started, result.config.cacheDir && displayPath(io.cwd, result.config.cacheDir)))
  const out = displayPath(io.cwd, result.config.outDir)
  if (!result.written) {
    io.stderr(`Build failed: fix the errors above. ${existsSync(result.config.outDir) ? `${out}/ was left as it was.` : `Nothing was written to ${out}/.`}`)
    return 1
  }
  if (quiet) return 0
  const ms = Math.round(performance.now() - started)
  io.stdout(`Built ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'} into ${out}/ (${result.outputFiles} files) in ${ms} ms`)
  for (const hint of result.hints) io.stdout(`Note: ${hint}`)
  return 0
}
