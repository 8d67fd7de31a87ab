import fs from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {watch, type RebuildEvent, type Watcher} from '../src/dev/watch/watch.js'
import {tempProject, validEntry} from './helpers.js'
import {png} from './png.js'

let root: string
let watcher: Watcher | undefined
let events: RebuildEvent[]
let errors: unknown[]
let sse: {events: {event: string; data: unknown}[]; close(): void} | undefined

const entryFile = (name = '2025-03-14-newsletter-launch.md') => path.join(root, 'content', name)
// A full rebuild swaps the output folder: for an instant there is none to read.
const page = (url: string) => fs.readFile(path.join(root, 'dist', url, 'index.html'), 'utf8').catch(() => '')
const exists = (url: string) =>
  fs.access(path.join(root, 'dist', url, 'index.html')).then(
    () => true,
    () => false
  )
const withGoal = (goal: string, frontmatter?: string) =>
  validEntry({...(frontmatter ? {frontmatter} : {})}).replace('Reach 100 subscribers by June. Then keep going.', goal)

/** Wait until a condition holds, checking every 20 ms, for at most 10 s: no timing asserts. */
async function until<T>(check: () => T | Promise<T>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A settled watcher: wait for file events to arrive and every rebuild to finish. */
async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 200))
  await watcher!.idle()
}

function listen(url: string): NonNullable<typeof sse> {
  const received: {event: string; data: unknown}[] = []
  const request = http.get(`${url}__bounceback/events`, (response) => {
    let buffer = ''
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => {
      buffer += chunk
      let end: number
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (event && data) received.push({event, data: JSON.parse(data)})
      }
    })
  })
  request.on('error', () => {})
  return {events: received, close: () => request.destroy()}
}

beforeEach(async () => {
  root = await tempProject({
    'content/2025-03-14-newsletter-launch.md': withGoal('First version of the goal.'),
    'content/2024-11-02-q4-estimate.md': withGoal('Estimate Q4.', 'title: Q4 estimate\ndate: 2024-11-02\ntags: [work]')
  })
  events = []
  errors = []
  watcher = await watch({root, port: 0, today: '2025-06-01', onRebuild: (e) => events.push(e), onError: (e) => errors.push(e)})
  sse = listen(watcher.url)
  await until(() => sse!.events.length > 0, 'the events channel')
  events = []
})

afterEach(async () => {
  sse?.close()
  await watcher?.close()
  await fs.rm(root, {recursive: true, force: true})
  expect(errors).toEqual([])
})

const reloads = () => sse!.events.filter((e) => e.event === 'reload').map((e) => (e.data as {urls: string[]}).urls)

