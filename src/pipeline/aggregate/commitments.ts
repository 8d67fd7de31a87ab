import type {Entry} from '../../types.js'

/** A task from an entry's `actions` section, with where it came from. */
export interface Commitment {
  entry: string
  entryTitle: string
  entryUrl: string
  /** The date of the entry that made it. */
  made: string
  text: string
  done: boolean
  due?: string
  /** Who took it on, and its status as written (from an action-items table). */
  owner?: string
  status?: string
  /** Open, with a due date before today. */
  overdue: boolean
}

/** Every commitment, oldest entry first, in the order written. */
export function collectCommitments(entries: readonly Entry[], today: string): Commitment[] {
  const chronological = [...entries].sort((a, b) => (a.meta.date < b.meta.date ? -1 : a.meta.date > b.meta.date ? 1 : a.slug < b.slug ? -1 : 1))
  return chronological.flatMap((entry) =>
    entry.actions.map((action) => {
      const commitment: Commitment = {
        entry: entry.slug,
        entryTitle: entry.meta.title,
        entryUrl: entry.url,
        made: entry.meta.date,
        text: action.text,
        done: action.done,
        overdue: !action.done && action.due !== undefined && action.due < today
      }
      if (action.due !== undefined) commitment.due = action.due
      if (action.owner !== undefined) commitment.owner = action.owner
      if (action.status !== undefined) commitment.status = action.status
      return commitment
    })
  )
}

/** Open commitments, oldest first (by the entry that made them, then by due date). */
export function openCommitments(all: readonly Commitment[]): Commitment[] {
  return all
    .filter((c) => !c.done)
    .sort((a, b) => (a.made < b.made ? -1 : a.made > b.made ? 1 : (a.due ?? '9999') < (b.due ?? '9999') ? -1 : (a.due ?? '9999') > (b.due ?? '9999') ? 1 : 0))
}
