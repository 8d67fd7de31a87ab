import type {Site} from '../aggregate/site.js'
import type {Entry} from '../../types.js'
import {growthPageData} from './growth-page.js'
import {searchShards, shardFolder, type Sharding} from './search-shards.js'
import {entryPages} from './entry-pages.js'
import type {LayoutName, PageDataByKind} from './page-data.js'
import type {PlanMemo} from './plan-memo.js'
import {swappedEntries, swappedPages} from './swapped-pages.js'
import {actionsPages, archivePages, lessonPages, tagPages} from './list-pages.js'

/** One page of the site before it is rendered. */
export interface Page<K extends LayoutName = LayoutName> {
  kind: K
  /** Site-relative URL. */
  url: string
  /** Output path, relative to the output folder. */
  path: string
  data: PageDataByKind[K]
}

/**
 * Every page the site has, in a stable order. In watch, after a save that changed only prose,
 * the last pages with the new entries in place (see swapped-pages.ts).
 */
export function sitePages(site: Site, memo: PlanMemo, sharding?: Sharding): Page[] {
  const last = memo.lastPlan
  const swap = last && !memo.unwalkable && sameSharding(last.sharding, sharding) ? swappedEntries(last.site, site) : undefined
  const swapped = swap && swappedPages(last!, site, swap, memo)
  if (swapped) {
    memo.lastPlan = swapped
    return swapped.pages
  }
  const pages = plannedPages(site, memo, sharding)
  if (memo.options.lasting) memo.lastPlan = {site, sharding, pages}
  return pages
}

function sameSharding(a: Sharding | undefined, b: Sharding | undefined): boolean {
  return a?.size === b?.size && a?.most === b?.most
}

/** Every page, listed from the site (and what the memo kept of the pages planned before). */
function plannedPages(site: Site, memo: PlanMemo, sharding?: Sharding): Page[] {
  const bySlug = new Map(site.entries.map((e) => [e.slug, e]))
  const entryCard = (entry: Entry) => memo.cards.card(entry)
  const card = (slug: string) => entryCard(bySlug.get(slug)!)

  const pages: Page[] = archivePages(site, site.entries.map(entryCard), {
    entries: site.entries.length,
    lessons: site.themes.reduce((n, t) => n + t.count, 0),
    themes: site.themes.length,
    recurring: site.themes.filter((t) => t.recurring).length,
    open: site.open.length,
    overdue: site.open.filter((c) => c.overdue).length
  })

  const commitmentsOf = memo.commitmentsOf(site.commitments)
  pages.push(...entryPages(site, memo, commitmentsOf))

  pages.push({kind: 'lessons', url: '/lessons/', path: 'lessons/index.html', data: {themes: site.themes}})
  pages.push(...lessonPages(site, memo))

  const charts = memo.charts(site)
  pages.push({kind: 'growth', url: '/growth/', path: 'growth/index.html', data: growthPageData(site, charts, entryCard, commitmentsOf)})
  pages.push(...actionsPages(site, charts.find((c) => c.id === 'chart-commitments')!))

  pages.push({kind: 'tags', url: '/tags/', path: 'tags/index.html', data: {tags: site.tags}})
  pages.push(...tagPages(site, card))
  const search: Page<'search'> = {kind: 'search', url: '/search/', path: 'search/index.html', data: {indexes: []}}
  pages.push(search)
  pages.push({kind: 'not-found', url: '/404.html', path: '404.html', data: {}})
  // Every page is HTML: the number of shards follows from their number.
  const shards = searchShards(pages.length, sharding)
  search.data.indexes = Array.from({length: shards - 1}, (_, i) => `/${shardFolder(i + 1)}`)
  // Entry and theme pages are kept as they are made (see entry-pages.ts); the rest when they say what they said.
  return pages.map((page) => (page.kind === 'entry' || page.kind === 'lesson' ? page : memo.keep(page)))
}