describe('watch', () => {
  it('builds once and serves the site, with the live-reload script added only when serving', async () => {
    expect(await page('2025/newsletter-launch')).toContain('First version of the goal.')
    expect(await page('2025/newsletter-launch')).not.toContain('__bounceback')
    const served = await fetch(`${watcher!.url}2025/newsletter-launch/`).then((r) => r.text())
    expect(served).toContain('<script type="module" src="/__bounceback/client.js"></script>')
  })

  it('rebuilds a saved entry once, writes only what depends on it, and reloads its page', async () => {
    await fs.writeFile(entryFile(), withGoal('Second version of the goal.'))
    await until(async () => (await page('2025/newsletter-launch')).includes('Second version'), 'the new page')
    await settled()
    expect(events).toHaveLength(1)
    expect(events[0]!.changed).toEqual(['content/2025-03-14-newsletter-launch.md'])
    // Files are counted as check counts them: every file of the project, not only the one saved.
    expect(events[0]!.files).toBe(2)
    expect(events[0]!.written).toContain('2025/newsletter-launch/index.html')
    expect(events[0]!.written).toContain('index.html')
    expect(events[0]!.written).not.toContain('2024/q4-estimate/index.html')
    expect(events[0]!.written).not.toContain('assets/style.css')
    // The pages as soon as they are in place; then what is made from the whole site, once written.
    expect(reloads()).toEqual([expect.arrayContaining(['/2025/newsletter-launch/', '/']), ['/data.json', '/feed.xml']])
    expect(reloads()[0]!.every((url) => url.endsWith('/'))).toBe(true)
  })

  it('takes an atomic save by rename as one rebuild of the complete file', async () => {
    const temporary = path.join(root, 'content', '.newsletter.md.swp')
    await fs.writeFile(temporary, withGoal('Saved by rename.'))
    await fs.rename(temporary, entryFile())
    await until(async () => (await page('2025/newsletter-launch')).includes('Saved by rename.'), 'the renamed save')
    await settled()
    expect(events).toHaveLength(1)
  })

  it('ends a slow write in chunks on the whole file: what a half-written file made does not stay', async () => {
    const text = withGoal('Written slowly, in three chunks, FINAL-MARKER.')
    const handle = await fs.open(entryFile(), 'w')
    const third = Math.ceil(text.length / 3)
    for (let i = 0; i < 3; i++) {
      await handle.write(text.slice(i * third, (i + 1) * third))
      // Longer than the quiet time: each chunk may be read on its own, as a save is not waited on.
      await new Promise((resolve) => setTimeout(resolve, 40))
    }
    await handle.close()
    await until(async () => (await page('2025/newsletter-launch')).includes('FINAL-MARKER'), 'the complete page')
    await settled()
    expect(events.at(-1)!.messages).toEqual([])
    const overlay = sse!.events.filter((e) => e.event === 'problems').at(-1)?.data as {problems: unknown[]} | undefined
    expect(overlay?.problems ?? []).toEqual([])
    expect(await page('2025/newsletter-launch')).toContain('FINAL-MARKER')
  })

  it('reads a file emptied and written again at once (an editor saving in place) as it ends', async () => {
    await fs.writeFile(entryFile(), '')
    await fs.writeFile(entryFile(), withGoal('Written after the truncation.'))
    await until(async () => (await page('2025/newsletter-launch')).includes('Written after the truncation.'), 'the saved page')
    await settled()
    expect(events.at(-1)!.messages).toEqual([])
    expect(await page('2025/newsletter-launch')).toContain('Written after the truncation.')
  })

  it('adds, moves and removes pages as entries are added, renamed and deleted', async () => {
    await fs.writeFile(entryFile('2025-05-01-new-one.md'), withGoal('A new one.', 'title: New one\ndate: 2025-05-01'))
    await until(() => exists('2025/new-one'), 'the added page')
    await fs.rename(entryFile('2025-05-01-new-one.md'), entryFile('2025-05-01-renamed.md'))
    await until(async () => (await exists('2025/renamed')) && !(await exists('2025/new-one')), 'the moved page')
    await fs.rm(entryFile('2025-05-01-renamed.md'))
    await until(async () => !(await exists('2025/renamed')), 'the removed page')
    await settled()
    // The year's archive, and the one entry left in it.
    expect((await fs.readdir(path.join(root, 'dist', '2025'))).sort()).toEqual(['index.html', 'newsletter-launch'])
    expect(await fs.readFile(path.join(root, 'dist', 'index.html'), 'utf8')).not.toContain('renamed')
  })

  it('batches a burst of 100 saves and ends on the last one', async () => {
    for (let i = 1; i <= 100; i++) await fs.writeFile(entryFile(), withGoal(`Save number ${i}.`))
    await until(async () => (await page('2025/newsletter-launch')).includes('Save number 100.'), 'the last save')
    await settled()
    expect(events.length).toBeGreaterThanOrEqual(1)
    expect(events.length).toBeLessThan(20)
    expect(await page('2025/newsletter-launch')).toContain('Save number 100.')
  })

  it('keeps the last good page of a broken entry, shows its problems, and recovers when fixed', async () => {
    await fs.writeFile(entryFile(), withGoal('Broken now.', 'title: Newsletter launch\ndate: 2025-02-30'))
    await until(() => sse!.events.some((e) => e.event === 'problems' && (e.data as {problems: unknown[]}).problems.length > 0), 'the problems event')
    const problems = sse!.events.filter((e) => e.event === 'problems').at(-1)!.data as {problems: {file: string; line: number; ruleId: string}[]}
    expect(problems.problems).toEqual([expect.objectContaining({file: 'content/2025-03-14-newsletter-launch.md', line: 3, ruleId: 'frontmatter/date'})])
    expect(await page('2025/newsletter-launch')).toContain('First version of the goal.')

    await fs.writeFile(entryFile('2025-05-01-other.md'), withGoal('Others still update.', 'title: Other\ndate: 2025-05-01'))
    await until(() => exists('2025/other'), 'another entry to keep updating')

    await fs.writeFile(entryFile(), withGoal('Fixed now.'))
    await until(async () => (await page('2025/newsletter-launch')).includes('Fixed now.'), 'the fixed page')
    await until(() => (sse!.events.filter((e) => e.event === 'problems').at(-1)!.data as {problems: unknown[]}).problems.length === 0, 'the overlay to clear')
  })

  it('rebuilds everything when the config changes', async () => {
    await fs.writeFile(path.join(root, 'bounceback.config.json'), JSON.stringify({title: 'Renamed site'}))
    await until(async () => (await page('2024/q4-estimate')).includes('Renamed site'), 'the new title everywhere')
    await settled()
    expect(events.at(-1)!.kind).toBe('full')
    expect(reloads().at(-1)).toBe('*')
  })

  it('reports an entry that breaks again after a fix', async () => {
    const problemsNow = () => (sse!.events.filter((e) => e.event === 'problems').at(-1)?.data as {problems: unknown[]} | undefined)?.problems.length ?? 0
    for (let round = 0; round < 2; round++) {
      await fs.writeFile(entryFile(), withGoal(`Broken ${round}.`, 'title: Newsletter launch\ndate: 2025-02-30'))
      await until(() => problemsNow() === 1, `the problem, round ${round}`)
      await fs.writeFile(entryFile(), withGoal(`Fixed ${round}.`))
      await until(() => problemsNow() === 0, `the fix, round ${round}`)
    }
    await settled()
    // Each break reported once. (On a loaded machine the file may also be read between its
    // truncation and its write: that empty read's own errors are not the break's.)
    expect(events.filter((e) => e.messages.some((m) => m.ruleId === 'frontmatter/date'))).toHaveLength(2)
  })

  it('survives hostile saves (too large, too deep, not UTF-8) and recovers when the file is fixed', async () => {
    const problemsNow = () => (sse!.events.filter((e) => e.event === 'problems').at(-1)?.data as {problems: {ruleId: string}[]} | undefined)?.problems ?? []
    const saves: [string | Buffer, string][] = [
      [withGoal('x'.repeat(1_100_000)), 'file/too-large'],
      [withGoal('>'.repeat(5000)), 'file/too-deep'],
      [Buffer.from(withGoal('Caf\u00e9'), 'latin1'), 'file/encoding']
    ]
    for (const [contents, ruleId] of saves) {
      await fs.writeFile(entryFile(), contents)
      await until(() => problemsNow().some((p) => p.ruleId === ruleId), ruleId)
      expect(await page('2025/newsletter-launch')).toContain('First version of the goal.')
    }
    await fs.writeFile(entryFile(), withGoal('Recovered.'))
    await until(async () => (await page('2025/newsletter-launch')).includes('Recovered.') && problemsNow().length === 0, 'recovery')
  })

  it('shows a lesson suggestion in the overlay as it is written, and never a warning', async () => {
    const problemsNow = () =>
      (sse!.events.filter((e) => e.event === 'problems').at(-1)?.data as {problems: {ruleId: string; severity: string}[]} | undefined)?.problems ?? []
    const withLessons = (items: string, frontmatter?: string) =>
      withGoal('A goal.', frontmatter).replace(/## What did I learn[^\n]*\n\n[\s\S]*?(?=\n## |$)/, `## What did I learn?\n\n${items}\n`)
    await fs.writeFile(
      path.join(root, 'content', '2024-11-02-q4-estimate.md'),
      withLessons(
        '- Deadlines slip unless the plan keeps spare days #estimation\n- Pad every estimate by a fifth #estimation',
        'title: Q4 estimate\ndate: 2024-11-02\ntag: [x]'
      )
    )
    await fs.writeFile(entryFile(), withLessons('- Quote every estimate with spare days'))
    await until(() => problemsNow().some((p) => p.ruleId === 'lessons/similar'), 'the suggestion')
    expect(problemsNow().map((p) => [p.ruleId, p.severity])).toEqual([['lessons/similar', 'info']])
  })

  it('reports a broken config and keeps watching', async () => {
    await fs.writeFile(path.join(root, 'bounceback.config.json'), '{"title": 3}')
    await until(() => errors.length > 0, 'the error')
    expect(String((errors[0] as Error).message)).toContain('`title` must be a string')
    errors = []
    await fs.writeFile(path.join(root, 'bounceback.config.json'), '{"title": "Fine again"}')
    await until(async () => (await page('2025/newsletter-launch')).includes('Fine again'), 'recovery')
  })
})

describe('watch and a content folder that comes and goes', () => {
  it('starts without a content folder, says so, and builds the entries of one made later', async () => {
    const own = await tempProject({})
    const ownEvents: RebuildEvent[] = []
    const ownWatcher = await watch({root: own, port: 0, today: '2025-06-01', onRebuild: (e) => ownEvents.push(e), onError: (e) => errors.push(e)})
    try {
      expect(ownEvents).toEqual([expect.objectContaining({kind: 'full', missingContentDir: path.join(own, 'content')})])
      expect(await fs.readFile(path.join(own, 'dist', 'index.html'), 'utf8')).toContain('No entries yet.')
      await fs.mkdir(path.join(own, 'content'))
      await fs.writeFile(path.join(own, 'content', '2025-03-14-newsletter-launch.md'), withGoal('Written in a new folder.'))
      const ownPage = () => fs.readFile(path.join(own, 'dist', '2025', 'newsletter-launch', 'index.html'), 'utf8').catch(() => '')
      await until(async () => (await ownPage()).includes('Written in a new folder.'), 'the page of the new entry')
      await ownWatcher.idle()
      expect(ownEvents.at(-1)!.missingContentDir).toBeUndefined()
    } finally {
      await ownWatcher.close()
      await fs.rm(own, {recursive: true, force: true})
    }
  })

  it('empties the site when the content folder is removed, and builds the entries of the one made in its place', async () => {
    await fs.rm(path.join(root, 'content'), {recursive: true})
    await until(async () => !(await exists('2025/newsletter-launch')) && !(await exists('2024/q4-estimate')), 'the pages removed')
    await until(() => events.some((e) => e.missingContentDir === path.join(root, 'content')), 'the missing folder reported')
    // As `git checkout` or a tool that replaces the folder does: made elsewhere, then moved in with its entries.
    const made = path.join(root, 'made')
    await fs.mkdir(made)
    await fs.writeFile(path.join(made, '2025-03-14-newsletter-launch.md'), withGoal('Back in a new folder.'))
    await fs.rename(made, path.join(root, 'content'))
    await until(async () => (await page('2025/newsletter-launch')).includes('Back in a new folder.'), 'the page again')
    await fs.writeFile(entryFile('2024-11-02-q4-estimate.md'), withGoal('Estimate Q4 again.', 'title: Q4 estimate\ndate: 2024-11-02'))
    await until(async () => (await page('2024/q4-estimate')).includes('Estimate Q4 again.'), 'an entry added to the new folder')
  })
})

describe('watch and the files entries use', () => {
  it('reads an entry again when its image changes, and copies the public folder once it appears and as it changes', async () => {
    await fs.writeFile(path.join(root, 'content', 'graph.png'), png(3, 2))
    await fs.writeFile(entryFile(), withGoal('A graph: ![graph](graph.png)'))
    const img = async () => /<img src="([^"]+)" alt="graph" width="(\d+)"/.exec(await page('2025/newsletter-launch'))
    const first = (await until(img, 'the image on the page'))!
    expect(first[2]).toBe('3')
    await fs.writeFile(path.join(root, 'content', 'graph.png'), png(9, 6))
    const second = (await until(async () => {
      const now = await img()
      return now?.[2] === '9' ? now : undefined
    }, 'the new image on the page'))!
    expect(second[1]).not.toBe(first[1])
    expect(await fs.readFile(path.join(root, 'dist', second[1]!))).toEqual(Buffer.from(png(9, 6)))
    const cname = () => fs.readFile(path.join(root, 'dist', 'CNAME'), 'utf8').catch(() => '')
    await fs.mkdir(path.join(root, 'public'))
    await fs.writeFile(path.join(root, 'public', 'CNAME'), 'one.example.com\n')
    await until(async () => (await cname()) === 'one.example.com\n', 'the public file copied')
    await settled()
    await fs.writeFile(path.join(root, 'public', 'CNAME'), 'two.example.com\n')
    await until(async () => (await cname()) === 'two.example.com\n', 'the public file copied again')
  })
})

