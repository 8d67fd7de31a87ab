import {spawn} from 'node:child_process'
import {formatText} from '../report/text.js'
import {displayPath} from './display-path.js'
import {watch, type RebuildEvent} from '../dev/watch/watch.js'
import type {CliIO} from './io.js'
import {printable} from '../report/printable.js'

export interface WatchCommandOptions {
  root: string
  color: boolean
  port: number
  host: string
  open: boolean
  base?: string
  replaceOutput?: boolean
}

/** `bounceback watch`: runs until Ctrl+C, then closes everything and exits 0. */
export async function runWatch(options: WatchCommandOptions, io: CliIO): Promise<number> {
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(options.host)
  if (!loopback) io.stderr(`Warning: listening on ${options.host}: anyone who can reach this machine can read the site.`)
  const line = (event: RebuildEvent) => {
    const time = new Date().toTimeString().slice(0, 8)
    const what =
      event.kind === 'full' && event.changed.length === 0
        ? 'built'
        : `${event.changed.length > 0 ? printable(event.changed.join(', ')) : 'files'} changed${event.kind === 'full' ? ' (full rebuild)' : ''}`
    const errors = event.messages.filter((m) => m.severity === 'error').length
    io.stdout(
      `${time}  ${what} · ${event.written.length} written, ${event.removed.length} removed · ${Math.round(event.ms)} ` +
        `ms${errors > 0 ? ` · ${errors} ${errors === 1 ? 'error' : 'errors'}` : ''}`
    )
    const relevant = event.kind === 'full' ? event.messages : event.messages.filter((m) => event.changed.includes(m.file) || m.severity === 'error')
    if (relevant.length > 0) io.stdout(formatText(relevant, event.files, {color: options.color, ...(io.columns !== undefined ? {width: io.columns} : {})}))
    if (event.missingContentDir !== undefined) {
      const dir = displayPath(io.cwd, event.missingContentDir)
      io.stdout(
        `No content folder at ${dir}/: watching for it. Create it and add entries (\`bounceback new "Title"\` starts one), and the site rebuilds with them.`
      )
    }
  }
  // Every handler reports its own errors; this is the last net, so nothing ends the watch.
  process.on('unhandledRejection', (reason) =>
    io.stderr(`bounceback: unexpected error: ${printable(reason instanceof Error ? reason.message : String(reason))} (still watching)`)
  )
  const watcher = await watch({
    root: options.root,
    overrides: {...(options.base !== undefined ? {base: options.base} : {}), ...(options.replaceOutput ? {replaceOutput: true} : {})},
    cwd: io.cwd,
    host: options.host,
    port: options.port,
    onRebuild: line,
    onError: (error) => io.stderr(`bounceback: rebuild failed: ${printable(error instanceof Error ? error.message : String(error))} (still watching)`)
  })
  // Listening for Ctrl+C before saying it stops the watch: a signal right after the line ends it cleanly.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  if (watcher.port !== options.port && options.port !== 0) io.stdout(`Port ${options.port} is busy: using ${watcher.port}.`)
  io.stdout(`Serving ${displayPath(io.cwd, watcher.outDir)}/ at ${watcher.url} · watching for changes · Ctrl+C to stop`)
  if (options.open) openBrowser(watcher.url)
  await stopped
  await watcher.close()
  io.stdout('Stopped.')
  return 0
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open'
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url]
  try {
    spawn(command, args, {stdio: 'ignore', detached: true})
      .on('error', () => {})
      .unref()
  } catch {
    // No browser to open: the URL is printed above.
  }
}
