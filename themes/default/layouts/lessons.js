/**
 * Every lesson theme, recurring ones first.
 * @param {import('bounceback').LessonsPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function lessons(data, ctx) {
  const {h, url, formatDate} = ctx
  const recurring = data.themes.filter((t) => t.recurring)
  const once = data.themes.filter((t) => !t.recurring)
  const list = (themes) =>
    h(
      'ul.theme-list',
      themes.map((t) =>
        h('li', [
          h('a', {href: url(t.url)}, t.text),
          h('span.muted', [
            ` · ${t.count} ${t.count === 1 ? 'time' : 'times'}`,
            t.entryCount > 1 ? ` in ${t.entryCount} entries` : '',
            ', ',
            h('time', {dateTime: t.first}, formatDate(t.first)),
            t.last !== t.first ? [' to ', h('time', {dateTime: t.last}, formatDate(t.last))] : ''
          ])
        ])
      )
    )
  return ctx.layout('base', {
    title: 'Lessons',
    description: 'Every lesson learned, grouped by what it says; the ones that keep coming back first.',
    url: '/lessons/',
    main: [
      h('h1', 'Lessons'),
      h('p.lead', 'What I learned, grouped by what it says. A lesson learned twice was not learned the first time.'),
      h('section', {'aria-labelledby': 'recurring-heading'}, [
        h('h2#recurring-heading', `Recurring (${recurring.length})`),
        recurring.length > 0 ? list(recurring) : h('p', 'No lesson has come back yet.')
      ]),
      once.length > 0 ? h('section', {'aria-labelledby': 'once-heading'}, [h('h2#once-heading', `Learned once (${once.length})`), list(once)]) : undefined
    ]
  })
}
