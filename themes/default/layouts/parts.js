/** Small pieces several layouts share. Each takes the layout context first. */

/** @param {import('bounceback').LayoutContext} ctx @param {string | undefined} outcome */
export function outcomeBadge({h}, outcome) {
  if (!outcome) return undefined
  return h('span', {className: ['outcome', `outcome-${outcome}`]}, outcome)
}

/** Tags as links to their pages. @param {import('bounceback').LayoutContext} ctx @param {string[]} tags */
export function tagList(ctx, tags) {
  if (!tags || tags.length === 0) return undefined
  const {h, url, tagUrl} = ctx
  return h(
    'ul.tags',
    {'aria-label': 'Tags'},
    tags.map((tag) => h('li', h('a', {href: url(tagUrl(tag))}, tag)))
  )
}

/** A compact list of entries: link and date. @param {import('bounceback').LayoutContext} ctx @param {import('bounceback').EntryCard[]} entries */
export function entryLinks(ctx, entries) {
  const {h, url, formatDate} = ctx
  return h(
    'ul.entry-links',
    entries.map((e) => h('li', [h('a', {href: url(e.url)}, e.title), ' ', h('time.muted', {dateTime: e.date}, formatDate(e.date))]))
  )
}

/** One commitment with its status. @param {import('bounceback').LayoutContext} ctx @param {import('bounceback').Commitment} c @param {boolean} withEntry */
export function commitmentItem(ctx, c, withEntry) {
  const {h, url, formatDate} = ctx
  const status = c.done ? 'Done' : c.overdue ? 'Overdue' : 'Open'
  return h('li', {className: ['commitment', c.done ? 'is-done' : c.overdue ? 'is-overdue' : 'is-open']}, [
    h('span.status', status),
    ' ',
    h('span.commitment-text', c.text),
    c.owner ? [' ', h('span.muted.owner', ['(', c.owner, ')'])] : undefined,
    c.status && !['done', 'open'].includes(c.status.toLowerCase()) ? [' ', h('span.muted.as-written', c.status)] : undefined,
    c.due ? [' ', h('span.muted', ['due ', h('time', {dateTime: c.due}, formatDate(c.due))])] : undefined,
    withEntry
      ? [' ', h('span.muted.from', ['from ', h('a', {href: url(c.entryUrl)}, c.entryTitle), ', ', h('time', {dateTime: c.made}, formatDate(c.made))])]
      : undefined
  ])
}

/**
 * A chart, its legend and its table. The table scrolls in its own box, so a wide one never widens
 * the page; the box can take focus, so it scrolls from the keyboard too.
 * @param {import('bounceback').LayoutContext} ctx @param {import('bounceback').Chart} chart
 */
export function chartFigure(ctx, chart) {
  const {h} = ctx
  return h('figure.chart-figure', {'aria-labelledby': `${chart.id}-caption`}, [
    h('figcaption', {id: `${chart.id}-caption`}, [h('strong', chart.title), ' ', h('span.muted', chart.description)]),
    chart.legend ?? '',
    chart.svg,
    h('details', [
      h('summary', ['The numbers: ', chart.title.toLowerCase()]),
      h('div.table-scroll', {tabIndex: 0, role: 'region', ariaLabel: `${chart.title}: the numbers`}, chart.table)
    ])
  ])
}

/**
 * A search box that submits to the search page as `?q=`, so it works without JavaScript too.
 * @param {import('bounceback').LayoutContext} ctx
 * @param {{id: string, label: string, className: string, hideLabel?: boolean, placeholder?: string}} options
 */
export function searchForm({h, url}, {id, label, className, hideLabel = false, placeholder}) {
  return h('form', {className: [className], action: url('/search/'), method: 'get', role: 'search'}, [
    h('label', {for: id, className: hideLabel ? ['visually-hidden'] : []}, label),
    h('span.search-row', [
      h('input', {id, type: 'search', name: 'q', autocomplete: 'off', enterKeyHint: 'search', placeholder}),
      h('button', {type: 'submit'}, 'Search')
    ])
  ])
}

/**
 * Entries grouped by year, newest first as given: each a link, its date and its outcome.
 * @param {import('bounceback').LayoutContext} ctx @param {import('bounceback').EntryCard[]} entries @param {string} heading
 */
export function entriesByYear(ctx, entries, heading) {
  const {h, url, formatDate} = ctx
  const years = []
  for (const e of entries) {
    const year = e.date.slice(0, 4)
    if (years.at(-1)?.year !== year) years.push({year, entries: []})
    years.at(-1).entries.push(e)
  }
  return years.map(({year, entries: inYear}) =>
    h('div.year-group', [
      h(heading, year),
      h(
        'ul.entry-links',
        inYear.map((e) =>
          h('li', [
            h('a', {href: url(e.url)}, e.title),
            ' ',
            h('time.muted', {dateTime: e.date}, formatDate(e.date)),
            e.outcome ? [' ', outcomeBadge(ctx, e.outcome)] : ''
          ])
        )
      )
    ])
  )
}