describe('watch with a theme of its own', () => {
  it('rebuilds everything when a layout changes', async () => {
    await fs.mkdir(path.join(root, 'themes', 'mine', 'layouts'), {recursive: true})
    const layout = (word: string) => `export default function notFound(_data, ctx) {
      return ctx.layout('base', {title: 'Gone', description: 'd', url: '/404.html', main: [ctx.h('p#gone', '${word}')]})
    }`
    await fs.writeFile(path.join(root, 'themes', 'mine', 'layouts', 'not-found.js'), layout('first layout'))
    await fs.writeFile(path.join(root, 'bounceback.config.json'), JSON.stringify({theme: 'themes/mine'}))
    // A full rebuild swaps the output folder: for an instant there is none to read.
    const notFound = () => fs.readFile(path.join(root, 'dist', '404.html'), 'utf8').catch(() => '')
    await until(async () => (await notFound()).includes('first layout'), 'the theme in use')
    await settled()
    // Watch follows the config to the new theme folder: no restart needed.
    events = []
    await fs.writeFile(path.join(root, 'themes', 'mine', 'layouts', 'not-found.js'), layout('second layout'))
    await until(async () => (await notFound()).includes('second layout'), 'the edited layout')
    await settled()
    expect(events.at(-1)!.kind).toBe('full')
  })
})

