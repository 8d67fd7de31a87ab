import type {ListItem, RootContent, Table, TableRow} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'

/** A commitment as written, with the node it came from. */
export interface RawAction {
  node: ListItem | TableRow
  text: string
  /** `undefined` for a list item without a checkbox. */
  done: boolean | undefined
  /** The text inside `(due …)` or a Due column, not yet checked. */
  due?: string
  owner?: string
  status?: string
}

const dueMarker = /\s*\(\s*due:?\s+([^)]*?)\s*\)/i

/**
 * Every top-level list item of the actions section (task items are commitments), and every row
 * of an action-items table there.
 */
export function readActions(children: readonly RootContent[]): RawAction[] {
  return children.flatMap((node) => (node.type === 'list' ? node.children.map(fromItem) : node.type === 'table' ? fromTable(node) : []))
}

function fromItem(item: ListItem): RawAction {
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
}

type Column = 'action' | 'owner' | 'status' | 'due'

/** Header names, lower-cased, of the columns a commitment is read from; others (Type, Bug, Priority) are shown only. */
const columnNames: Record<Column, readonly string[]> = {
  action: ['action', 'actions', 'action item', 'action items', 'item', 'task', 'description', 'what', 'corrective action', 'follow-up', 'todo'],
  owner: ['owner', 'owners', 'assignee', 'assigned to', 'who', 'responsible'],
  status: ['status', 'state', 'done', 'progress'],
  due: ['due', 'due date', 'deadline', 'by', 'target date', 'when', 'eta']
}

/** A status that says the work is done. */
const doneStatus = /^(?:done|closed|complete|completed|fixed|resolved|shipped|finished|yes|y|x|\[x\]|✓|✔|✅)$/i

/**
 * An action-items table: one commitment per body row, its text from the Action column (else the
 * first column that is none of the others), done when its Status says so.
 */
function fromTable(table: Table): RawAction[] {
  const [header, ...rows] = table.children
  if (!header) return []
  const names = header.children.map((cell) => cellText(cell).toLowerCase().replace(/[:*_]/g, '').trim())
  const at = {} as Record<Column, number>
  for (const column of Object.keys(columnNames) as Column[]) at[column] = names.findIndex((name) => columnNames[column].includes(name))
  if (at.action === -1) at.action = names.findIndex((_, i) => i !== at.owner && i !== at.status && i !== at.due)
  if (at.action === -1) return []
  return rows.map((row) => {
    const cell = (column: Column) => (at[column] === -1 ? '' : cellText(row.children[at[column]]))
    const text = cell('action')
    const due = dueMarker.exec(text)?.[1] ?? (cell('due') || undefined)
    const status = cell('status')
    const action: RawAction = {node: row, text: text.replace(dueMarker, '').trim(), done: at.status === -1 ? false : doneStatus.test(status)}
    if (due) action.due = due
    if (cell('owner')) action.owner = cell('owner')
    if (status) action.status = status
    return action
  })
}

function cellText(cell: TableRow['children'][number] | undefined): string {
  return cell ? mdastToString(cell, {includeHtml: false}).replace(/\s+/g, ' ').trim() : ''
}
