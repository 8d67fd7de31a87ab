import {createHash} from 'node:crypto'

/** How the search index is cut into shards: pages per shard, and the most shards there may be. */
export interface Sharding {
  size: number
  most: number
}

/**
 * By default, shards of 250 pages: one change re-indexes one shard, not the whole site, and a
 * shard of 250 pages takes Pagefind a fraction of a second. At most 16: a reader's first search
 * fetches and loads every one, and past 16 that costs more than a second (bench/results.md).
 * A size chosen (`searchShardSize`) is taken as it is, without a most.
 */
export const defaultSharding: Sharding = {size: 250, most: 16}

/** One index, whatever the number of pages. */
export const oneShard: Sharding = {size: Infinity, most: 1}

/**
 * How many shards the search index comes in: one up to `size` pages, then a power of two, so
 * that a page keeps its shard while the site grows, until the count doubles; never more than
 * `most`, the shards then growing with the site.
 */
export function searchShards(pages: number, sharding: Sharding = oneShard): number {
  let shards = 1
  while (pages / shards > sharding.size && shards * 2 <= sharding.most) shards *= 2
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
