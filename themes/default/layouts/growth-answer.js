/** The growth page's answer in words: the latest period against the one before, each figure linking to the entries behind it. */
import {outcomeBadge} from './parts.js'

/** What each cause means, in words. */
export const causeWords = {information: 'missing information', application: 'misused information', circumstances: 'circumstances'}
const causes = /** @type {const} */ (['information', 'application', 'circumstances'])

/**
 * @param {import('bounceback').LayoutContext} ctx
 * @param {import('bounceback').GrowthPageData} data
 */
export function growthAnswer(ctx, data) {
  const {h} = ctx
  const {latest, previous} = data
  if (!latest) return [h('p', 'No entries yet: the answer comes with the first ones.')]
  const n = (value) => ctx.formatNumber(value)
  const pct = (share) => ctx.formatNumber(share, {style: 'percent', maximumFractionDigits: 0})
  /** A figure, linked to the list of the entries behind it. */
  const link = (period, text) => h('a', {href: `#${period.anchor}`}, text)
  const trend = (now, before) => (now < before ? 'down from' : now > before ? 'up from' : 'the same as')
  const against = previous ? ` in ${previous.label}` : ''

  const failedOf = (p) => (p.failedShare === null ? 'no outcome given' : `${n(p.outcomes.failed)} of ${n(p.withOutcome)} (${pct(p.failedShare)})`)
  const failed = h('li', [
    h('strong', 'Failures: '),
    link(latest, failedOf(latest)),
    latest.failedShare === null ? '' : ' failed',
    previous
      ? [
          ', ',
          previous.failedShare !== null && latest.failedShare !== null ? trend(latest.failedShare, previous.failedShare) : 'against',
          ' ',
          link(previous, failedOf(previous)),
          against
        ]
      : '',
    '.'
  ])

  const causesOf = (p) =>
    p.withCause === 0
      ? 'no cause given'
      : causes
          .filter((c) => p.causes[c] > 0)
          .map((c) => `${causeWords[c]} ${n(p.causes[c])} of ${n(p.withCause)} (${pct(p.causeShares[c] ?? 0)})`)
          .join(', ')
  const cause = h('li', [h('strong', 'Causes: '), link(latest, causesOf(latest)), previous ? ['; ', link(previous, causesOf(previous)), against] : '', '.'])

  const keptOf = (p) =>
    p.commitments.share === null ? 'no commitment made' : `${n(p.commitments.kept)} of ${n(p.commitments.made)} (${pct(p.commitments.share)})`
  const kept = h('li', [
    h('strong', 'Commitments kept: '),
    link(latest, keptOf(latest)),
    previous
      ? [
          ', ',
          previous.commitments.share !== null && latest.commitments.share !== null ? trend(latest.commitments.share, previous.commitments.share) : 'against',
          ' ',
          link(previous, keptOf(previous)),
          against
        ]
      : '',
    '.'
  ])

  const again = h('li', [
    h('strong', 'Lessons learned again: '),
    link(latest, `${n(latest.recurringLessons)} ${latest.recurringLessons === 1 ? 'lesson' : 'lessons'} written down before`),
    previous ? [', against ', link(previous, n(previous.recurringLessons)), against] : '',
    '.'
  ])
  return [
    h('h2#answer-heading', previous ? `${latest.label} against ${previous.label}` : latest.label),
    h('ul.growth-answer', [failed, cause, kept, again, recurringItem(ctx, data)])
  ]
}

/** @param {import('bounceback').LayoutContext} ctx @param {import('bounceback').GrowthPageData} data */
function recurringItem(ctx, data) {
  const {h, url, formatDate} = ctx
  const {still, quiet, asOf} = data.recurring
  const themeLinks = (themes, withLast) =>
    h(
      'ul',
      themes.map((t) =>
        h('li', [h('a', {href: url(t.url)}, t.text), withLast ? [' (last written down ', h('time', {dateTime: t.last}, formatDate(t.last)), ')'] : ''])
      )
    )
  if (still.length === 0 && quiet.length === 0)
    return h('li', [h('strong', 'Recurring lessons: '), 'none yet: no lesson has been written down in two entries.'])
  const asOfText = asOf ? ['the year up to ', h('time', {dateTime: asOf}, formatDate(asOf))] : 'the last year'
  const count = (n, one, many) => `${ctx.formatNumber(n)} ${n === 1 ? one : many}`
  return h('li', [
    h('strong', 'Recurring lessons: '),
    still.length > 0 ? [count(still.length, 'still comes', 'still come'), ' back (written down again in ', asOfText, '):', themeLinks(still, false)] : '',
    quiet.length > 0 ? [count(quiet.length, 'has', 'have'), ' not come back for a year:', themeLinks(quiet, true)] : 'None has stayed away for a year yet.'
  ])
}

/**
 * The entries behind the figures, one list per compared period.
 * @param {import('bounceback').LayoutContext} ctx
 * @param {import('bounceback').GrowthPeriod} period
 */
export function periodEntries(ctx, period) {
  const {h, url, formatDate} = ctx
  const count = period.entries.length
  // A large site lists a period's first entries, then where the rest are: its year's archive.
  const shown = period.entries.slice(0, listedPerPeriod)
  const year = /^\d{4}(?:-Q\d)?$/.test(period.period) ? period.period.slice(0, 4) : undefined
  const rest = count - shown.length
  return h('section.growth-period', {id: period.anchor, ariaLabelledBy: `${period.anchor}-heading`}, [
    h('h3', {id: `${period.anchor}-heading`}, `${period.label}: ${ctx.formatNumber(count)} ${count === 1 ? 'entry' : 'entries'}`),
    count === 0
      ? h('p', 'No entries in this period.')
      : h(
          'ul.entry-links',
          shown.map((e) =>
            h('li', [
              h('a', {href: url(e.card.url)}, e.card.title),
              ' ',
              h('time.muted', {dateTime: e.card.date}, formatDate(e.card.date)),
              e.card.outcome ? [' ', outcomeBadge(ctx, e.card.outcome)] : '',
              e.cause ? [' ', h('span.muted', `cause: ${causeWords[e.cause]}`)] : '',
              e.made > 0 ? [' ', h('span.muted', `${ctx.formatNumber(e.kept)} of ${ctx.formatNumber(e.made)} commitments kept`)] : ''
            ])
          )
        ),
    rest > 0
      ? h('p.muted', [
          `… and ${ctx.formatNumber(rest)} more`,
          year ? [': every entry of ', h('a', {href: url(`/${year}/`)}, year), ' is in its archive'] : '',
          '.'
        ])
      : undefined
  ])
}

/** Entries listed under one period's figures on the growth page; the rest are in the year's archive. */
const listedPerPeriod = 40
