import type {Entry} from '../../types.js'
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
  const indexOf = new Map(entries.map((e, i) => [e.slug, i]))
  const scores: (Map<number, number> | undefined)[] = new Array(entries.length)
  const add = (slugs: readonly string[], weight: number) => {
    const members = [...new Set(slugs.map((slug) => indexOf.get(slug)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b)
    for (let i = 0; i < members.length; i++) {
      const mine = (scores[members[i]!] ??= new Map())
      for (let j = Math.max(0, i - window); j <= Math.min(members.length - 1, i + window); j++) {
        if (j !== i) mine.set(members[j]!, (mine.get(members[j]!) ?? 0) + weight)
      }
    }
  }
  for (const tag of tags) add(tag.entries, 1)
  for (const theme of themes)
    add(
      theme.occurrences.map((o) => o.entry),
      2
    )

  const related = new Map<string, string[]>()
  scores.forEach((mine, here) => {
    if (!mine) return
    // Keep the best three in one pass rather than sorting every candidate.
    const before = (a: [number, number], b: [number, number]) => b[1] - a[1] || Math.abs(a[0] - here) - Math.abs(b[0] - here) || a[0] - b[0]
    const best: [number, number][] = []
    for (const candidate of mine) {
      if (best.length === maxRelated && before(candidate, best[maxRelated - 1]!) >= 0) continue
      best.push(candidate)
      best.sort(before)
      if (best.length > maxRelated) best.pop()
    }
    related.set(
      entries[here]!.slug,
      best.map(([i]) => entries[i]!.slug)
    )
  })
  return related
}
