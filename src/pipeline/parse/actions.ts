import type {ListItem, RootContent} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'

/** A commitment as written, with the node it came from. */
export interface RawAction {
  node: ListItem
  text: string
  /** `undefined` for a list item without a checkbox. */
  done: boolean | undefined
  /** The text inside `(due …)`, not yet checked. */
  due?: string
}

const dueMarker = /\s*\(\s*due:?\s+([^)]*?)\s*\)/i

/** Every top-level list item of the actions section; task items are commitments. */
export function readActions(children: readonly RootContent[]): RawAction[] {
  return children
    .flatMap((node) => (node.type === 'list' ? node.children : []))
    .map((item) => {
      const raw = item.children
        .filter((child) => child.type !== 'list')
        .map((child) => mdastToString(child, {includeHtml: false}))
        .join(' ')
      const due = dueMarker.exec(raw)
      const action: RawAction = {
        node: item,
        text: raw.replace(dueMarker, '').replace(/\s+/g, ' ').trim(),
        done: typeof item.checked === 'boolean' ? item.checked : undefined
      }
      if (due) action.due = due[1]
      return action
    })
}
