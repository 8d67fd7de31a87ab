import {existsSync} from 'node:fs'
import path from 'node:path'
import {watch as chokidarWatch, type FSWatcher} from 'chokidar'
import {configNames} from '../../config/load.js'
import type {UserConfig} from '../../config/types.js'
import type {Diagnostic} from '../../types.js'
import {startServer, type PreviewServer} from '../serve/server.js'
import {FolderWatch} from './folder-watch.js'
import {SiteBuilder, type RebuildResult} from './site-builder.js'

export interface WatchOptions {
  root?: string
  /** Settings that win over the config file, as for `build`. */
  overrides?: UserConfig
  /** Where the command runs from (default: the process's): the output is never it, nor above it. */
  cwd?: string
  /** Interface to listen on: `127.0.0.1` unless told otherwise. */
  host?: string
  /** First port to try; the next free one is taken when it is busy. */
  port?: number
  /** The date to build for (tests); defaults to today. */
  today?: string
  /** Quiet time after the last file event before a rebuild starts, in ms: an editor's truncate and write are one save. */
  debounce?: number
  /** Called after the first build and after every rebuild that changed something. */
  onRebuild?(event: RebuildEvent): void
  /** Called when a rebuild failed as a whole (a broken config or theme); watch goes on. */
  onError?(error: unknown): void
}

export interface RebuildEvent {
  /** `full` for the first build and config or theme changes. */
  kind: 'full' | 'update'
  /** Project-relative paths whose change caused it. */
  changed: string[]
  written: string[]
  removed: string[]
  /** Site URLs whose pages changed, for live reload. */
  urls: string[]
  messages: Diagnostic[]
  /** How many files were checked: the whole project, as `check` counts them. */
  files: number
  ms: number
  /** The content folder, when there is none: the site has no entries until it is made, and watch waits for it. */
  missingContentDir?: string
}

export interface Watcher {
  url: string
  /** The port actually used: the next free one when the asked one was busy. */
  port: number
  /** The output folder served (it follows the config). */
  readonly outDir: string
  /** Resolves when no rebuild is running or waiting. */
  idle(): Promise<void>
  close(): Promise<void>
}

/**
 * Build once, serve the output folder, then rebuild on every change to the content, the theme or
 * the config: the same stages as `build`, fed by file events. Events that arrive during a rebuild
 * are batched into the next one, and no error in a handler ends the watch.
 */
