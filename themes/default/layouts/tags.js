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
                h('span.muted', ` · ${tag.entries.length} ${tag.entries.length === 1 ? 'entry' : 'entries'}${tag.themes.length > 0 ? `, ${tag.themes.length} ${tag.themes.length === 1 ? 'lesson' : 'lessons'}` : ''}`)
              ])
            )
          )
        : h('p', 'No tags yet.')
    ]
  })
}
