/**
 * The `yaml` package's errors in words a writer can act on: what is wrong in their line, and
 * the usual fix (quoting), with their own value in the example.
 */
export function yamlReason(code: string, message: string, yaml: string, position: number): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')
  const lineStart = yaml.lastIndexOf('\n', position - 1) + 1
  const lineEnd = yaml.indexOf('\n', position)
  const line = yaml.slice(lineStart, lineEnd === -1 ? undefined : lineEnd)
  const pair = /^\s*([^\s:#'"][^:#]*?)\s*:\s+(.*?)\s*$/.exec(line)
  const key = pair?.[1]
  const value = pair?.[2]
  const quoted = key !== undefined && value ? `\`${key}: "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\`` : undefined
  if (code === 'DUPLICATE_KEY')
    return `Unexpected duplicate key \`${/^[^:\n]*/.exec(yaml.slice(position))![0].trim()}\`, expected each field once: remove one of them`
  if ((code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') && value !== undefined && /:(?:\s|$)/.test(value)) {
    return `Unexpected \`: \` inside the value of \`${key}\`, which YAML reads as the start of a nested map: quote the value, as in ${quoted}`
  }
  if (code === 'BAD_SCALAR_START' && quoted) {
    return `Unexpected \`${value![0]}\` at the start of the value of \`${key}\`: YAML reserves it, so quote the value, as in ${quoted}`
  }
  if (code === 'MISSING_CHAR' && /quote/.test(first)) {
    return (
      `Unexpected end of a quoted value: ${first.replace(/^Missing/, 'the')} is missing. Close the quote on the same line, and write a ` +
      `quote inside a value twice (\`'it''s'\`) or quote with the other kind`
    )
  }
  if (code === 'TAB_AS_INDENT') return 'Unexpected tab in the indentation, expected spaces: YAML indents with spaces only'
  return `Unexpected YAML syntax: ${first}${quoted && /[:#]/.test(value!) ? ` (if the value holds \`:\` or \`#\`, quote it, as in ${quoted})` : ''}`
}

/**
 * How deeply `[` and `{` nest in YAML text, outside quoted strings and comments (a parser
 * recurses once per level, and thousands of levels exhaust its stack), and where the text first
 * goes deeper than `limit`.
 */
export function flowDepth(yaml: string, limit: number): {depth: number; at: number} {
  let depth = 0
  let deepest = 0
  let at = -1
  let quote: string | undefined
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i]!
    if (quote) {
      if (c === quote) quote = undefined
      else if (c === '\\' && quote === '"') i++
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '#' && (i === 0 || /\s/.test(yaml[i - 1]!))) {
      const end = yaml.indexOf('\n', i)
      i = end === -1 ? yaml.length : end
    } else if (c === '[' || c === '{') {
      deepest = Math.max(deepest, ++depth)
      if (depth > limit && at < 0) at = i
    } else if ((c === ']' || c === '}') && depth > 0) depth--
  }
  return {depth: deepest, at}
}
