import {createHash} from 'node:crypto'

/**
 * The most shards a site's index comes in: a reader's first search fetches and loads every one,
 * and past 16 that costs more than a second (bench/results.md).
 */
export const maxShards = 16

/**
 * How many shards the search index comes in: one up to `shardSize` pages, then a power of two,
 * so that a page keeps its shard while the site grows, until the count doubles; never more than
 * `maxShards`, the shards then growing with the site.
 */
export function searchShards(pages: number, shardSize = Infinity): number {
  let shards = 1
  while (pages / shards > shardSize && shards < maxShards) shards *= 2
  return shards
}

/** The output folder of a shard of the search index: the first is Pagefind's usual `pagefind/`. */
export function shardFolder(shard: number): string {
  return shard === 0 ? 'pagefind/' : `pagefind/shard-${shard}/`
}

/** The shard a page's text is indexed in, from its output path. */
export function shardOf(path: string, shards: number): number {
  return shards === 1 ? 0 : createHash('sha1').update(path).digest().readUInt32BE(0) % shards
}
