/**
 * Columns a string takes on a terminal: East Asian wide characters and emoji take two,
 * combining marks and variation selectors none. Control characters never get here (see
 * `printable`).
 */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += charWidth(char.codePointAt(0)!)
  return width
}

function charWidth(code: number): number {
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return 0
  return wide.some(([from, to]) => code >= from && code <= to) ? 2 : 1
}

const wide: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd]
]

/**
 * `first` then `text`, wrapped at spaces so no line is wider than `width`; lines after the
 * first start with `indent` spaces, so the text wraps under itself. A word wider than a line
 * is cut. Without a width, one line. `width - indent` must leave room for a wide character.
 */
export function hanging(first: string, text: string, width: number | undefined, indent: number): string[] {
  if (width === undefined) return [`${first}${text}`]
  const pad = ' '.repeat(indent)
  const lines: string[] = []
  let line = first
  let fresh = true
  const next = () => {
    lines.push(line)
    line = pad
    fresh = true
  }
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    const size = displayWidth(word)
    if (size + (fresh ? 0 : 1) <= width - displayWidth(line)) {
      line += fresh ? word : ` ${word}`
    } else if (size <= width - indent) {
      next()
      line += word
    } else {
      if (!fresh) line += ' '
      let rest = word
      while (rest !== '') {
        const [piece, after] = take(rest, width - displayWidth(line))
        if (piece === '') {
          next()
          continue
        }
        line += piece
        rest = after
        if (rest !== '') next()
      }
    }
    fresh = false
  }
  lines.push(line)
  return lines.map((l) => l.trimEnd())
}

/** As much of `word` as fits in `room` columns, and the rest. */
function take(word: string, room: number): [string, string] {
  let used = 0
  let end = 0
  for (const char of word) {
    const size = charWidth(char.codePointAt(0)!)
    if (used + size > room) break
    used += size
    end += char.length
  }
  return [word.slice(0, end), word.slice(end)]
}