describe('files that vanish', () => {
  it('treats a file gone between the event and the read as a delete', async () => {
    const {SiteBuilder} = await import('../src/dev/watch/site-builder.js')
    const builder = new SiteBuilder({root, today: '2025-06-01'})
    await builder.full()
    await fs.rm(entryFile())
    const result = await builder.update(new Set([entryFile()]), false)
    expect(result.removed).toContain('2025/newsletter-launch/index.html')
    expect(await exists('2025/newsletter-launch')).toBe(false)
  })
})

describe('a changed path read again', () => {
  it('is refused when it became a link out of the content folder, without listing the folder again', async () => {
    const {SiteBuilder} = await import('../src/dev/watch/site-builder.js')
    const own = await tempProject({'content/2025-03-14-newsletter-launch.md': withGoal('First version of the goal.')})
    try {
      const file = path.join(own, 'content', '2025-03-14-newsletter-launch.md')
      const builder = new SiteBuilder({root: own, today: '2025-06-01'})
      await builder.full()
      const secret = path.join(own, 'secret.md')
      await fs.writeFile(secret, withGoal('SECRET-OUTSIDE-CONTENT'))
      await fs.rm(file)
      await fs.symlink(secret, file)
      const result = await builder.update(new Set([file]), false)
      expect(result.analysis.messages).toContainEqual(
        expect.objectContaining({file: 'content/2025-03-14-newsletter-launch.md', ruleId: 'file/outside-content', severity: 'error'})
      )
      const shown = await fs.readFile(path.join(own, 'dist', '2025', 'newsletter-launch', 'index.html'), 'utf8')
      expect(shown).not.toContain('SECRET-OUTSIDE-CONTENT')
      expect(shown).toContain('First version of the goal.')
    } finally {
      await fs.rm(own, {recursive: true, force: true})
    }
  })
})

