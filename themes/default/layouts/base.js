import {searchForm} from './parts.js'

/**
 * The frame around every page: head, skip link, header with navigation, main, footer.
 * @param {import('bounceback').BasePageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function base(data, ctx) {
  const {h, site, url, absoluteUrl} = ctx
  const sections = [
    ['/', 'Home'],
    ['/lessons/', 'Lessons'],
    ['/growth/', 'Growth'],
    ['/actions/', 'Actions'],
    ['/tags/', 'Tags']
  ]
  const title = data.url === '/' ? site.title : `${data.title} · ${site.title}`
  return {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: site.lang}, [
        h('head', [
          h('meta', {charset: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('title', title),
          h('meta', {name: 'description', content: data.description}),
          site.url ? h('link', {rel: 'canonical', href: absoluteUrl(data.url)}) : undefined,
          h('meta', {property: 'og:title', content: data.title}),
          h('meta', {property: 'og:description', content: data.description}),
          h('meta', {property: 'og:type', content: data.url === '/' ? 'website' : 'article'}),
          h('meta', {property: 'og:site_name', content: site.title}),
          site.url ? h('meta', {property: 'og:url', content: absoluteUrl(data.url)}) : undefined,
          data.pagination?.previous ? h('link', {rel: 'prev', href: url(data.pagination.previous)}) : undefined,
          data.pagination?.next ? h('link', {rel: 'next', href: url(data.pagination.next)}) : undefined,
          h('link', {rel: 'stylesheet', href: url('/assets/style.css')}),
          h('link', {rel: 'icon', href: url('/assets/favicon.svg'), type: 'image/svg+xml'}),
          h('link', {rel: 'alternate', type: 'application/atom+xml', title: site.title, href: url('/feed.xml')})
        ]),
        h('body', [
          h('a.skip-link', {href: '#main'}, 'Skip to content'),
          h('header.site-header', [
            h('a.site-title', {href: url('/')}, site.title),
            // A page with a search box of its own (the search page, the 404 page) has one only.
            data.searchInMain
              ? undefined
              : searchForm(ctx, {id: 'site-search-q', label: 'Search', className: 'site-search', hideLabel: true, placeholder: 'Search…'}),
            h('nav', {'aria-label': 'Site'}, [
              h(
                'ul',
                sections.map(([href, label]) => {
                  const current = href === '/' ? data.url === '/' : data.url.startsWith(href)
                  return h('li', h('a', {href: url(href), 'aria-current': current ? 'page' : undefined}, label))
                })
              )
            ])
          ]),
          h('main#main', {tabindex: '-1'}, data.main),
          h('footer.site-footer', [
            h('p', [site.author ? `${site.author} · ` : '', 'Built with ', h('a', {href: 'https://www.npmjs.com/package/bounceback'}, 'bounceback'), '.'])
          ])
        ])
      ])
    ]
  }
}
