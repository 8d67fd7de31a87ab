import {describe, expect, it} from 'vitest'
import {defaultSharding, searchShards, shardOf} from '../src/pipeline/render/search-shards.js'

describe('shards of the search index', () => {
  it('come one up to the shard size, then in powers of two, and never more than the most a reader loads', () => {
    expect(searchShards(250, defaultSharding)).toBe(1)
    expect(searchShards(251, defaultSharding)).toBe(2)
    expect(searchShards(1424, defaultSharding)).toBe(8)
    expect(searchShards(7000, defaultSharding)).toBe(16)
    expect(searchShards(100_000, defaultSharding)).toBe(16)
    expect(searchShards(100_000)).toBe(1)
    // A size chosen, even the default's: as many shards as it takes.
    expect(searchShards(100, {size: 4, most: Infinity})).toBe(32)
    expect(searchShards(100_000, {size: 250, most: Infinity})).toBe(512)
  })

  it('keep a page in its shard while the site grows, until their count changes', () => {
    const paths = Array.from({length: 200}, (_, i) => `2025/entry-${i}/index.html`)
    expect(searchShards(7000, defaultSharding)).toBe(searchShards(14_000, defaultSharding))
    const shards = searchShards(7000, defaultSharding)
    for (const path of paths) {
      expect(shardOf(path, shards)).toBeLessThan(shards)
      expect(shardOf(path, shards)).toBe(shardOf(path, searchShards(14_000, defaultSharding)))
    }
  })
})