describe('rebuilding in memory', () => {
  it('renders a list page again only when what it shows of an entry changes', async () => {
    const home = path.join(import.meta.dirname, '..', 'themes', 'default', 'layouts', 'home.js')
    const project = await tempProject({
      'content/2025-03-14-newsletter-launch.md': withGoal('First version of the goal.'),
      'content/2024-11-02-q4-estimate.md': withGoal('Estimate Q4.', 'title: Q4 estimate\ndate: 2024-11-02\ntags: [work]'),
      // A home layout that counts its calls.
      'mine/layouts/home.js': `import home from ${JSON.stringify(pathToFileURL(home).href)}
export default function counted(data, ctx) {
  globalThis.bouncebackHomeRenders = (globalThis.bouncebackHomeRenders ?? 0) + 1
  return home(data, ctx)
}
`,
      'bounceback.config.json': JSON.stringify({theme: 'mine'})
    })
    const g = globalThis as {bouncebackHomeRenders?: number}
    const file = path.join(project, 'content', '2025-03-14-newsletter-launch.md')
    try {
      const {SiteBuilder} = await import('../src/dev/watch/site-builder.js')
      const builder = new SiteBuilder({root: project, today: '2025-06-01'})
      await builder.full()
      g.bouncebackHomeRenders = 0
      // Below the first sentence: the home page shows nothing of it.
      await fs.writeFile(file, withGoal('First version of the goal.').replace('Writing every week.', 'Writing every single week.'))
      const quiet = await builder.update(new Set([file]), false)
      expect(quiet.written).toEqual(['2025/newsletter-launch/index.html'])
      expect(g.bouncebackHomeRenders).toBe(0)
      // The first sentence of the goal is the entry's summary on the home page.
      await fs.writeFile(file, withGoal('Second version of the goal.'))
      const shown = await builder.update(new Set([file]), false)
      expect(g.bouncebackHomeRenders).toBe(1)
      expect(shown.written).toContain('index.html')
      expect(await fs.readFile(path.join(project, 'dist', 'index.html'), 'utf8')).toContain('Second version of the goal.')
    } finally {
      await fs.rm(project, {recursive: true, force: true})
    }
  })
})