export async function watch(options: WatchOptions = {}): Promise<Watcher> {
  const root = path.resolve(options.root ?? process.cwd())
  const builder = new SiteBuilder({
    root,
    ...(options.overrides ? {overrides: options.overrides} : {}),
    ...(options.today ? {today: options.today} : {}),
    ...(options.cwd ? {cwd: options.cwd} : {})
  })
  const started = performance.now()
  const first = await builder.full()
  // The overlay shows what blocks the build, and suggestions (lessons/similar), never warnings.
  const overlay = (messages: readonly Diagnostic[]) => server.problems(messages.filter((m) => m.severity !== 'warning'))
  /** `reloaded`: the URLs a save's early reload already named (see `pagesWritten`). */
  const report = (kind: RebuildEvent['kind'], changed: string[], result: RebuildResult, since: number, reloaded: ReadonlySet<string> = new Set()) => {
    overlay(result.analysis.messages)
    const urls = result.written.concat(result.removed).map(urlOf)
    const left = urls.filter((url) => !reloaded.has(url))
    if (left.length > 0) server.reload(kind === 'full' ? '*' : left)
    options.onRebuild?.({
      kind,
      changed,
      written: result.written,
      removed: result.removed,
      urls,
      messages: result.analysis.messages,
      files: result.analysis.files.length,
      ms: performance.now() - since,
      ...(result.contentMissing ? {missingContentDir: result.analysis.config.contentDir} : {})
    })
  }

  const server: PreviewServer = await startServer({
    dir: builder.config.outDir,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 4321,
    base: builder.config.site.base
  })
  report('full', [], first, started)

  const pending = new Set<string>()
  let afterFull = async (): Promise<void> => {}
  let listAgain = false
  let fullAgain = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  const debounce = options.debounce ?? 10

  let lastEvent = 0

  /** Rebuild once no event came for `debounce` ms; events during a rebuild wait for its end. */
  const schedule = () => {
    lastEvent = performance.now()
    if (!running) wait(debounce)
  }
  const wait = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void drain()
    }, ms)
  }
  async function drain(): Promise<void> {
    if (running) return
    if (pending.size === 0 && !fullAgain) {
      for (const resolve of settle.splice(0)) resolve()
      return
    }
    const changed = [...pending]
    const full = fullAgain
    const relist = listAgain
    pending.clear()
    fullAgain = false
    listAgain = false
    const since = performance.now()
    running = (async () => {
      try {
        // After a save, the browser reloads as soon as the pages are in place: the files made
        // from the whole site (data.json, the feed) are written after, and the rest reported then.
        const reloaded = new Set<string>()
        const pagesWritten = (written: readonly string[], analysis: RebuildResult['analysis']) => {
          if (written.length === 0) return
          overlay(analysis.messages)
          const urls = written.map(urlOf)
          for (const url of urls) reloaded.add(url)
          server.reload(urls)
        }
        const result = full ? await builder.full() : await builder.update(new Set(changed), relist, pagesWritten)
        if (full) await afterFull()
        const newMessages = messagesChanged(result)
        if (full || result.written.length > 0 || result.removed.length > 0 || newMessages) {
          report(
            full ? 'full' : 'update',
            changed.map((file) => path.relative(root, file)),
            result,
            since,
            reloaded
          )
        }
      } catch (error) {
        options.onError?.(error)
      }
    })()
    await running
    running = undefined
    // Events that came during the rebuild get the same quiet time as any other: an editor's
    // truncate and write are still taken as one save.
    if (pending.size > 0 || fullAgain) wait(Math.max(0, lastEvent + debounce - performance.now()))
    else for (const resolve of settle.splice(0)) resolve()
  }
  let lastMessages = first.analysis.messages
  const messagesChanged = (result: RebuildResult) => {
    const now = result.analysis.messages
    const last = lastMessages
    lastMessages = now
    // An entry not read again keeps its message objects: only those of entries read again are compared by what they say.
    return now.length !== last.length || !now.every((message, i) => message === last[i] || JSON.stringify(message) === JSON.stringify(last[i]))
  }
  const settle: (() => void)[] = []

  /** Watch the folders the current config names; called again when a full rebuild changed them. */
  const startWatchers = async (): Promise<{close(): Promise<void>}[]> => {
    const config = builder.config
    const outside = (file: string) =>
      file === config.outDir || file.startsWith(config.outDir + path.sep) || /[\\/](?:node_modules|\.git|\.cache)(?:[\\/]|$)/.test(file)
    const onContent = (event: string, file: string) => {
      if (outside(file)) return
      if (!/\.(md|markdown)$/i.test(file)) {
        // An image or file an entry uses: those entries are read again.
        const users = builder.entriesUsing(file)
        for (const user of users) pending.add(user)
        if (users.length > 0) schedule()
        return
      }
      pending.add(file)
      if (event !== 'change') listAgain = true
      schedule()
    }
    const onWhole = (file: string) => {
      if (outside(file)) return
      pending.add(file)
      fullAgain = true
      schedule()
    }
    // Entries are not waited on (as Vite and Hugo do not wait): a file read half-written makes a
    // page that the write's next event replaces, since every event during a rebuild starts another.
    // The theme, the public folder and the config make full rebuilds, seconds long: for those,
    // chokidar waits for writes to settle, as it may drop the last event of a quick series.
    const common = {ignoreInitial: true, followSymlinks: false, awaitWriteFinish: {stabilityThreshold: 50, pollInterval: 10}, ignored: outside}
    const content = FolderWatch.start(config.contentDir, {ignored: outside, onEvent: onContent, onError: (error) => options.onError?.(error)})
    const started = [
      content,
      chokidarWatch(config.themeDir, common).on('all', (_event, file) => onWhole(file)),
      // The public folder is copied as a whole, as the theme's assets are.
      ...(existsSync(config.publicDir) ? [chokidarWatch(config.publicDir, common).on('all', (_event, file) => onWhole(file))] : []),
      // The config file and the public folder may not exist yet: watch the project folder itself, for those names only.
      chokidarWatch(root, {
        ...common,
        depth: 0,
        ignored: (file: string) => file !== root && !(configNames as readonly string[]).includes(path.basename(file)) && file !== config.publicDir
      }).on('all', (_event, file) => {
        if (file !== root) onWhole(file)
      })
    ]
    const others = started.filter((w) => w !== content) as FSWatcher[]
    for (const w of others) w.on('error', (error) => options.onError?.(error))
    await Promise.all(others.map((w) => new Promise<void>((resolve) => w.once('ready', () => resolve()))))
    return started
  }
  let watchers = await startWatchers()
  let watched = folders(builder)
  /** After a full rebuild: follow the content, theme, public and output folders if the config moved them (or the public folder appeared). */
  afterFull = async () => {
    const now = folders(builder)
    if (now === watched) return
    watched = now
    await Promise.all(watchers.map((w) => w.close()))
    watchers = await startWatchers()
    await server.serve(builder.config.outDir)
  }

  return {
    url: server.url,
    port: server.port,
    get outDir() {
      return builder.config.outDir
    },
    idle() {
      if (!running && pending.size === 0 && !fullAgain && timer === undefined) return Promise.resolve()
      return new Promise<void>((resolve) => settle.push(resolve))
    },
    async close() {
      clearTimeout(timer)
      await Promise.all(watchers.map((w) => w.close()))
      await running
      await server.close()
      await builder.close()
    }
  }
}

function folders(builder: SiteBuilder): string {
  const {contentDir, themeDir, outDir, publicDir} = builder.config
  return [contentDir, themeDir, outDir, publicDir, existsSync(publicDir)].join('\u0000')
}

/** The site URL of an output path: `2025/x/index.html` is `/2025/x/`. */
function urlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`
}
