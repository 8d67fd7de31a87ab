import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {defaultSharding, searchShards, shardFolder, shardOf} from '../src/pipeline/render/search-shards.js'
import {useProjects, validEntry} from './helpers.js'

const project = useProjects()

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

  it('are each written whole, a shard with no page at all too, and each holds the pages of its own', async () => {
    const root = await project({
      'content/2025-03-14-newsletter-launch.md': validEntry(),
      'content/2024-11-02-q4-estimate.md': validEntry({frontmatter: 'title: Q4 estimate\ndate: 2024-11-02\ntags: [planning]'})
    })
    // Shards of one page: more shards than pages, so some get none.
    expect((await build({root, searchShardSize: 1, cache: false})).ok).toBe(true)
    const dist = path.join(root, 'dist')
    const pages = (await fs.readdir(dist, {recursive: true})).filter((name) => name.endsWith('.html') && !name.startsWith('pagefind'))
    const shards = searchShards(pages.length, {size: 1, most: Infinity})
    const marked = new Map<number, number>()
    const used = new Set<number>()
    for (const page of pages) {
      const shard = shardOf(page.split(path.sep).join('/'), shards)
      used.add(shard)
      // Pages with a marked body (entries, lesson themes) are indexed, each in its own page's shard.
      if ((await fs.readFile(path.join(dist, page), 'utf8')).includes('data-pagefind-body')) marked.set(shard, (marked.get(shard) ?? 0) + 1)
    }
    expect(used.size).toBeLessThan(shards)
    expect([...marked.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(2)
    for (let shard = 0; shard < shards; shard++) {
      const entry = JSON.parse(await fs.readFile(path.join(dist, shardFolder(shard), 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, {page_count: number}>
      }
      const counted = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)
      expect(counted, `shard ${shard}`).toBe(marked.get(shard) ?? 0)
    }
  })
})
