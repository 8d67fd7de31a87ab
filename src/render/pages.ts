import type {Site} from '../aggregate/site.js'
import type {Entry} from '../types.js'
import {growthCharts} from './charts/growth-charts.js'
import type {EntryCard, EntryLesson, LayoutName, PageDataByKind} from './page-data.js'

/** One page of the site before it is rendered. */
export interface Page<K extends LayoutName = LayoutName> {
  kind: K
  /** Site-relative URL. */
  url: string
  /** Output path, relative to the output folder. */
  path: string
  data: PageDataByKind[K]
}

export function entryCard(entry: Entry): EntryCard {
  const card: EntryCard = {slug: entry.slug, title: entry.meta.title, date: entry.meta.date, url: entry.url, tags: entry.meta.tags, summary: entry.summary}
  if (entry.meta.outcome) card.outcome = entry.meta.outcome
  if (entry.meta.revisit) card.revisit = entry.meta.revisit
  return card
}

const pathOf = (url: string) => `${url.slice(1)}index.html`

/** Every page the site has, in a stable order. */
export function sitePages(site: Site): Page[] {
  const bySlug = new Map(site.entries.map((e) => [e.slug, e]))
  const card = (slug: string) => entryCard(bySlug.get(slug)!)
  const themeOf = new Map<string, Site['themes'][number]>()
  for (const theme of site.themes) for (const o of theme.occurrences) themeOf.set(`${o.entry}\u0000${o.text}`, theme)

  const pages: Page[] = [
    {
      kind: 'home',
      url: '/',
      path: 'index.html',
      data: {
        entries: site.entries.map(entryCard),
        revisitDue: site.revisitDue.map(entryCard),
        summary: {
          entries: site.entries.length,
          lessons: site.themes.reduce((n, t) => n + t.count, 0),
          themes: site.themes.length,
          recurring: site.themes.filter((t) => t.recurring).length,
          open: site.open.length,
          overdue: site.open.filter((c) => c.overdue).length
        }
      }
    }
  ]

  site.entries.forEach((entry, i) => {
    const lessons: EntryLesson[] = entry.lessons.map((lesson) => {
      const theme = themeOf.get(`${entry.slug}\u0000${lesson.text}`)!
      const others = [...new Set(theme.occurrences.map((o) => o.entry))].filter((slug) => slug !== entry.slug)
      return {text: lesson.text, hashtags: lesson.hashtags, theme: {id: theme.id, url: theme.url, text: theme.text, recurring: theme.recurring}, alsoIn: others.map(card)}
    })
    const data: PageDataByKind['entry'] = {
      entry,
      lessons,
      commitments: site.commitments.filter((c) => c.entry === entry.slug),
      related: (site.related.get(entry.slug) ?? []).map(card)
    }
    const newer = site.entries[i - 1]
    const older = site.entries[i + 1]
    if (older) data.previous = entryCard(older)
    if (newer) data.next = entryCard(newer)
    pages.push({kind: 'entry', url: entry.url, path: pathOf(entry.url), data})
  })

  pages.push({kind: 'lessons', url: '/lessons/', path: 'lessons/index.html', data: {themes: site.themes}})
  for (const theme of site.themes) pages.push({kind: 'lesson', url: theme.url, path: pathOf(theme.url), data: {theme}})

  const charts = growthCharts(site.growth)
  pages.push({kind: 'growth', url: '/growth/', path: 'growth/index.html', data: {charts}})
  pages.push({
    kind: 'actions',
    url: '/actions/',
    path: 'actions/index.html',
    data: {
      open: site.open,
      overdue: site.open.filter((c) => c.overdue).length,
      made: site.commitments.length,
      kept: site.commitments.filter((c) => c.done).length,
      chart: charts.find((c) => c.id === 'chart-commitments')!
    }
  })

  const themeById = new Map(site.themes.map((t) => [t.id, t]))
  pages.push({kind: 'tags', url: '/tags/', path: 'tags/index.html', data: {tags: site.tags}})
  for (const tag of site.tags) {
    pages.push({kind: 'tag', url: tag.url, path: pathOf(tag.url), data: {tag, entries: tag.entries.map(card), themes: tag.themes.map((id) => themeById.get(id)!)}})
  }
  pages.push({kind: 'not-found', url: '/404.html', path: '404.html', data: {}})
  return pages
}
