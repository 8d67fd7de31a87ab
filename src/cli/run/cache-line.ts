/** `--verbose`: how much came from the cache, where the cache is, and how long it took. */
export function cacheLine(cache: {hits: number; misses: number}, started: number, where: string | undefined): string {
  const folder = where === undefined ? ' (cache off)' : ` (cache: ${where}/)`
  const ms = Math.round(performance.now() - started)
  return `${cache.hits + cache.misses} entries: ${cache.hits} from the cache, ${cache.misses} read afresh${folder} · ${ms} ms`
}