describe('watch and the pages of lists', () => {
  it('writes again the pages of the archive an added entry or a new date moves entries across, and removes those no longer made', async () => {
    const project = await tempProject({
      'content/2025-03-14-newsletter-launch.md': withGoal('First version of the goal.', 'title: Newsletter launch\ndate: 2025-03-14'),
      'content/2024-11-02-q4-estimate.md': withGoal('Estimate Q4.', 'title: Q4 estimate\ndate: 2024-11-02'),
      'bounceback.config.json': JSON.stringify({pageSize: 1})
    })
    const read = (url: string) => fs.readFile(path.join(project, 'dist', url, 'index.html'), 'utf8')
    const h2s = async (url: string) => [...(await read(url)).matchAll(/<h[23]><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1])
    try {
      const {SiteBuilder} = await import('../src/dev/watch/site-builder.js')
      const builder = new SiteBuilder({root: project, today: '2025-06-01'})
      await builder.full()
      expect([await h2s('/'), await h2s('/page/2/')]).toEqual([['Newsletter launch'], ['Q4 estimate']])

      const added = path.join(project, 'content', '2025-05-01-new-one.md')
      await fs.writeFile(added, withGoal('A new one.', 'title: New one\ndate: 2025-05-01'))
      const adding = await builder.update(new Set([added]), true)
      expect(adding.written).toEqual(expect.arrayContaining(['index.html', 'page/2/index.html', 'page/3/index.html', '2025/page/2/index.html']))
      expect([await h2s('/'), await h2s('/page/2/'), await h2s('/page/3/')]).toEqual([['New one'], ['Newsletter launch'], ['Q4 estimate']])
      expect(await read('/page/3/')).toContain('<link rel="prev" href="/page/2/">')
      expect(await read('/page/2/')).toContain('<link rel="next" href="/page/3/">')

      // Q4 moves to the end of 2025: the newest entry, and no entry is left in 2024.
      const moved = path.join(project, 'content', '2024-11-02-q4-estimate.md')
      await fs.writeFile(moved, withGoal('Estimate Q4.', 'title: Q4 estimate\ndate: 2025-12-01'))
      const moving = await builder.update(new Set([moved]), false)
      expect(moving.written).toEqual(expect.arrayContaining(['index.html', 'page/2/index.html', 'page/3/index.html', '2025/page/3/index.html']))
      expect(moving.removed).toEqual(expect.arrayContaining(['2024/index.html', '2024/q4-estimate/index.html']))
      expect([await h2s('/'), await h2s('/page/2/'), await h2s('/page/3/')]).toEqual([['Q4 estimate'], ['New one'], ['Newsletter launch']])
      expect(await h2s('/2025/page/3/')).toEqual(['Newsletter launch'])

      // And back: fewer entries, fewer pages.
      await fs.rm(added)
      const removing = await builder.update(new Set([added]), true)
      expect(removing.removed).toEqual(expect.arrayContaining(['page/3/index.html', '2025/page/3/index.html']))
      expect(await read('/page/2/')).not.toContain('rel="next"')
    } finally {
      await fs.rm(project, {recursive: true, force: true})
    }
  })
})

