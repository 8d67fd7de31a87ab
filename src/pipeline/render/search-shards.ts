import {createHash} from 'node:crypto'

/**
 * How many shards the search index comes in: one up to `shardSize` pages, then a power of two,
 * so that a page keeps its shard while the site grows, until the count doubles.
 */
export function searchShards(pages: number, shardSize = Infinity): number {
  let shards = 1
  while (pages / shards > shardSize) shards *= 2
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
