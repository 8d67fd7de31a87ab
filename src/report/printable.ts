/**
 * Text from entries (file names, field names, values, lessons) made safe to print on a
 * terminal or in a CI log: control characters, line and paragraph separators and bidirectional
 * overrides become visible escapes (`\n`, `\u001b`, `\u202e`), so no entry can start a new log
 * line (a forged `::error::` workflow command), move the cursor, ring the bell or reorder text.
 */
export function printable(text: string): string {
  return text.replace(unsafe, escapeCharacter)
}

// C0 controls, DEL, C1 controls, U+2028/2029, and the bidirectional embeddings, overrides and isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const named: Readonly<Record<string, string>> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'}

function escapeCharacter(char: string): string {
  return named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}
