/** Pieces of the lists that are split over pages: entry cards, page links, years. Each takes the layout context first. */
import {outcomeBadge, tagList} from './parts.js'

/**
 * Entries as cards: title, date, outcome, summary, tags; `note` adds a line of its own to each.
 * @param {import('bounceback').LayoutContext} ctx
 * @param {import('bounceback').EntryCard[]} entries
 * @param {{note?: (entry: import('bounceback').EntryCard) => import('hast').ElementContent, level?: string}} [options]
 */
export function entryCards(ctx, entries, {note, level = 'h3'} = {}) {
  const {h, url, formatDate} = ctx
  return h(
    'ol.entry-list',
    entries.map((entry) =>
      h('li.entry-card', [
        h('article', [
          h(level, h('a', {href: url(entry.url)}, entry.title)),
          h('p.meta', [h('time', {dateTime: entry.date}, formatDate(entry.date)), ' ', outcomeBadge(ctx, entry.outcome)]),
          note ? note(entry) : undefined,
          entry.summary ? h('p.summary', entry.summary) : undefined,
          tagList(ctx, entry.tags)
        ])
      ])
    )
  )
}

/**
 * A page's title within its list: `Post-mortems, page 2 of 15`; the first page is the list's own.
 * @param {string} title
 * @param {import('bounceback').Pagination} p
 */
export function pageTitle(title, p) {
  // A lesson is a sentence: `Ship smaller, page 2 of 3`, not `Ship smaller., page 2 of 3`.
  return p.page > 1 ? `${title.replace(/\.$/, '')}, page ${p.page} of ${p.pages}` : title
}

/**
 * Links to the page before and after, and to every page by number (so any page of a list is one
 * link away); nothing for a list of one page.
 * @param {import('bounceback').LayoutContext} ctx
 * @param {import('bounceback').Pagination} p
 * @param {{label: string, previous?: string, next?: string}} words
 */
export function pageNav(ctx, p, words) {
  if (p.pages < 2) return undefined
  const {h, url} = ctx
  return h('nav.pagination', {'aria-label': words.label}, [
    p.previous ? h('a.pagination-step', {href: url(p.previous), rel: 'prev'}, `← ${words.previous ?? 'Previous page'}`) : undefined,
    h(
      'ol',
      p.urls.map((u, i) => {
        const label = [h('span.visually-hidden', 'Page '), String(i + 1)]
        return h('li', i + 1 === p.page ? h('span', {'aria-current': 'page'}, label) : h('a', {href: url(u)}, label))
      })
    ),
    p.next ? h('a.pagination-step', {href: url(p.next), rel: 'next'}, `${words.next ?? 'Next page'} →`) : undefined
  ])
}

/**
 * Every year with entries, as links to its archive.
 * @param {import('bounceback').LayoutContext} ctx
 * @param {import('bounceback').YearLink[]} years
 * @param {string} [current]
 */
export function yearNav(ctx, years, current) {
  if (years.length === 0) return undefined
  const {h, url} = ctx
  return h('nav.years', {'aria-label': 'Post-mortems by year'}, [
    h(
      'ul',
      years.map((y) => {
        const label = [y.year, ' ', h('span.muted', `(${y.count})`)]
        return h('li', y.year === current ? h('span', {'aria-current': 'page'}, label) : h('a', {href: url(y.url)}, label))
      })
    )
  ])
}
