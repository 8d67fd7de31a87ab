import {commitmentItem, entryLinks, outcomeBadge, tagList} from './parts.js'

/**
 * One post-mortem: its facts, the review as written, then what it connects to.
 * @param {import('bounceback').EntryPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function entry(data, ctx) {
  const {h, url, formatDate} = ctx
  const {meta} = data.entry
  const facts = [
    ['Date', h('time', {dateTime: meta.date, 'data-pagefind-meta': 'date[datetime]'}, formatDate(meta.date))],
    meta.outcome ? ['Outcome', h('span', {'data-pagefind-meta': 'outcome'}, outcomeBadge(ctx, meta.outcome))] : undefined,
    meta.cause ? ['Cause', meta.cause] : undefined,
    meta.cost ? ['Cost', costText(meta.cost)] : undefined,
    meta.feedback.length > 0 ? ['Feedback from', meta.feedback.join(', ')] : undefined,
    meta.revisit ? ['Revisit', h('time', {dateTime: meta.revisit}, formatDate(meta.revisit))] : undefined
  ].filter(Boolean)
  // Each lesson and commitment is shown once, where the entry writes it, with what the rest of
  // the site knows of it; any the body does not hold (a config plugin moved them) are listed below.
  const body = ctx.bodyWithNotes(data.entry.body, {
    lesson: (i) => data.lessons[i] && lessonNote(ctx, data.lessons[i]),
    commitment: (i) => data.commitments[i] && commitmentNote(ctx, data.commitments[i])
  })
  const lessons = data.lessons.flatMap((lesson, i) => (body.placed.lesson.has(i) ? [] : [h('li', [lesson.text, lessonNote(ctx, lesson)])]))
  const commitments = data.commitments.filter((_, i) => !body.placed.commitment.has(i))
  const pager = [
    data.previous
      ? h('a', {href: url(data.previous.url), rel: 'prev'}, [h('span.pager-label', '← Older'), ' ', h('span.pager-title', data.previous.title)])
      : undefined,
    data.next ? h('a', {href: url(data.next.url), rel: 'next'}, [h('span.pager-label', 'Newer →'), ' ', h('span.pager-title', data.next.title)]) : undefined
  ].filter(Boolean)
  return ctx.layout('base', {
    title: meta.title,
    description: data.entry.summary || meta.title,
    url: data.entry.url,
    main: [
      h('article.entry', {'data-pagefind-body': '', 'data-pagefind-meta': 'kind:Entry'}, [
        h('header', [
          h('h1', meta.title),
          h(
            'dl.facts',
            {'data-pagefind-ignore': ''},
            facts.flatMap(([term, value]) => [h('dt', term), h('dd', value)])
          ),
          h('div', {'data-pagefind-ignore': ''}, tagList(ctx, meta.tags))
        ]),
        h('div.entry-body', body.children)
      ]),
      lessons.length > 0
        ? h('section.connections', {'aria-labelledby': 'lessons-heading'}, [h('h2#lessons-heading', 'Lessons, across entries'), h('ul', lessons)])
        : undefined,
      commitments.length > 0
        ? h('section.connections', {'aria-labelledby': 'commitments-heading'}, [
            h('h2#commitments-heading', 'Commitments'),
            h(
              'ul.commitments',
              commitments.map((c) => commitmentItem(ctx, c, false))
            )
          ])
        : undefined,
      data.related.length > 0
        ? h('section.connections', {'aria-labelledby': 'related-heading'}, [h('h2#related-heading', 'Related entries'), entryLinks(ctx, data.related)])
        : undefined,
      pager.length > 0 ? h('nav.pager', {'aria-label': 'Older and newer entries'}, pager) : undefined
    ]
  })
}

/**
 * What the site knows of one lesson, beside it: how often it was learned, linked to its theme,
 * and where else. Not indexed for search: the lesson's own words are.
 * @param {import('bounceback').LayoutContext} ctx @param {import('bounceback').EntryLesson} lesson
 */
function lessonNote(ctx, lesson) {
  const {h, url} = ctx
  const {theme} = lesson
  const times =
    theme.count === 1 ? 'Learned once so far' : `Learned ${theme.count} times${theme.entryCount !== theme.count ? ` in ${theme.entryCount} entries` : ''}`
  return h('span', {className: theme.recurring ? ['lesson-note', 'is-recurring'] : ['lesson-note'], 'data-pagefind-ignore': ''}, [
    h('a', {href: url(theme.url)}, times),
    lesson.alsoIn.length > 0
      ? [
          ', also in ',
          ...lesson.alsoIn.flatMap((e, i) => [i > 0 ? ', ' : '', h('a', {href: url(e.url)}, e.title)]),
          lesson.alsoInMore > 0 ? [' and ', h('a', {href: url(theme.url)}, `${lesson.alsoInMore} more`)] : ''
        ]
      : '',
    '.'
  ])
}

/**
 * A commitment's status, beside it: done, open or overdue (calmly: a reminder, not an alarm).
 * @param {import('bounceback').LayoutContext} ctx @param {import('bounceback').Commitment} c
 */
function commitmentNote(ctx, c) {
  const {h, url} = ctx
  const [status, label] = c.done ? ['done', 'Done'] : c.overdue ? ['overdue', 'Overdue'] : ['open', 'Open']
  return h('span.commitment-note', {'data-pagefind-ignore': ''}, [
    ' ',
    c.done ? h('span', {className: ['status', `status-${status}`]}, label) : h('a', {className: ['status', `status-${status}`], href: url('/actions/')}, label)
  ])
}

function costText(cost) {
  const currency = cost.currency ? ` ${cost.currency}` : ''
  const parts = []
  if (cost.spent !== undefined) parts.push(`spent ${cost.spent}${currency}`)
  if (cost.earned !== undefined) parts.push(`earned ${cost.earned}${currency}`)
  return parts.join(', ')
}
