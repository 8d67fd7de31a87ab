import type {Site} from '../aggregate/site.js'
import type {Entry} from '../../types.js'
import {isEntry} from './page-keys.js'
import type {Page} from './pages.js'
import type {PlanMemo} from './plan-memo.js'
import type {Sharding} from './search-shards.js'

/** The site and pages planned last, for watch's next save. */
export interface LastPlan {
  site: Site
  sharding: Sharding | undefined
  pages: Page[]
  /** What a walk through the pages' data found, when first needed. */
  walked?: Walked
}

interface Walked {
  /** The positions in `pages` of the pages that hold an entry or a card of it, by the entry's slug. */
  holders: Map<string, Set<number>>
  /** What holds neither an entry nor a card, and is not looked into: themes, tags, commitments, charts. */
  opaque: ReadonlySet<object>
}

/** What of a site every page is made from, besides its entries. */
const acrossEntries = ['info', 'today', 'themes', 'commitments', 'open', 'growth', 'tags', 'related'] as const

/**
 * The new entries by the old ones they took the place of, when `site` is `last` with some entries
 * swapped for new ones and nothing else changed: the site watch's site memo gives after a save
 * that changed only prose (see aggregate/site-memo.ts), whose themes, tags, commitments and
 * figures are the same objects as before. Otherwise `undefined`.
 */
export function swappedEntries(last: Site, site: Site): Map<Entry, Entry> | undefined {
  for (const field of acrossEntries) if (site[field] !== last[field]) return undefined
  const swap = new Map<Entry, Entry>()
  for (const field of ['all', 'entries', 'revisitDue'] as const) {
    const [was, now] = [last[field], site[field]]
    if (was.length !== now.length) return undefined
    for (let i = 0; i < now.length; i++) {
      const [a, b] = [was[i]!, now[i]!]
      if (a === b) continue
      if (a.slug !== b.slug || (swap.has(a) && swap.get(a) !== b)) return undefined
      swap.set(a, b)
    }
  }
  return swap
}

/**
 * The last pages with `swap`'s new entries, and their new cards, in place of the old ones; or
 * `undefined` when they cannot be told this way. Every page's data reads an entry only through
 * the entry itself or its card, or through what the site is made from across entries, which such
 * a save leaves the same objects (see `swappedEntries`). So a page that holds neither the entry
 * nor a card of it is the very page planned last time, and keeps its key without being looked
 * through (see page-keys.ts); a page that holds one is the same page with the new one in its
 * place. A page may hold an older card than the entry's last (a list page is kept while its
 * cards say the same, see plan-memo.ts), so entries and cards are matched by slug, which is one
 * entry's in a site. Which pages hold what is found once, by a walk through every page's data
 * (some 30 ms at 5,000 entries), then kept: a save looks only at the pages that show what it
 * changed.
 */
export function swappedPages(last: LastPlan, site: Site, swap: ReadonlyMap<Entry, Entry>, memo: PlanMemo): LastPlan | undefined {
  const {cards} = memo
  const slugOf = (value: object) => (cards.text(value) !== undefined || isEntry(value) ? (value as {slug: string}).slug : undefined)
  // Themes, tags and commitments are the same objects as last time (see `swappedEntries`).
  last.walked ??= walk(last.pages, site, slugOf)
  if (!last.walked) {
    // Page data is shaped by the code: it will not be walked the next time either.
    memo.unwalkable = true
    return undefined
  }
  const {holders, opaque} = last.walked
  const bySlug = new Map<string, {entry: Entry; card: object}>()
  for (const entry of swap.values()) bySlug.set(entry.slug, {entry, card: cards.card(entry)})
  const replacer = new Replacer((value) => {
    const slug = slugOf(value)
    if (slug === undefined) return opaque.has(value) ? value : undefined
    const now = bySlug.get(slug)
    return now ? (isEntry(value) ? now.entry : now.card) : value
  })
  const pages = [...last.pages]
  for (const slug of bySlug.keys()) {
    for (const at of holders.get(slug) ?? []) {
      const page = pages[at]!
      const data = replacer.value(page.data)
      if (data !== page.data) pages[at] = {...page, data} as Page
    }
  }
  if (replacer.unknownShape) return undefined
  // The same pages hold the same slugs. What the memo kept of the pages planned the long way is
  // left as it was: the next plan made that way compares with it, and finds what changed since.
  return {site, sharding: last.sharding, pages, walked: last.walked}
}

/** Which pages hold each entry or a card of it; `undefined` when some page's data has a shape not walked. */
function walk(pages: readonly Page[], site: Site, slugOf: (value: object) => string | undefined): Walked | undefined {
  const opaque = new Set<object>([...site.themes, ...site.tags, ...site.commitments])
  for (const page of pages) if (page.kind === 'actions') opaque.add((page as Page<'actions'>).data.chart)
  const holders = new Map<string, Set<number>>()
  let at = 0
  // Every value left as it is: the walk only notes which page holds which slug.
  const noter = new Replacer((value) => {
    const slug = slugOf(value)
    if (slug === undefined) return opaque.has(value) ? value : undefined
    const list = holders.get(slug)
    if (list) list.add(at)
    else holders.set(slug, new Set([at]))
    return value
  })
  for (; at < pages.length; at++) noter.value(pages[at]!.data)
  return noter.unknownShape ? undefined : {holders, opaque}
}

/**
 * Gives a value with objects replaced, copied only where something in it was, the value itself
 * when nothing was. `replace` gives an object's replacement, the object itself to leave it as it
 * is without looking into it, or `undefined` to look into it.
 */
class Replacer {
  /** Set when a value held an object other than a plain object or array, not opaque: it may hide what is replaced. */
  unknownShape = false

  constructor(private readonly replace: (value: object) => object | undefined) {}

  value(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value
    const to = this.replace(value)
    if (to) return to
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined
      for (let i = 0; i < value.length; i++) {
        const item = this.value(value[i])
        if (item !== value[i]) (copy ??= [...value])[i] = item
      }
      return copy ?? value
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) {
      this.unknownShape = true
      return value
    }
    let copy: Record<string, unknown> | undefined
    for (const key of Object.keys(value)) {
      const field = (value as Record<string, unknown>)[key]
      const item = this.value(field)
      if (item !== field) (copy ??= {...(value as Record<string, unknown>)})[key] = item
    }
    return copy ?? value
  }
}
