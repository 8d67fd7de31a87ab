import type {Entry} from '../types.js'
import type {LessonTheme} from './themes.js'
import type {Tag} from './tags.js'

const maxRelated = 3
/** Neighbours looked at on each side, in date order, within one tag or theme. */
const window = 8

/**
 * For each entry, up to three others that share lesson themes (worth two) or tags (worth one),
 * nearest in time first among equals. Candidates come from a window of neighbours in each tag's
 * and theme's date-ordered list, so the work stays linear in the number of entries.
 */
export function relatedEntries(entries: readonly Entry[], tags: readonly Tag[], themes: readonly LessonTheme[]): Map<string, string[]> {
  const order = new Map(entries.map((e, i) => [e.slug, i]))
  const scores = new Map<string, Map<string, number>>()
  const add = (members: string[], weight: number) => {
    const sorted = [...new Set(members)].filter((s) => order.has(s)).sort((a, b) => order.get(a)! - order.get(b)!)
    sorted.forEach((slug, i) => {
      for (let j = Math.max(0, i - window); j <= Math.min(sorted.length - 1, i + window); j++) {
        if (j === i) continue
        const mine = scores.get(slug) ?? new Map<string, number>()
        mine.set(sorted[j]!, (mine.get(sorted[j]!) ?? 0) + weight)
        scores.set(slug, mine)
      }
    })
  }
  for (const tag of tags) add(tag.entries, 1)
  for (const theme of themes) add(theme.occurrences.map((o) => o.entry), 2)

  const related = new Map<string, string[]>()
  for (const entry of entries) {
    const mine = scores.get(entry.slug)
    if (!mine) continue
    const here = order.get(entry.slug)!
    related.set(
      entry.slug,
      [...mine]
        .sort((a, b) => b[1] - a[1] || Math.abs(order.get(a[0])! - here) - Math.abs(order.get(b[0])! - here) || (a[0] < b[0] ? -1 : 1))
        .slice(0, maxRelated)
        .map(([slug]) => slug)
    )
  }
  return related
}
