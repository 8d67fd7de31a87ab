import {createHash} from 'node:crypto'

/**
 * Pages per shard of the search index by default: one change re-indexes one shard, not the whole
 * site, and a shard of 250 pages takes Pagefind a fraction of a second (bench/results.md).
 */
export const defaultShardSize = 250

/**
 * The most shards a site's index comes in at the default size: a reader's first search fetches
 * and loads every one, and past 16 that costs more than a second (bench/results.md).
 */
export const maxShards = 16

/**
 * How many shards the search index comes in: one up to `shardSize` pages, then a power of two,
 * so that a page keeps its shard while the site grows, until the count doubles. At the default
 * size, never more than `maxShards`, the shards then growing with the site; a size chosen
 * (`searchShardSize`) is taken as it is.
 */
export function searchShards(pages: number, shardSize = Infinity): number {
  const most = shardSize === defaultShardSize ? maxShards : Infinity
  let shards = 1
  while (pages / shards > shardSize && shards < most) shards *= 2
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
