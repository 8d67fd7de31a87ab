/** Stable codes a program can branch on. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_LOAD'
  | 'ROOT_NOT_FOUND'
  | 'CONTENT_NOT_FOUND'
  | 'THEME_INVALID'
  | 'LAYOUT_FAILED'
  | 'WRITE_FAILED'

/** An error the user can fix; its message says what and where. */
export class BouncebackError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: {cause?: unknown}) {
    super(message, options)
    this.name = 'BouncebackError'
    this.code = code
  }
}
