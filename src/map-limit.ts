/**
 * Like `Promise.all(items.map(fn))`, with at most `limit` calls in flight: thousands of entries
 * must not open thousands of files at once. Results keep the input order. On the first failure
 * no new call starts, and the calls in flight are waited for before it is thrown, so that a
 * caller cleaning up after a failure never races them.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failure: {error: unknown} | undefined
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++
      try {
        results[index] = await fn(items[index]!, index)
      } catch (error) {
        failure ??= {error}
      }
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker))
  if (failure) throw failure.error
  return results
}
