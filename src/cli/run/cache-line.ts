/** `--verbose`: how much came from the cache, and how long it took. */
export function cacheLine(cache: {hits: number; misses: number}, started: number): string {
  return `${cache.hits + cache.misses} entries: ${cache.hits} from the cache, ${cache.misses} read afresh · ${Math.round(performance.now() - started)} ms`
}
