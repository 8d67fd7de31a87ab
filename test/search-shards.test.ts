import {describe, expect, it} from 'vitest'
import {maxShards, searchShards, shardOf} from '../src/pipeline/render/search-shards.js'

describe('shards of the search index', () => {
  it('come one up to the shard size, then in powers of two, and never more than the most a reader loads', () => {
    expect(searchShards(250, 250)).toBe(1)
    expect(searchShards(251, 250)).toBe(2)
    expect(searchShards(1424, 250)).toBe(8)
    expect(searchShards(7000, 250)).toBe(maxShards)
    expect(searchShards(100_000, 250)).toBe(maxShards)
    expect(searchShards(100_000)).toBe(1)
    // A size chosen, not the default: as many shards as it takes.
    expect(searchShards(100, 4)).toBe(32)
  })

  it('keep a page in its shard while the site grows, until their count changes', () => {
    const paths = Array.from({length: 200}, (_, i) => `2025/entry-${i}/index.html`)
    expect(searchShards(7000, 250)).toBe(searchShards(14_000, 250))
    const shards = searchShards(7000, 250)
    for (const path of paths) {
      expect(shardOf(path, shards)).toBeLessThan(shards)
      expect(shardOf(path, shards)).toBe(shardOf(path, searchShards(14_000, 250)))
    }
  })
})
