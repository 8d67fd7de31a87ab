const example = '`{"title": "…", "date": "2025-03-14"}`'

/** A JSON syntax error, at an offset in the JSON text. */
export interface JsonProblem {
  reason: string
  at: number
}

/**
 * Check `---json` frontmatter with `JSON.parse`, which is strict where a YAML parser reading
 * the same text is lenient (`{"a": }`, a trailing comma). The text is then read as YAML, of
 * which JSON is a part, so its fields keep their places.
 */
export function jsonProblem(json: string): JsonProblem | undefined {
  const error = parseError(json)
  if (error === undefined) return undefined
  const detail = error
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, .*is not valid JSON$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'unexpected end of the JSON text')
  const at = /at position (\d+)/.exec(error)?.[1]
  return {
    reason: `Unexpected JSON syntax (${detail.charAt(0).toLowerCase()}${detail.slice(1)}), expected one JSON object such as ${example}`,
    at: at !== undefined ? Number(at) : firstBadOffset(json)
  }
}

function parseError(json: string): string | undefined {
  try {
    JSON.parse(json)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/**
 * Where the JSON goes wrong when V8's message does not say (`Unexpected token 'x', …`): the
 * shortest prefix that already fails for a reason other than ending too soon. Any shorter one
 * is the start of valid JSON, so the search can halve.
 */
function firstBadOffset(json: string): number {
  const failsWithin = (length: number) => {
    const error = parseError(json.slice(0, length))
    if (error === undefined || error === 'Unexpected end of JSON input') return false
    const at = /at position (\d+)/.exec(error)?.[1]
    return at === undefined || Number(at) < length
  }
  let low = 0
  let high = json.length
  if (!failsWithin(high)) return json.trimEnd().length
  while (low < high) {
    const middle = (low + high) >> 1
    if (failsWithin(middle)) high = middle
    else low = middle + 1
  }
  return Math.max(0, low - 1)
}
