import type {Site} from '../aggregate/site.js'
import {themeRecord} from '../aggregate/themes.js'
import type {Entry} from '../../types.js'

/**
 * The bytes of each run of records as they stand in `data.json`, by list and place, with the
 * objects and the base they were made from. Entries, themes and commitments are the same objects
 * from one watch rebuild to the next unless they changed (see aggregate/site-memo.ts), so after
 * a save only the run that holds a changed one is written out again: at 5,000 entries the whole
 * file is 6 MB. Runs, not single records, and bytes, not text: joining 6 MB of text with a
 * character beyond Latin-1 (a dash) and encoding it took 120 ms, and copying 15,000 small
 * buffers into one 30 ms; a few hundred runs take a few.
 */
export type DataRecords = Map<string, {base: string; items: readonly object[]; bytes: Buffer}>

/** Records in a run. */
const runLength = 64

/**
 * Everything aggregated, as plain data for other tools (`dist/data.json`). `entry` fields are
 * entry slugs; URLs include the site's `base`; no HTML anywhere. Drafts are not published, so
 * they are not here either. The bytes are `JSON.stringify(data, null, 2)` and a line end, in
 * UTF-8. `records`: what an engine that runs again keeps (see DataRecords).
 */
export function siteData(site: Site, records?: DataRecords): Buffer {
  const base = site.info.base
  const url = (path: string) => base + path.slice(1)
  const entry = (e: Entry) => ({
    slug: e.slug,
    url: url(e.url),
    title: e.meta.title,
    date: e.meta.date,
    tags: e.meta.tags,
    outcome: e.meta.outcome ?? null,
    cause: e.meta.cause ?? null,
    draft: e.meta.draft,
    revisit: e.meta.revisit ?? null,
    cost: e.meta.cost ?? null,
    summary: e.summary
  })
  const action = (c: Site['commitments'][number]) => ({
    entry: c.entry,
    text: c.text,
    done: c.done,
    due: c.due ?? null,
    owner: c.owner ?? null,
    status: c.status ?? null,
    overdue: c.overdue
  })
  const list = <T extends object>(name: string, items: readonly T[], record: (item: T) => unknown): Buffer[] => {
    const parts: Buffer[] = [Buffer.from(`"${name}": [\n    `)]
    for (let start = 0; start < items.length; start += runLength) {
      if (start > 0) parts.push(between)
      const run = items.slice(start, start + runLength)
      const place = `${name}:${start}`
      const kept = records?.get(place)
      if (kept?.base === base && kept.items.length === run.length && kept.items.every((item, i) => item === run[i])) {
        parts.push(kept.bytes)
        continue
      }
      const bytes = Buffer.from(run.map((item) => nested(record(item), 2)).join(',\n    '))
      records?.set(place, {base, items: run, bytes})
      parts.push(bytes)
    }
    // Runs past the end of a list that got shorter are let go.
    let past = Math.ceil(items.length / runLength) * runLength
    while (records?.delete(`${name}:${past}`)) past += runLength
    if (items.length === 0) return [Buffer.from(`"${name}": []`)]
    parts.push(Buffer.from('\n  ]'))
    return parts
  }
  const fields = [
    list('entries', site.entries, entry),
    list('lessons', site.themes, (t) => themeRecord(t, url(t.url))),
    list('actions', site.commitments, action),
    [Buffer.from(`"growth": ${nested(site.growth, 1)}`)]
  ]
  return Buffer.concat([Buffer.from('{\n  '), ...fields.flatMap((parts, i) => (i > 0 ? [fieldEnd, ...parts] : parts)), Buffer.from('\n}\n')])
}

const between = Buffer.from(',\n    ')
const fieldEnd = Buffer.from(',\n  ')

/** A value's JSON, two spaces a level, to stand `depth` levels in. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`)
}
