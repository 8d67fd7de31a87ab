import type {ElementContent, Root as HastRoot, RootContent} from 'hast'
import {markPattern, type MarkKind} from '../extract/body-marks.js'

/** What to put where the entry wrote each lesson and commitment: nodes, or nothing. */
export type BodyNotes = {[K in MarkKind]?: (index: number) => ElementContent | ElementContent[] | undefined}

export interface NotedBody {
  /** The body's nodes with the notes in place, ready to be placed in a page. */
  children: RootContent[]
  /** The indexes (in `Entry.lessons` and `Entry.actions`) of those found in the body. */
  placed: Record<MarkKind, Set<number>>
}

/**
 * An entry's body with notes where its lessons and commitments are written (see
 * extract/body-marks.ts). The body's HTML stays as it is, cut where the marks are, with the
 * notes, as trees, between the pieces; a body without marks (a config plugin moved the
 * elements) comes back whole, and `placed` says nothing was found.
 */
export function bodyWithNotes(body: HastRoot, notes: BodyNotes): NotedBody {
  const placed: NotedBody['placed'] = {lesson: new Set(), commitment: new Set()}
  const children = body.children.flatMap((node): RootContent[] => {
    if (node.type !== 'raw') return [node]
    const parts: RootContent[] = []
    let from = 0
    for (const match of node.value.matchAll(markPattern)) {
      const kind = match[1] as MarkKind
      const index = Number(match[2])
      parts.push({type: 'raw', value: node.value.slice(from, match.index)})
      placed[kind].add(index)
      const note = notes[kind]?.(index)
      if (note) parts.push(...[note].flat())
      from = match.index + match[0].length
    }
    parts.push({type: 'raw', value: node.value.slice(from)})
    return parts
  })
  return {children, placed}
}
