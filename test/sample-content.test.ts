import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {Engine} from '../src/pipeline/engine.js'
import {build} from '../src/build.js'

const packageRoot = path.resolve(import.meta.dirname, '..')

describe('the bundled sample content', async () => {
  const engine = await Engine.open({root: packageRoot})
  const analysis = await engine.analyse().finally(() => engine.close())
  const all = analysis.site.all

  it('passes every check with no warnings', () => {
    expect(analysis.messages).toEqual([])
  })

  it('has at least eight entries by one person over at least two years, in sub-folders too', () => {
    expect(all.length).toBeGreaterThanOrEqual(8)
    const dates = all.map((e) => e.meta.date).sort()
    const span = (Date.parse(dates.at(-1)!) - Date.parse(dates[0]!)) / (365.25 * 24 * 3600 * 1000)
    expect(span).toBeGreaterThanOrEqual(2)
    expect(all.some((e) => e.source.includes('/'))).toBe(true)
  })

  it('uses every field, every outcome and every cause', () => {
    expect(new Set(all.map((e) => e.meta.outcome))).toEqual(new Set(['failed', 'mixed', 'succeeded']))
    expect(new Set(all.filter((e) => e.meta.cause).map((e) => e.meta.cause))).toEqual(new Set(['information', 'application', 'circumstances']))
    expect(all.some((e) => e.meta.tags.length > 0)).toBe(true)
    expect(all.some((e) => e.meta.feedback.length > 0)).toBe(true)
    expect(all.some((e) => e.meta.cost?.spent !== undefined && e.meta.cost.earned !== undefined && e.meta.cost.currency)).toBe(true)
  })

  it('has exactly one draft and an entry whose revisit date has passed', () => {
    expect(all.filter((e) => e.meta.draft)).toHaveLength(1)
    const today = new Date().toISOString().slice(0, 10)
    expect(all.some((e) => e.meta.revisit !== undefined && e.meta.revisit < today)).toBe(true)
  })

  it('has task lists with open and done items, and lessons tagged alike in several entries', async () => {
    const texts = await Promise.all(all.map((e) => fs.readFile(path.join(packageRoot, 'content', e.source), 'utf8')))
    expect(texts.some((t) => t.includes('- [ ] '))).toBe(true)
    expect(texts.some((t) => t.includes('- [x] '))).toBe(true)
    const entriesPerHashtag = new Map<string, number>()
    for (const text of texts) for (const tag of new Set(text.match(/#[a-z][a-z-]+/g) ?? [])) entriesPerHashtag.set(tag, (entriesPerHashtag.get(tag) ?? 0) + 1)
    expect([...entriesPerHashtag.values()].filter((count) => count >= 2).length).toBeGreaterThanOrEqual(3)
  })

  it('builds into a site with every published entry', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-sample-'))
    try {
      const result = await build({root: packageRoot, overrides: {output: path.join(out, 'site')}})
      expect(result.written).toBe(true)
      expect(result.entries).toBe(all.length - 1)
      const home = await fs.readFile(path.join(out, 'site', 'index.html'), 'utf8')
      for (const entry of all) {
        if (entry.meta.draft) expect(home).not.toContain(`href="${entry.url}"`)
        else expect(home).toContain(`href="${entry.url}"`)
      }
    } finally {
      await fs.rm(out, {recursive: true, force: true})
    }
  })
})
