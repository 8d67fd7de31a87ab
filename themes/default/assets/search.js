// The search page's results, from Pagefind's index through its JavaScript API, drawn with the
// theme's own elements: a list of links, each labelled entry or lesson theme, with its date and
// outcome. The query comes from `?q=` (every search box submits there, so a search is a plain
// form without this script) and, once loaded, from typing in the page's box.
addEventListener('DOMContentLoaded', async () => {
  const root = document.getElementById('search')
  const input = document.querySelector('.search-form input[name="q"]')
  const status = document.getElementById('search-status')
  const list = document.getElementById('search-results')
  if (!root || !input || !status || !list) return
  const query = new URLSearchParams(location.search).get('q') ?? ''
  input.value = query
  const pagefind = await load(root).catch(() => undefined)
  if (!pagefind) {
    status.textContent = 'Search is not available: its index could not be loaded.'
    return
  }
  const dates = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {dateStyle: 'long', timeZone: 'UTC'})
  // Results come twenty at a time: a button shows the next ones.
  const more = element('button', 'search-more', 'Show more results')
  more.type = 'button'
  more.hidden = true
  root.append(more)
  let shown = ''
  let pending = []
  const showNext = async (term) => {
    const data = await Promise.all(pending.splice(0, 20).map((r) => r.data()))
    // A newer search replaced this one.
    if (shown !== term) return
    list.append(...data.map((result) => item(result, dates)))
    more.hidden = pending.length === 0
  }
  more.addEventListener('click', () => showNext(shown))
  const show = async (term, debounce) => {
    const trimmed = term.trim()
    if (trimmed === shown) return
    shown = trimmed
    history.replaceState(null, '', trimmed ? `?q=${encodeURIComponent(trimmed)}` : location.pathname)
    pending = []
    more.hidden = true
    if (!trimmed) {
      status.textContent = ''
      list.replaceChildren()
      return
    }
    const search = debounce ? await pagefind.debouncedSearch(trimmed, {}, 250) : await pagefind.search(trimmed)
    if (!search || shown !== trimmed) return
    const count = search.results.length
    status.textContent = `${count === 0 ? 'No' : count} ${count === 1 ? 'result' : 'results'} for “${trimmed}”.`
    list.replaceChildren()
    pending = [...search.results]
    await showNext(trimmed)
  }
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault()
    show(input.value, false)
  })
  input.addEventListener('input', () => show(input.value, true))
  if (query) show(query, false)
})

/** Pagefind, with every shard of a large site's index merged into the first. */
async function load(root) {
  const bundles = [root.dataset.bundlePath, ...JSON.parse(root.dataset.mergeIndexes ?? '[]')]
  // A shard may hold no page (none of its pages had text to index), and Pagefind cannot load an empty index: leave those out.
  const filled = bundles.length === 1 ? bundles : (await Promise.all(bundles.map(hasPages))).flatMap((has, i) => (has ? [bundles[i]] : []))
  if (filled.length === 0) throw new Error('No index')
  const [bundlePath, ...others] = filled
  const pagefind = await import(`${bundlePath}pagefind.js`)
  await pagefind.options({bundlePath, baseUrl: root.dataset.baseUrl ?? '/', excerptLength: 24})
  // Each merge fetches its shard's own files: all at once, so many shards cost one round trip, not one each (bench/results.md).
  await Promise.all(others.map((other) => pagefind.mergeIndex(other)))
  await pagefind.init()
  return pagefind
}

async function hasPages(bundlePath) {
  try {
    const entry = await (await fetch(`${bundlePath}pagefind-entry.json`)).json()
    return Object.keys(entry.languages ?? {}).length > 0
  } catch {
    return false
  }
}

/** One result: its title as a link, what it is, and the excerpt with the words found marked. */
function item(result, dates) {
  const meta = result.meta ?? {}
  const li = element('li', 'search-result')
  const title = element('h2', 'search-result-title')
  const link = element('a', '', meta.title || result.url)
  link.href = result.url
  title.append(link)
  const about = element('p', 'search-result-meta')
  about.append(element('span', 'search-result-kind', meta.kind || 'Page'))
  if (meta.date) {
    const time = element('time', '', /^\d{4}-\d{2}-\d{2}$/.test(meta.date) ? dates.format(new Date(`${meta.date}T00:00:00Z`)) : meta.date)
    time.dateTime = meta.date
    about.append(' · ', time)
  }
  if (meta.outcome) about.append(' · ', element('span', `outcome outcome-${meta.outcome.replace(/[^a-z]/g, '')}`, meta.outcome))
  if (meta.learned) about.append(' · ', meta.learned)
  li.append(title, about, excerpt(result.excerpt))
  return li
}

/** Pagefind's excerpt is HTML: keep its text and its marks, nothing else. */
function excerpt(html) {
  const p = element('p', 'search-result-excerpt')
  const parsed = new DOMParser().parseFromString(`<body>${html ?? ''}</body>`, 'text/html').body
  for (const node of parsed.childNodes) p.append(node.nodeName === 'MARK' ? element('mark', '', node.textContent) : (node.textContent ?? ''))
  return p
}

function element(name, className, text) {
  const node = document.createElement(name)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}
