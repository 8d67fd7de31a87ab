import {searchForm} from './parts.js'

/**
 * The search page: one search box, and the results, which the theme's script fills in with
 * Pagefind (the header's box submits here as `?q=`). Without JavaScript the page says so and
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
    searchInMain: true,
    main: [
      h('h1', 'Search'),
      searchForm(ctx, {id: 'search-q', label: 'Search entries and lessons', className: 'search-form'}),
      h(
        'div#search',
        {
          'data-bundle-path': url('/pagefind/'),
          'data-base-url': url('/'),
          'data-merge-indexes': data.indexes.length > 0 ? JSON.stringify(data.indexes.map(url)) : undefined
        },
        [h('p#search-status.muted', {role: 'status'}), h('ol#search-results.search-results')]
      ),
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
      h('script', {src: url('/assets/search.js')})
    ]
  })
}
