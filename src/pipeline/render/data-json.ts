import type {Site} from '../aggregate/site.js'
import {themeRecord} from '../aggregate/themes.js'

/**
 * Everything aggregated, as plain data for other tools (`dist/data.json`). `entry` fields are
 * entry slugs; URLs include the site's `base`; no HTML anywhere. Drafts are not published, so
 * they are not here either.
 */
export function siteData(site: Site): string {
  const base = site.info.base
  const url = (path: string) => base + path.slice(1)
  const data = {
    entries: site.entries.map((e) => ({
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
    })),
    lessons: site.themes.map((t) => themeRecord(t, url(t.url))),
    actions: site.commitments.map((c) => ({
      entry: c.entry,
      text: c.text,
      done: c.done,
      due: c.due ?? null,
      owner: c.owner ?? null,
      status: c.status ?? null,
      overdue: c.overdue
    })),
    growth: site.growth
  }
  return `${JSON.stringify(data, null, 2)}\n`
}
