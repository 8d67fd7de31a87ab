/** Where the CLI writes, and what it knows of its surroundings: injected so tests need no process. */
export interface CliIO {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
  env: Record<string, string | undefined>
  isTTY: boolean
  /** The terminal's width, when stdout is a terminal: text reports wrap to it. */
  columns?: number
  /** Redraw a one-line status on a terminal (an empty line wipes it); absent when not a terminal. */
  status?(line: string): void
}

/** A mistake in how the command was called: exit code 2, with a hint at `--help`. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
