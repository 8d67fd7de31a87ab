/**
 * The search page. Pagefind's interface needs JavaScript; without it, the page says so and
 * points to the other ways in: lessons, tags and the list of entries.
 * @param {import('bounceback').SearchPageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function search(data, ctx) {
  const {h, url} = ctx
  return ctx.layout('base', {
    title: 'Search',
    description: 'Search every post-mortem and lesson.',
    url: '/search/',
    main: [
      h('h1', 'Search'),
      h('link', {rel: 'stylesheet', href: url('/pagefind/pagefind-ui.css')}),
      h('div#search', {
        'data-bundle-path': url('/pagefind/'),
        'data-merge-indexes': data.indexes.length > 0 ? JSON.stringify(data.indexes.map(url)) : undefined
      }),
      h(
        'noscript',
        h('p', [
          'Search needs JavaScript. You can also browse ',
          h('a', {href: url('/lessons/')}, 'lessons'),
          ', ',
          h('a', {href: url('/tags/')}, 'tags'),
          ' or ',
          h('a', {href: url('/')}, 'every entry'),
          '.'
        ])
      ),
      h('script', {src: url('/pagefind/pagefind-ui.js')}),
      h('script', {src: url('/assets/search.js')})
    ]
  })
}
