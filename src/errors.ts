/** Stable codes a program can branch on. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_LOAD'
  | 'ROOT_NOT_FOUND'
  | 'CONTENT_NOT_FOUND'
  | 'THEME_INVALID'
  | 'LAYOUT_FAILED'
  | 'WRITE_FAILED'
  /** The output folder is one bounceback never replaces (the project, the home folder, `/`…). */
  | 'OUTPUT_PROTECTED'
  /** The output folder holds files bounceback did not write; `replaceOutput` allows it. */
  | 'OUTPUT_FOREIGN'
  /** Another build holds the output folder's lock for too long, or the lock file is not ours. */
  | 'OUTPUT_LOCKED'
  /** The cache folder is one bounceback never writes into. */
  | 'CACHE_PROTECTED'
  /** The cache folder holds files bounceback did not write. */
  | 'CACHE_FOREIGN'
  /** A file named to `check` is not an entry of the content folder (or a pattern matches none). */
  | 'NOT_AN_ENTRY'
  /** A file of the public folder cannot be copied (a link out of it, too large) or would take a generated file's place. */
  | 'PUBLIC_INVALID'

/** What went wrong, in words, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** An error the user can fix; its message says what and where. */
export class BouncebackError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: {cause?: unknown}) {
    super(message, options)
    this.name = 'BouncebackError'
    this.code = code
  }
}
