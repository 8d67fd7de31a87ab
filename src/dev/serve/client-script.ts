/**
 * The live-reload client, served only by `watch` at `/__bounceback/client.js`. It listens for
 * Server-Sent Events, reloads when the page it shows was rewritten, and shows the current
 * problems in an overlay built with DOM calls (text only, never HTML).
 */
export const clientScript = `
const events = new EventSource('/__bounceback/events')
const here = location.pathname
let overlay
events.addEventListener('reload', (event) => {
  const {urls} = JSON.parse(event.data)
  if (urls === '*' || urls.some((url) => url === here || (url.endsWith('/') && here === url + 'index.html'))) location.reload()
})
events.addEventListener('problems', (event) => {
  const {problems} = JSON.parse(event.data)
  overlay?.remove()
  overlay = undefined
  if (problems.length === 0) return
  const errors = problems.filter((p) => p.severity === 'error').length
  const suggestions = problems.length - errors
  overlay = document.createElement('aside')
  overlay.id = 'bounceback-overlay'
  overlay.setAttribute('role', errors > 0 ? 'alert' : 'status')
  overlay.style.cssText = 'position:fixed;inset:auto 1rem 1rem ' +
    '1rem;max-height:50vh;overflow:auto;z-index:2147483647;background:' + (errors > 0 ? '#2b1111;color:#fde8e8' : '#1d2330;color:#e8eefd') +
    ';font:14px/1.5 ui-monospace,monospace;padding:1rem;border-radius:.5rem;box-shadow:0 4px 24px #0008'
  const title = document.createElement('strong')
  const count = (n, word) => n + ' ' + word + (n === 1 ? '' : 's')
  title.textContent = [errors > 0 ? count(errors, 'problem') : '', suggestions > 0 ? count(suggestions, 'suggestion') : '']
    .filter(Boolean).join(' and ') + ' in your entries'
  const list = document.createElement('ul')
  list.style.cssText = 'margin:.5rem 0 0;padding-left:1.2rem'
  for (const p of problems) {
    const item = document.createElement('li')
    item.textContent = p.file + ':' + p.line + ':' + p.column + '  ' + p.severity + '  ' + p.message + '  (' + p.ruleId + ')'
    list.append(item)
  }
  const close = document.createElement('button')
  close.textContent = 'Hide'
  close.style.cssText = 'float:right'
  close.addEventListener('click', () => overlay.remove())
  overlay.append(close, title, list)
  document.body.append(overlay)
})
`
