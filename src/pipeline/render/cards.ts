import {createHash} from 'node:crypto'
import type {Entry} from '../../types.js'
import type {EntryCard} from './page-data.js'

/**
 * The card of each entry (what list pages show of it), made once per entry object and kept by
 * the engine between runs, with a digest of its text for page keys: list pages show the same
 * cards many times over, and an entry is the same object until its file changes. Owned by one
 * engine, never shared through module state. A card is made from what the entry says, so an
 * entry read again whose card says the same gives a page key that says the same too.
 */
export class CardCache {
  private readonly byEntry = new WeakMap<Entry, EntryCard>()
  private readonly texts = new WeakMap<object, string>()

  card(entry: Entry): EntryCard {
    const kept = this.byEntry.get(entry)
    if (kept) return kept
    const card: EntryCard = {slug: entry.slug, title: entry.meta.title, date: entry.meta.date, url: entry.url, tags: entry.meta.tags, summary: entry.summary}
    if (entry.meta.outcome) card.outcome = entry.meta.outcome
    if (entry.meta.revisit) card.revisit = entry.meta.revisit
    this.byEntry.set(entry, card)
    this.texts.set(card, createHash('sha1').update(JSON.stringify(card)).digest('base64'))
    return card
  }

  /**
   * A digest of what a card says, or `undefined` for an object that is not one of these cards:
   * list pages show thousands of cards between them, and a page key holds each by this.
   */
  text(value: object): string | undefined {
    return this.texts.get(value)
  }
}