describe('watch touches only what it made', () => {
  it('follows the config to a new output only when that folder may be replaced, and keeps serving the old one', async () => {
    const foreign = path.join(root, 'mine')
    await fs.mkdir(foreign)
    await fs.writeFile(path.join(foreign, 'canary.txt'), 'keep me')
    await fs.writeFile(path.join(root, 'bounceback.config.json'), JSON.stringify({output: 'mine'}))
    await until(() => errors.length > 0, 'the refusal')
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'OUTPUT_FOREIGN',
        message: expect.stringContaining(`\`output\` (${foreign}) holds files bounceback did not write (\`canary.txt\`)`)
      })
    ])
    expect(watcher!.outDir).toBe(path.join(root, 'dist'))
    // A save afterwards still lands in the old output, never in the refused folder.
    await fs.writeFile(entryFile(), withGoal('Saved after the refusal.'))
    await until(async () => (await page('2025/newsletter-launch')).includes('Saved after the refusal.'), 'the save in dist/')
    expect(await fs.readdir(foreign)).toEqual(['canary.txt'])
    expect(await fs.readFile(path.join(foreign, 'canary.txt'), 'utf8')).toBe('keep me')
    errors = []
  })

  it('does not fill an output folder that was replaced by someone else files meanwhile', async () => {
    await fs.rm(path.join(root, 'dist'), {recursive: true})
    await fs.mkdir(path.join(root, 'dist'))
    await fs.writeFile(path.join(root, 'dist', 'canary.txt'), 'keep me')
    await fs.writeFile(entryFile(), withGoal('Saved into a foreign folder?'))
    await until(() => errors.length > 0, 'the refusal')
    expect(errors[0]).toMatchObject({code: 'OUTPUT_FOREIGN'})
    expect(await fs.readdir(path.join(root, 'dist'))).toEqual(['canary.txt'])
    errors = []
  })

  it('writes the whole site again when its output folder was deleted', async () => {
    await fs.rm(path.join(root, 'dist'), {recursive: true})
    await fs.writeFile(entryFile(), withGoal('Saved after the output was deleted.'))
    await until(
      async () => (await exists('2024/q4-estimate')) && (await page('2025/newsletter-launch')).includes('after the output was deleted'),
      'the whole site again'
    )
  })

  it('removes only files it wrote: a file put into the output by hand stays', async () => {
    await fs.writeFile(path.join(root, 'dist', 'by-hand.txt'), 'mine')
    await fs.rm(entryFile('2024-11-02-q4-estimate.md'))
    await until(async () => !(await exists('2024/q4-estimate')), 'the removed page')
    expect(await fs.readFile(path.join(root, 'dist', 'by-hand.txt'), 'utf8')).toBe('mine')
  })

  it('applies the checks of build to a changed path: an entry swapped for a link out of content/ is not published', async () => {
    const secret = path.join(root, 'secret.md')
    await fs.writeFile(secret, withGoal('SECRET-OUTSIDE-CONTENT'))
    // As `ln -sf` does: a link made beside the entry, then renamed over it in one step.
    await fs.symlink(secret, path.join(root, 'content', '.link.md'))
    await fs.rename(path.join(root, 'content', '.link.md'), entryFile())
    const problemsNow = () => (sse!.events.filter((e) => e.event === 'problems').at(-1)?.data as {problems: {ruleId: string}[]} | undefined)?.problems ?? []
    await until(() => problemsNow().some((p) => p.ruleId === 'file/outside-content'), 'the refusal of the link')
    await settled()
    const everything = await fs.readdir(path.join(root, 'dist'), {recursive: true})
    for (const name of everything.filter((n) => n.endsWith('.html') || n.endsWith('.json') || n.endsWith('.xml'))) {
      expect(await fs.readFile(path.join(root, 'dist', name), 'utf8')).not.toContain('SECRET-OUTSIDE-CONTENT')
    }
  })
})

