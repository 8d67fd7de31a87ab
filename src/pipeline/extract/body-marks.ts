import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {eachElement} from './each-element.js'

/** What a mark stands for: one of the entry's lessons, or one of its commitments. */
export type MarkKind = 'lesson' | 'commitment'

/**
 * Where one of the entry's lessons or commitments was written: the offset in the source of the
 * Markdown node it was read from, and its index in `Entry.lessons` or `Entry.actions`.
 */
export interface BodyMark {
  kind: MarkKind
  index: number
  offset: number
}

/** The elements a lesson (list item or paragraph) or a commitment (list item or table row) becomes. */
const elementsOf: Record<MarkKind, readonly string[]> = {lesson: ['li', 'p'], commitment: ['li', 'tr']}

/**
 * A comment that stands where notes about a lesson or commitment go. It cannot come from the
 * entry: the sanitiser drops every comment, and the serialiser writes `"` in attribute values
 * and `<` in text as references, so `<!--"` never appears in a body except as a mark.
 */
export const markPattern = /<!--"bounceback:(lesson|commitment):(\d+)"-->/g

const markComment = (kind: MarkKind, index: number) => `"bounceback:${kind}:${index}"`

/**
 * Mark, in a sanitised body, the element each lesson and commitment became (found by the place
 * it starts in the source, so nothing the entry's own HTML says can be taken for one): a
 * `data-lesson` or `data-commitment` attribute with its index, and a comment inside it where
 * notes about it go (before a nested list, else at its end; in a table row, in its last cell).
 * An element no longer where the Markdown put it (a config plugin moved it) is left unmarked.
 */
export function markBody(tree: HastRoot, marks: readonly BodyMark[]): void {
  if (marks.length === 0) return
  const byOffset = new Map(marks.map((mark) => [mark.offset, mark]))
  eachElement(tree, (node) => {
    const offset = node.position?.start.offset
    const mark = offset === undefined ? undefined : byOffset.get(offset)
    if (!mark || !elementsOf[mark.kind].includes(node.tagName)) return
    byOffset.delete(offset!)
    node.properties[mark.kind === 'lesson' ? 'dataLesson' : 'dataCommitment'] = String(mark.index)
    const comment: ElementContent = {type: 'comment', value: markComment(mark.kind, mark.index)}
    const holder = node.tagName === 'tr' ? lastCell(node) : node
    if (!holder) return
    const nested = holder.children.findIndex((child) => child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol'))
    holder.children.splice(nested === -1 ? holder.children.length : nested, 0, comment)
  })
}

function lastCell(row: Element): Element | undefined {
  return row.children.findLast((child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th'))
}
