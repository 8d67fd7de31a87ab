/**
 * The page static hosts serve for a missing URL.
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
    main: [h('h1', 'Page not found'), h('p', ['Nothing lives at this address. ', h('a', {href: url('/')}, 'Back to all post-mortems'), '.'])]
  })
}
