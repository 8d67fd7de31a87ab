import {searchForm} from './parts.js'

/**
 * The page static hosts serve for a missing URL: a way back, and a search box.
 * @param {import('bounceback').NotFoundPageData} _data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function notFound(_data, ctx) {
  const {h, url} = ctx
  return ctx.layout('base', {
    title: 'Page not found',
    description: 'This page does not exist.',
    url: '/404.html',
    searchInMain: true,
    main: [
      h('h1', 'Page not found'),
      h('p', ['Nothing lives at this address. ', h('a', {href: url('/')}, 'Back to all post-mortems'), ', or search for what you were looking for.']),
      searchForm(ctx, {id: 'search-q', label: 'Search entries and lessons', className: 'search-form'})
    ]
  })
}
