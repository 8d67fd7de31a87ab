import type {CliIO} from './io.js'

/** One option of a command, declared once: parsing, `--help` and the checks come from it. */
export interface OptionSpec {
  type: 'string' | 'boolean'
  /** The value's name in the help (`--port N`). */
  value?: string
  short?: string
  description: string
}

/** What a command's handler is given: the values as parsed, and what every command knows. */
export interface CommandInput {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
  /** The project folder, from `--root` and the current folder. */
  root: string
  /** Colours on a terminal, unless NO_COLOR or TERM=dumb. */
  color: boolean
}

/**
 * A command, declared once (as citty's `defineCommand`): its help, its options and its handler.
 * The parser and `--help` are made from it, so the help cannot drift from what is accepted.
 */
export interface CommandSpec {
  name: string
  /** One line, for the list of commands. */
  summary: string
  /** What follows `bounceback <name>` in the usage line. */
  usage: string
  /** A paragraph under the usage line. */
  description: string
  /** The positional argument a command takes, if any; `many`: any number of them. */
  positional?: {name: string; required?: boolean; many?: true}
  /** Its own options; `--root` and `--help` come with every command unless `root: false`. */
  options: Record<string, OptionSpec>
  root?: false
  /** Returns the exit code: 0 fine, 1 problems or a failure, 2 bad usage (see `usage` in main.ts). */
  run(input: CommandInput, io: CliIO): Promise<number>
}

export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec
}

/** Every command has these. */
export const commonOptions: Record<string, OptionSpec> = {
  root: {type: 'string', value: 'DIR', description: 'Project folder (default: the current directory)'},
  help: {type: 'boolean', short: 'h', description: 'Show this help'}
}

/** The options of a command, its own and the common ones. */
export function optionsOf(command: CommandSpec): Record<string, OptionSpec> {
  return command.root === false ? {help: commonOptions.help!, ...command.options} : {...command.options, ...commonOptions}
}

/** `--help` of one command, made from its declaration. */
export function commandHelp(command: CommandSpec): string {
  const options = Object.entries(optionsOf(command)).map(
    ([name, option]) => [`${option.short ? `-${option.short}, ` : ''}--${name}${option.value ? ` ${option.value}` : ''}`, option.description] as const
  )
  const width = Math.max(...options.map(([flag]) => flag.length)) + 2
  return [
    `bounceback ${command.name}: ${command.summary.charAt(0).toLowerCase()}${command.summary.slice(1)}`,
    '',
    'Usage',
    `  bounceback ${command.name}${command.usage ? ` ${command.usage}` : ''}`,
    '',
    ...wrap(command.description, 92),
    '',
    'Options',
    ...options.flatMap(([flag, description]) => wrap(description, 92 - width - 2).map((line, i) => `  ${(i === 0 ? flag : '').padEnd(width)}${line}`))
  ].join('\n')
}

/** The list of every command, with the options every command takes. */
export function mainHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2
  return [
    'bounceback: turn post-mortems into a body of knowledge',
    '',
    'Usage',
    '  bounceback <command> [options]',
    '',
    'Commands',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options',
    '  --root DIR     Project folder (default: the current directory)',
    '  -h, --help     Show help (also: bounceback <command> --help)',
    '  -v, --version  Show the version',
    '',
    'Exit codes: 0 fine, 1 an entry has errors or the build failed, 2 bad usage.'
  ].join('\n')
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(' ')) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line)
        line = word
      } else line = line ? `${line} ${word}` : word
    }
    lines.push(line)
  }
  return lines
}
