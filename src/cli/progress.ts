import type {Progress} from '../check.js'

/**
 * A one-line progress bar on the terminal's error stream, shown only once a run has taken a
 * second (short runs stay silent), redrawn at most ten times a second, and wiped at the end.
 */
export function progressBar(status: (line: string) => void, now: () => number = () => performance.now()): {update(progress: Progress): void; done(): void} {
  const started = now()
  let drawn = 0
  let shown = false
  const draw = (progress: Progress) => {
    const label = {reading: 'Reading entries', rendering: 'Rendering pages', indexing: 'Indexing for search', writing: 'Writing the site'}[progress.phase]
    if (progress.total) {
      const width = 24
      const filled = Math.round(((progress.done ?? 0) / progress.total) * width)
      status(`${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${progress.done}/${progress.total}`)
    } else status(`${label}…`)
    shown = true
  }
  return {
    update(progress) {
      const t = now()
      if (t - started < 1000 || (t - drawn < 100 && progress.phase === 'reading')) return
      drawn = t
      draw(progress)
    },
    done() {
      if (shown) status('')
    }
  }
}
