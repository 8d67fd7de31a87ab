import type {Site} from '../aggregate/site.js'
import type {Commitment} from '../aggregate/commitments.js'
import type {Chart} from './charts/chart.js'
import type {EntryCard, SiteSummary, YearLink} from './page-data.js'
import {paginate} from './paginate.js'
import type {Page} from './pages.js'
import type {PlanMemo} from './plan-memo.js'

/** The home page names this many of the entries due for a second look; `/revisit/` has them all. */
export const revisitOnHome = 5

/**
 * The home page and the archives: the newest entries on the home page and the rest on
 * `/page/2/`…, every year's entries at `/2025/` (and `/2025/page/2/`…), and the entries due for
 * a second look at `/revisit/`. Every entry is two links from the home page: a page of the
 * archive, then the entry.
 */
export function archivePages(site: Site, cards: EntryCard[], summary: SiteSummary): Page[] {
  const size = site.info.pageSize
  const byYear = new Map<string, EntryCard[]>()
  for (const card of cards) {
    const year = card.date.slice(0, 4)
    const list = byYear.get(year)
    if (list) list.push(card)
    else byYear.set(year, [card])
  }
  // Entries are newest first, so their years are too.
  const years: YearLink[] = [...byYear].map(([year, list]) => ({year, url: `/${year}/`, count: list.length}))
  const bySlug = new Map(cards.map((c) => [c.slug, c]))
  const revisit = site.revisitDue.map((e) => bySlug.get(e.slug)!)
  const [first, ...rest] = paginate(cards, size, '/')
  const pages: Page[] = [
    {
      kind: 'home',
      url: '/',
      path: 'index.html',
      data: {
        entries: first!.items,
        summary,
        revisitDue: revisit.slice(0, revisitOnHome),
        revisitTotal: revisit.length,
        pagination: first!.pagination,
        years
      }
    }
  ]
  for (const page of rest)
    pages.push({kind: 'archive', url: page.url, path: page.path, data: {list: 'entries', entries: page.items, pagination: page.pagination, years}})
  for (const {year, url} of years) {
    for (const page of paginate(byYear.get(year)!, size, url)) {
      pages.push({kind: 'archive', url: page.url, path: page.path, data: {list: 'year', year, entries: page.items, pagination: page.pagination, years}})
    }
  }
  if (revisit.length > 0) {
    for (const page of paginate(revisit, size, '/revisit/')) {
      pages.push({kind: 'archive', url: page.url, path: page.path, data: {list: 'revisit', entries: page.items, pagination: page.pagination, years}})
    }
  }
  return pages
}

/**
 * Open commitments in the order they want attention: those past their due date first, the
 * longest past first; then those with a date, soonest first; then the rest, oldest first.
 */
export function byAttention(open: readonly Commitment[]): Commitment[] {
  const rank = (c: Commitment) => (c.overdue ? 0 : c.due !== undefined ? 1 : 2)
  // A stable sort: within a rank without dates, commitments keep their order, oldest first.
  return [...open].sort((a, b) => rank(a) - rank(b) || (rank(a) < 2 ? (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0) : 0))
}

export function actionsPages(site: Site, chart: Chart): Page<'actions'>[] {
  const open = byAttention(site.open)
  const common = {
    openTotal: open.length,
    overdue: open.filter((c) => c.overdue).length,
    made: site.commitments.length,
    kept: site.commitments.filter((c) => c.done).length,
    chart
  }
  return paginate(open, site.info.pageSize, '/actions/').map((page) => ({
    kind: 'actions',
    url: page.url,
    path: page.path,
    data: {...common, open: page.items, pagination: page.pagination}
  }))
}

export function tagPages(site: Site, card: (slug: string) => EntryCard): Page<'tag'>[] {
  const themeById = new Map(site.themes.map((t) => [t.id, t]))
  return site.tags.flatMap((tag) => {
    const themes = tag.themes.map((id) => themeById.get(id)!)
    return paginate(tag.entries, site.info.pageSize, tag.url).map((page) => ({
      kind: 'tag' as const,
      url: page.url,
      path: page.path,
      data: {tag, entries: page.items.map(card), themes, pagination: page.pagination}
    }))
  })
}

/** Each theme's pages: made from the theme alone, so kept as long as it is the same object. */
export function lessonPages(site: Site, memo: PlanMemo): Page<'lesson'>[] {
  const size = site.info.pageSize
  return site.themes.flatMap((theme) => {
    const kept = memo.lessonPages.get(theme)
    if (kept?.size === size) return kept.pages
    const pages = paginate(theme.occurrences, size, theme.url).map((page) => ({
      kind: 'lesson' as const,
      url: page.url,
      path: page.path,
      data: {theme, occurrences: page.items, pagination: page.pagination}
    }))
    memo.lessonPages.set(theme, {size, pages})
    return pages
  })
}
