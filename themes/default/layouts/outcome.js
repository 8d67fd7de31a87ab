/** Shared bits of entry metadata, used by several layouts. */

/** @param {import('bounceback').LayoutContext['h']} h */
export function outcomeBadge(h, outcome) {
  if (!outcome) return undefined
  return h('span', {className: ['outcome', `outcome-${outcome}`]}, outcome)
}

/** @param {import('bounceback').LayoutContext['h']} h */
export function tagList(h, tags) {
  if (!tags || tags.length === 0) return undefined
  return h('ul.tags', {'aria-label': 'Tags'}, tags.map((tag) => h('li', tag)))
}
