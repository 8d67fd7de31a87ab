/**
 * The frame around every page: head, skip link, header with navigation, main, footer.
 * @param {import('bounceback').BasePageData} data
 * @param {import('bounceback').LayoutContext} ctx
 * @returns {import('hast').Root}
 */
export default function base(data, {h, site, url}) {
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
          h('link', {rel: 'stylesheet', href: url('/assets/style.css')}),
          h('link', {rel: 'icon', href: url('/assets/favicon.svg'), type: 'image/svg+xml'})
        ]),
        h('body', [
          h('a.skip-link', {href: '#main'}, 'Skip to content'),
          h('header.site-header', [
            h('a.site-title', {href: url('/')}, site.title),
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
