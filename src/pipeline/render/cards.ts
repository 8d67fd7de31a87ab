import {createHash} from 'node:crypto'
import type {Entry} from '../../types.js'
import type {EntryCard} from './page-data.js'

/**
 * The card of each entry (what list pages show of it), made once per entry and kept by the
 * engine between runs, with a digest of its text for page keys: list pages show the same cards many
 * times over. Owned by one engine, never shared through module state. A card is made from what
 * the entry says, so an entry read again whose card says the same gives a page key that says
 * the same too.
 */
export class CardCache {
  private byEntry = new Map<string, {entry: Entry; card: EntryCard; text: string}>()
  private readonly texts = new WeakMap<object, string>()
  private seen = new Set<string>()

  card(entry: Entry): EntryCard {
    this.seen.add(entry.key)
    const kept = this.byEntry.get(entry.key)
    if (kept?.entry === entry) return kept.card
    const card: EntryCard = {slug: entry.slug, title: entry.meta.title, date: entry.meta.date, url: entry.url, tags: entry.meta.tags, summary: entry.summary}
    if (entry.meta.outcome) card.outcome = entry.meta.outcome
    if (entry.meta.revisit) card.revisit = entry.meta.revisit
    const text = createHash('sha1').update(JSON.stringify(card)).digest('base64')
    this.byEntry.set(entry.key, {entry, card, text})
    this.texts.set(card, text)
    return card
  }

  /**
   * A digest of what a card says, or `undefined` for an object that is not one of these cards:
   * list pages show thousands of cards between them, and a page key holds each by this.
   */
  text(value: object): string | undefined {
    return this.texts.get(value)
  }

  /** Forget the cards of entries no run since the last sweep asked for. */
  sweep(): void {
    for (const key of this.byEntry.keys()) if (!this.seen.has(key)) this.byEntry.delete(key)
    this.seen = new Set()
  }
}
