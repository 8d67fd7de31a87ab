// Starts Pagefind's search interface on the search page, and runs the query from `?q=` (the
// search box in the header submits there, so it works the same with or without this script).
addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('search')
  if (!element || typeof PagefindUI === 'undefined') return
  // A large site's index comes in shards, merged here into the main one.
  const mergeIndex = JSON.parse(element.dataset.mergeIndexes ?? '[]').map((bundlePath) => ({bundlePath}))
  const ui = new PagefindUI({element: '#search', bundlePath: element.dataset.bundlePath, mergeIndex, showImages: false, resetStyles: false})
  const query = new URLSearchParams(location.search).get('q')
  if (query) ui.triggerSearch(query)
})
