import type {Site} from '../aggregate/site.js'
import type {Entry} from '../../types.js'
import type {CardCache} from './cards.js'
import {growthCharts} from './charts/growth-charts.js'
import {growthPageData} from './growth-page.js'
import {searchShards, shardFolder} from './search-shards.js'
import type {EntryLesson, LayoutName, PageDataByKind} from './page-data.js'
import {actionsPages, archivePages, lessonPages, tagPages} from './list-pages.js'
import {pathOf} from './paginate.js'

/** One page of the site before it is rendered. */
export interface Page<K extends LayoutName = LayoutName> {
  kind: K
  /** Site-relative URL. */
  url: string
  /** Output path, relative to the output folder. */
  path: string
  data: PageDataByKind[K]
}

/** An entry page names at most this many other entries per lesson; the theme page has all. */
const maxAlsoIn = 5

/**
 * The other entries of a theme nearest in time to the occurrence at `index`, and how many are
 * left out. Occurrences are oldest first, so the nearest lie on either side of it.
 */
function nearest(theme: Site['themes'][number], index: number, limit: number): {slugs: string[]; more: number} {
  const occurrences = theme.occurrences
  const self = occurrences[index]!.entry
  const slugs: string[] = []
  const seen = new Set([self])
  const times = timesOf(theme)
  const time = (i: number) => times[i]!
  const at = time(index)
  let left = index - 1
  let right = index + 1
  while (slugs.length < limit && (left >= 0 || right < occurrences.length)) {
    const takeLeft = right >= occurrences.length || (left >= 0 && at - time(left) <= time(right) - at)
    const i = takeLeft ? left-- : right++
    const slug = occurrences[i]!.entry
    if (!seen.has(slug)) {
      seen.add(slug)
      slugs.push(slug)
    }
  }
  return {slugs, more: Math.max(0, theme.entryCount - 1 - slugs.length)}
}

/** Each occurrence's date as a number, worked out once per theme (a theme no save changed is the same object). */
const themeTimes = new WeakMap<Site['themes'][number], number[]>()
function timesOf(theme: Site['themes'][number]): number[] {
  let times = themeTimes.get(theme)
  if (!times) themeTimes.set(theme, (times = theme.occurrences.map((o) => Date.parse(o.date))))
  return times
}

/** Every page the site has, in a stable order. */
export function sitePages(site: Site, cards: CardCache, shardSize?: number): Page[] {
  const bySlug = new Map(site.entries.map((e) => [e.slug, e]))
  const entryCard = (entry: Entry) => cards.card(entry)
  const card = (slug: string) => entryCard(bySlug.get(slug)!)
  const themeOf = new Map<string, {theme: Site['themes'][number]; index: number}>()
  for (const theme of site.themes) {
    for (const [index, o] of theme.occurrences.entries()) themeOf.set(`${o.entry}\u0000${o.text}`, {theme, index})
  }

  const pages: Page[] = archivePages(site, site.entries.map(entryCard), {
    entries: site.entries.length,
    lessons: site.themes.reduce((n, t) => n + t.count, 0),
    themes: site.themes.length,
    recurring: site.themes.filter((t) => t.recurring).length,
    open: site.open.length,
    overdue: site.open.filter((c) => c.overdue).length
  })

  const commitmentsOf = new Map<string, Site['commitments']>()
  for (const c of site.commitments) {
    const list = commitmentsOf.get(c.entry)
    if (list) list.push(c)
    else commitmentsOf.set(c.entry, [c])
  }
  site.entries.forEach((entry, i) => {
    const lessons: EntryLesson[] = entry.lessons.map((lesson) => {
      const {theme, index} = themeOf.get(`${entry.slug}\u0000${lesson.text}`)!
      const others = nearest(theme, index, maxAlsoIn)
      return {
        text: lesson.text,
        hashtags: lesson.hashtags,
        theme: {id: theme.id, url: theme.url, text: theme.text, recurring: theme.recurring, count: theme.count, entryCount: theme.entryCount},
        alsoIn: others.slugs.map(card),
        alsoInMore: others.more
      }
    })
    const data: PageDataByKind['entry'] = {
      entry,
      lessons,
      commitments: commitmentsOf.get(entry.slug) ?? [],
      related: (site.related.get(entry.slug) ?? []).map(card)
    }
    const newer = site.entries[i - 1]
    const older = site.entries[i + 1]
    if (older) data.previous = entryCard(older)
    if (newer) data.next = entryCard(newer)
    pages.push({kind: 'entry', url: entry.url, path: pathOf(entry.url), data})
  })

  pages.push({kind: 'lessons', url: '/lessons/', path: 'lessons/index.html', data: {themes: site.themes}})
  pages.push(...lessonPages(site))

  const charts = growthCharts(site.growth, site.themes, site.info.lang)
  pages.push({kind: 'growth', url: '/growth/', path: 'growth/index.html', data: growthPageData(site, charts, entryCard, commitmentsOf)})
  pages.push(...actionsPages(site, charts.find((c) => c.id === 'chart-commitments')!))

  pages.push({kind: 'tags', url: '/tags/', path: 'tags/index.html', data: {tags: site.tags}})
  pages.push(...tagPages(site, card))
  const search: Page<'search'> = {kind: 'search', url: '/search/', path: 'search/index.html', data: {indexes: []}}
  pages.push(search)
  pages.push({kind: 'not-found', url: '/404.html', path: '404.html', data: {}})
  // Every page is HTML: the number of shards follows from their number.
  const shards = searchShards(pages.length, shardSize)
  search.data.indexes = Array.from({length: shards - 1}, (_, i) => `/${shardFolder(i + 1)}`)
  return pages
}
