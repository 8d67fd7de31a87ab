import {toolVersion} from '../config/version.js'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {closest} from '../schema/suggest.js'
import {commandHelp} from './help.js'
import {printable} from '../report/printable.js'

/** Where the CLI writes, and what it knows of its surroundings: injected so tests need no process. */
export interface CliIO {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
  env: Record<string, string | undefined>
  isTTY: boolean
  /** Redraw a one-line status on a terminal (an empty line wipes it); absent when not a terminal. */
  status?(line: string): void
}

const commands = new Set(['build', 'check', 'lessons', 'watch', 'init', 'new', 'schema', 'help'])

/** Options each command takes besides `--root` and `--help`. */
const commandOptions: Record<string, Record<string, {type: 'string' | 'boolean'}>> = {
  build: {quiet: {type: 'boolean'}, verbose: {type: 'boolean'}, base: {type: 'string'}, jobs: {type: 'string'}, 'no-cache': {type: 'boolean'}, 'cache-dir': {type: 'string'}, 'replace-output': {type: 'boolean'}},
  check: {quiet: {type: 'boolean'}, verbose: {type: 'boolean'}, format: {type: 'string'}, jobs: {type: 'string'}, 'max-warnings': {type: 'string'}, 'no-cache': {type: 'boolean'}, 'cache-dir': {type: 'string'}},
  new: {date: {type: 'string'}, tags: {type: 'string'}},
  lessons: {json: {type: 'boolean'}, jobs: {type: 'string'}, 'no-cache': {type: 'boolean'}, 'cache-dir': {type: 'string'}},
  watch: {port: {type: 'string'}, host: {type: 'string'}, open: {type: 'boolean'}, base: {type: 'string'}, 'replace-output': {type: 'boolean'}}
}

/** Run the CLI and return its exit code: 0 fine, 1 problems found or build failed, 2 bad usage. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    // Errors the user can fix are one line; anything else is a bug, with its stack.
    if ((error as {name?: string}).name === 'BouncebackError') {
      io.stderr(`bounceback: ${printable((error as Error).message)}`)
      return 1
    }
    throw error
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help') {
    io.stdout(commandHelp.main!)
    return 0
  }
  if (first === '-v' || first === '--version') {
    io.stdout(toolVersion)
    return 0
  }
  if (first.startsWith('-')) {
    const command = argv.find((word) => commands.has(word)) ?? 'build'
    const options = argv.filter((word) => word !== command)
    return usage(io, `Unexpected option \`${first}\` before the command: put options after it, as in \`bounceback ${command} ${options.join(' ')}\``)
  }
  if (!commands.has(first)) {
    const known = [...commands].filter((c) => c !== 'help')
    const guess = closest(first, known)
    return usage(io, `Unknown command \`${first}\`${guess ? `, did you mean \`${guess}\`?` : `, expected one of ${known.map((c) => `\`${c}\``).join(', ')}`}`)
  }
  if (first === 'help') {
    const topic = rest[0]
    if (topic !== undefined && !(topic in commandHelp)) return usage(io, `No help for \`${topic}\`: it is not a command`)
    io.stdout(commandHelp[topic ?? 'main']!)
    return 0
  }

  let values: {root?: string; help?: boolean; json?: boolean; port?: string; host?: string; open?: boolean; base?: string; format?: string; 'max-warnings'?: string; date?: string; tags?: string; 'no-cache'?: boolean; 'cache-dir'?: string; jobs?: string; quiet?: boolean; verbose?: boolean; 'replace-output'?: boolean}
  let positionals: string[] = []
  const takes = first === 'init' || first === 'new' ? 1 : 0
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: {root: {type: 'string'}, help: {type: 'boolean', short: 'h'}, ...commandOptions[first]},
      strict: true,
      allowPositionals: takes > 0
    })
    values = parsed.values as typeof values
    positionals = parsed.positionals
    if (positionals.length > takes) throw new Error(`Unexpected argument '${positionals[takes]}'`)
  } catch (error) {
    return usage(io, `${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}. See \`bounceback ${first} --help\``)
  }
  if (values.help) {
    io.stdout(commandHelp[first]!)
    return 0
  }
  if (values.root !== undefined && values.root.trim() === '') return usage(io, '`--root` needs a folder, such as `--root ../my-lessons`')
  const root = path.resolve(io.cwd, values.root ?? '.')
  const color = io.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb'
  if (first === 'schema') {
    const {frontmatterSchema} = await import('../schema/json-schema.js')
    io.stdout(JSON.stringify(frontmatterSchema(), null, 2))
    return 0
  }
  if (first === 'init' || first === 'new') {
    if (first === 'new' && positionals[0] === undefined) return usage(io, 'A new entry needs a title: `bounceback new "What I tried"`')
    const {runScaffold} = await import('./scaffold-command.js')
    return runScaffold(first, {root, arg: positionals[0], ...(values.date !== undefined ? {date: values.date} : {}), ...(values.tags !== undefined ? {tags: values.tags} : {})}, io)
  }
  if (first === 'watch') {
    const port = values.port === undefined ? 4321 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(io, `\`--port\` must be a port number from 0 to 65535, got \`${values.port}\``)
    const {runWatch} = await import('./watch-command.js')
    return runWatch({root, color, port, host: values.host ?? '127.0.0.1', open: values.open === true, replaceOutput: values['replace-output'] === true, ...(values.base !== undefined ? {base: values.base} : {})}, io)
  }
  const format = values.format ?? 'text'
  if (!['text', 'json', 'github'].includes(format)) return usage(io, `\`--format\` must be \`text\`, \`json\` or \`github\`, got \`${format}\``)
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings'])
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    return usage(io, `\`--max-warnings\` must be a whole number of 0 or more, got \`${values['max-warnings']}\``)
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) return usage(io, `\`--jobs\` must be a whole number of 1 or more, got \`${values.jobs}\``)
  const {runCommand} = await import('./commands.js')
  return runCommand(first as 'build' | 'check' | 'lessons', {root, color, json: values.json === true, format: format as 'text' | 'json' | 'github', cache: values['no-cache'] !== true, quiet: values.quiet === true, verbose: values.verbose === true, ...(jobs !== undefined ? {jobs} : {}), ...(values['cache-dir'] !== undefined ? {cacheDir: path.resolve(io.cwd, values['cache-dir'])} : {}), ...(maxWarnings !== undefined ? {maxWarnings} : {}), ...(values.base !== undefined ? {base: values.base} : {}), replaceOutput: values['replace-output'] === true}, io)
}

function usage(io: CliIO, message: string): number {
  io.stderr(`bounceback: ${printable(message)}\nRun \`bounceback --help\` for usage.`)
  return 2
}

