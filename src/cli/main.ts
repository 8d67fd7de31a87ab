import path from 'node:path'
import {parseArgs} from 'node:util'
import {toolVersion} from '../config/version.js'
import {BouncebackError} from '../errors.js'
import {printable} from '../report/printable.js'
import {closest} from '../schema/suggest.js'
import {buildCommand} from './commands/build.js'
import {checkCommand} from './commands/check.js'
import {lessonsCommand} from './commands/lessons.js'
import {initCommand, newCommand, schemaCommand} from './commands/scaffold.js'
import {watchCommand} from './commands/watch.js'
import {commandHelp, mainHelp, optionsOf, type CommandSpec} from './define.js'
import {UsageError, type CliIO} from './io.js'

export type {CliIO}

/** Every command, declared once each: parsing and help are made from these. */
export const commands: readonly CommandSpec[] = [buildCommand, checkCommand, lessonsCommand, watchCommand, initCommand, newCommand, schemaCommand]

/** Run the CLI and return its exit code: 0 fine, 1 problems found or build failed, 2 bad usage. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message)
    // Errors the user can fix are one line; anything else is a bug, with its stack.
    if (error instanceof BouncebackError) {
      io.stderr(`bounceback: ${printable(error.message)}`)
      return 1
    }
    throw error
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help') {
    io.stdout(mainHelp(commands))
    return 0
  }
  if (first === '-v' || first === '--version') {
    io.stdout(toolVersion)
    return 0
  }
  const named = (word: string) => commands.find((c) => c.name === word)
  if (first.startsWith('-')) {
    const command = argv.find((word) => named(word))?.toString() ?? 'build'
    const options = argv.filter((word) => word !== command)
    throw new UsageError(`Unexpected option \`${first}\` before the command: put options after it, as in \`bounceback ${command} ${options.join(' ')}\``)
  }
  if (first === 'help') {
    const topic = rest[0]
    if (topic === undefined) io.stdout(mainHelp(commands))
    else if (named(topic)) io.stdout(commandHelp(named(topic)!))
    else throw new UsageError(`No help for \`${topic}\`: it is not a command`)
    return 0
  }
  const command = named(first)
  if (!command) {
    const known = commands.map((c) => c.name)
    const guess = closest(first, known)
    throw new UsageError(
      `Unknown command \`${first}\`${guess ? `, did you mean \`${guess}\`?` : `, expected one of ${known.map((c) => `\`${c}\``).join(', ')}`}`
    )
  }
  const {values, positionals} = parse(command, rest)
  if (values.help === true) {
    io.stdout(commandHelp(command))
    return 0
  }
  if (typeof values.root === 'string' && values.root.trim() === '') throw new UsageError('`--root` needs a folder, such as `--root ../my-lessons`')
  const root = path.resolve(io.cwd, typeof values.root === 'string' ? values.root : '.')
  const color = io.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb'
  return command.run({values, positionals, root, color}, io)
}

/** The command's arguments, as its declaration says; every mistake is a usage error in the same words. */
function parse(command: CommandSpec, args: readonly string[]): {values: Record<string, string | boolean | undefined>; positionals: string[]} {
  const options = optionsOf(command)
  const see = `See \`bounceback ${command.name} --help\``
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(Object.entries(options).map(([name, o]) => [name, {type: o.type, ...(o.short ? {short: o.short} : {})}])),
      strict: true,
      allowPositionals: command.positional !== undefined
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message = (error as Error).message
    const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const guess = closest(flag.replace(/^-+/, ''), Object.keys(options))
      throw new UsageError(`Unknown option \`${flag}\`${guess ? `, did you mean \`--${guess}\`?` : '.'} ${see}`)
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = flag.replace(/^-+/, '')
      const option = options[name]
      throw new UsageError(
        option?.type === 'string'
          ? `\`--${name}\` needs a value, as in \`--${name} ${option.value ?? 'VALUE'}\`. ${see}`
          : `\`--${name}\` takes no value. ${see}`
      )
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`Unexpected argument \`${/'([^']*)'/.exec(message)?.[1] ?? ''}\`: \`bounceback ${command.name}\` takes none. ${see}`)
    throw new UsageError(`${message}. ${see}`)
  }
  const positionals = parsed.positionals
  if (positionals.length > 1 && command.positional?.many !== true)
    throw new UsageError(`Unexpected argument \`${positionals[1]}\`: \`bounceback ${command.name}\` takes one ${command.positional!.name}. ${see}`)
  return {values: parsed.values as Record<string, string | boolean | undefined>, positionals}
}

function usage(io: CliIO, message: string): number {
  io.stderr(`bounceback: ${printable(message)}\nRun \`bounceback --help\` for usage.`)
  return 2
}