describe('watch and the folders it was told of', () => {
  // Projects of their own, not the one the watcher of every test here is watching.
  let own: string
  beforeEach(async () => {
    own = await tempProject({
      'content/2025-03-14-newsletter-launch.md': withGoal('First version of the goal.'),
      'content/2024-11-02-q4-estimate.md': withGoal('Estimate Q4.', 'title: Q4 estimate\ndate: 2024-11-02\ntags: [work]')
    })
  })
  afterEach(async () => {
    await fs.rm(own, {recursive: true, force: true})
  })
  const ownEntry = (name: string) => path.join(own, 'content', name)

  it('applies --replace-output to the output it started with, not to one the config names later', async () => {
    const {SiteBuilder} = await import('../src/dev/watch/site-builder.js')
    await fs.mkdir(path.join(own, 'first'))
    await fs.writeFile(path.join(own, 'first', 'old.txt'), 'replace me')
    await fs.writeFile(path.join(own, 'bounceback.config.json'), JSON.stringify({output: 'first'}))
    const builder = new SiteBuilder({root: own, today: '2025-06-01', overrides: {replaceOutput: true}})
    await builder.full()
    await expect(fs.access(path.join(own, 'first', 'old.txt'))).rejects.toThrow()
    await fs.mkdir(path.join(own, 'photos'))
    await fs.writeFile(path.join(own, 'photos', 'cat.jpg'), 'keep me')
    await fs.writeFile(path.join(own, 'bounceback.config.json'), JSON.stringify({output: 'photos'}))
    await expect(builder.full()).rejects.toMatchObject({code: 'OUTPUT_FOREIGN'})
    expect(await fs.readdir(path.join(own, 'photos'))).toEqual(['cat.jpg'])
    expect(builder.config.outDir).toBe(path.join(own, 'first'))
  })

  it('never removes or writes through a symbolic link put into its output', async () => {
    const {SiteBuilder} = await import('../src/dev/watch/site-builder.js')
    const builder = new SiteBuilder({root: own, today: '2025-06-01'})
    await builder.full()
    const victim = path.join(own, 'victim')
    await fs.cp(path.join(own, 'dist', '2024'), victim, {recursive: true})
    await fs.rm(path.join(own, 'dist', '2024'), {recursive: true})
    await fs.symlink(victim, path.join(own, 'dist', '2024'))
    await fs.rm(ownEntry('2024-11-02-q4-estimate.md'))
    await builder.update(new Set([ownEntry('2024-11-02-q4-estimate.md')]), true)
    expect(await fs.readFile(path.join(victim, 'q4-estimate', 'index.html'), 'utf8')).toContain('Q4 estimate')
    // A new page under the linked folder is refused, not written into the link's target.
    await fs.writeFile(ownEntry('2024-12-01-another.md'), withGoal('Another.', 'title: Another\ndate: 2024-12-01'))
    await expect(builder.update(new Set([ownEntry('2024-12-01-another.md')]), true)).rejects.toMatchObject({code: 'WRITE_FAILED'})
    // What was there stays: the year's archive and its entry.
    expect((await fs.readdir(victim)).sort()).toEqual(['index.html', 'q4-estimate'])
  })

  it('reads a JavaScript config again when it changes', async () => {
    const {SiteBuilder} = await import('../src/dev/watch/site-builder.js')
    await fs.writeFile(path.join(own, 'bounceback.config.mjs'), "export default {title: 'First title'}\n")
    const builder = new SiteBuilder({root: own, today: '2025-06-01'})
    await builder.full()
    expect(builder.config.site.title).toBe('First title')
    await new Promise((resolve) => setTimeout(resolve, 20))
    await fs.writeFile(path.join(own, 'bounceback.config.mjs'), "export default {title: 'Second title'}\n")
    await builder.full()
    expect(builder.config.site.title).toBe('Second title')
  })
})
