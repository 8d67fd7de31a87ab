// Starts Pagefind's search interface on the search page, and runs the query from `?q=` (the
// search box in the header submits there, so it works the same with or without this script).
addEventListener('DOMContentLoaded', async () => {
  const element = document.getElementById('search')
  if (!element || typeof PagefindUI === 'undefined') return
  const bundles = [element.dataset.bundlePath, ...JSON.parse(element.dataset.mergeIndexes ?? '[]')]
  // A large site's index comes in shards, merged into the first. A shard may hold no page (none
  // of its pages had text to index), and Pagefind cannot load an empty index: leave those out.
  const filled = bundles.length === 1 ? bundles : (await Promise.all(bundles.map(hasPages))).flatMap((has, i) => (has ? [bundles[i]] : []))
  if (filled.length === 0) return
  const [bundlePath, ...others] = filled
  const mergeIndex = others.map((path) => ({bundlePath: path}))
  const ui = new PagefindUI({element: '#search', bundlePath, mergeIndex, showImages: false, resetStyles: false})
  const query = new URLSearchParams(location.search).get('q')
  if (query) ui.triggerSearch(query)
})

async function hasPages(bundlePath) {
  try {
    const entry = await (await fetch(`${bundlePath}pagefind-entry.json`)).json()
    return Object.keys(entry.languages ?? {}).length > 0
  } catch {
    return false
  }
}
