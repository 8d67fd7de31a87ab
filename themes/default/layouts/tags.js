/**
 * Every tag, on entries and on lessons.
 * @param {import('bounceback').TagsPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function tags(data, ctx) {
  const {h, url} = ctx
  return ctx.layout('base', {
    title: 'Tags',
    description: 'Entries and lessons by tag.',
    url: '/tags/',
    main: [
      h('h1', 'Tags'),
      data.tags.length > 0
        ? h(
            'ul.tag-index',
            data.tags.map((tag) =>
              h('li', [
                h('a', {href: url(tag.url)}, tag.name),
                // Only what the tag is on: "0 entries" says nothing.
                h(
                  'span.muted',
                  ` · ${[
                    tag.entries.length > 0 ? count(tag.entries.length, 'entry', 'entries') : '',
                    tag.themes.length > 0 ? count(tag.themes.length, 'lesson', 'lessons') : ''
                  ]
                    .filter(Boolean)
                    .join(', ')}`
                )
              ])
            )
          )
        : h('p', 'No tags yet.')
    ]
  })
}

function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`
}
