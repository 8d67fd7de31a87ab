/** The outcome of reading a request target: a safe path inside the site, or a refusal. */
export type RequestPath = {ok: true; path: string} | {ok: false; status: 400 | 404; reason: string}

/**
 * Turn a raw request target into a `/`-separated path relative to the output folder, refusing
 * anything that could name a file elsewhere: `..` segments (plain or percent-encoded, once or
 * twice), encoded slashes, backslashes, NUL bytes, `#`, and malformed escapes.
 */
export function requestPath(target: string): RequestPath {
  const bad = (reason: string): RequestPath => ({ok: false, status: 400, reason})
  if (!target.startsWith('/')) return bad('the target must start with /')
  if (target.includes('#')) return bad('a fragment is never sent to a server')
  if (target.includes('\\')) return bad('backslashes are not allowed')
  const pathname = target.split('?')[0]!
  if (/%(?![0-9a-f]{2})/i.test(pathname)) return bad('malformed percent-escape')
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return bad('malformed percent-escape')
  }
  if (/%2f|%5c|%00|%25/i.test(pathname)) return bad('encoded slashes, backslashes, NUL or percent signs are not allowed')
  if (decoded.includes('\0') || decoded.includes('\\')) return bad('NUL bytes and backslashes are not allowed')
  const segments = decoded.split('/')
  if (segments.some((s) => s === '..' || s === '.')) return bad('`.` and `..` segments are not allowed')
  if (segments.some((s) => s.startsWith('.') && s !== '')) return {ok: false, status: 404, reason: 'hidden files are not served'}
  const joined = segments.filter(Boolean).join('/')
  return {ok: true, path: joined && decoded.endsWith('/') ? `${joined}/` : joined}
}
