import {createHash} from 'node:crypto'
import type {Site} from '../aggregate/site.js'
import type {Entry} from '../../types.js'
import {sameItems, type PlanMemo} from './plan-memo.js'
import type {Page} from './pages.js'

/**
 * Page keys: a digest of what a page is made from: its data, with entries standing by their keys
 * (their file's bytes, which with the settings determine them) and cards by a digest of what
 * they say, and the salt: the settings, the theme and the date every page depends on. Objects
 * many pages show (`shared`: a lesson theme with all its occurrences, a chart) are written out
 * once and stand by their digest on every page: watch makes every page's key on every save.
 */
export function pageKeys(salt: string, memo: PlanMemo, shared: ReadonlySet<object>): (page: Page) => string {
  const {cards, sharedTokens, keys: kept} = memo
  const replacer = (_: string, value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value
    if (isEntry(value)) return `entry\u0000${value.key}`
    // Cards by what they say, not by their entry: a change below an entry's summary leaves
    // the pages that list it as they were.
    const card = cards.text(value)
    if (card !== undefined) return `card\u0000${card}`
    if (shared.has(value)) return token(value)
    // JSON would write these as `{}`: a page made from them would look unchanged.
    if (value instanceof Map || value instanceof Set) return [value.constructor.name, ...value]
    return value
  }
  const token = (value: object): unknown => {
    const kept = sharedTokens.get(value)
    // An empty token: the object is being written out itself.
    if (kept !== undefined) return kept || value
    sharedTokens.set(value, '')
    const made = `shared\u0000${createHash('sha1').update(JSON.stringify(value, replacer)).digest('base64')}`
    sharedTokens.set(value, made)
    return made
  }
  /** `value` as a flat list of its primitives and its structure, entries, cards and shared objects standing by their tokens. */
  const leaves = (value: unknown, out: unknown[]): void => {
    if (value === null || typeof value !== 'object') {
      out.push(value)
      return
    }
    if (isEntry(value)) {
      out.push(entryMark, value.key)
      return
    }
    const card = cards.text(value)
    if (card !== undefined) {
      out.push(cardMark, card)
      return
    }
    if (shared.has(value)) {
      out.push(sharedMark, token(value))
      return
    }
    const toJSON = (value as {toJSON?: unknown}).toJSON
    out.push(open, typeof toJSON === 'function' ? 'toJSON' : value.constructor)
    if (typeof toJSON === 'function') leaves(toJSON.call(value), out)
    else if (Array.isArray(value) || value instanceof Map || value instanceof Set) for (const item of value) leaves(item, out)
    else {
      for (const key in value) {
        out.push(key)
        leaves((value as Record<string, unknown>)[key], out)
      }
    }
    out.push(close)
  }
  const {lasting} = memo.options
  return (page) => {
    const hash = () =>
      createHash('sha1')
        .update(salt)
        .update(JSON.stringify([page.kind, page.url, page.data], replacer))
        .digest('hex')
    if (!lasting) return hash()
    const last = kept.get(page.path)
    // The very page of last time (see plan-memo.ts): the same key, without looking through it.
    if (last?.page === page && last.salt === salt) return last.key
    // The same data as last time, down to the same entries, cards and shared objects: the same key.
    const now: unknown[] = [salt, page.kind, page.url]
    leaves(page.data, now)
    if (last?.leaves && sameItems(last.leaves, now)) {
      kept.set(page.path, {page, salt, leaves: last.leaves, key: last.key})
      return last.key
    }
    const key = hash()
    kept.set(page.path, {page, salt, leaves: now, key})
    return key
  }
}

const [open, close, entryMark, cardMark, sharedMark] = ['open', 'close', 'entry', 'card', 'shared'].map((name) => Symbol(name))

/** What many pages show: written out once for all their keys. */
export function sharedData(site: Site, pages: readonly Page[]): Set<object> {
  const shared = new Set<object>(site.themes)
  for (const page of pages) if (page.kind === 'actions') shared.add((page as Page<'actions'>).data.chart)
  return shared
}

/** An entry, among the values of a page's data. */
export function isEntry(value: object): value is Entry {
  return 'key' in value && 'slug' in value && 'meta' in value && 'body' in value
}
