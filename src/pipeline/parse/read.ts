import type {RuleId} from '../../rules.js'
export type ReadResult = {ok: true; text: string} | {ok: false; ruleId: RuleId; reason: string}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/**
 * Entry bytes as UTF-8 text. A byte-order mark is dropped; UTF-16, NUL bytes and invalid UTF-8
 * are refused with a reason rather than rendered as garbage.
 */
export function decodeEntry(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {ok: false, ruleId: 'file/encoding', reason: 'Unexpected UTF-16 text, expected UTF-8: save the file as UTF-8'}
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    return {ok: false, ruleId: 'file/encoding', reason: `Unexpected NUL byte at byte ${nul}, expected a UTF-8 text file (is it binary?)`}
  }
  try {
    return {ok: true, text: strictUtf8.decode(bytes)}
  } catch {
    return {
      ok: false,
      ruleId: 'file/encoding',
      reason: `Unexpected invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}, expected a UTF-8 text file: re-save it as UTF-8`
    }
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    try {
      strictUtf8.decode(bytes.subarray(i, i + length))
    } catch {
      return i
    }
    i += length
  }
  return i
}
