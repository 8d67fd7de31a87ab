import fs from 'node:fs/promises'
import path from 'node:path'
import {selectAll} from 'hast-util-select'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {check} from '../src/check.js'
import {resolveConfig} from '../src/config/resolve.js'
import {BouncebackError} from '../src/errors.js'
import {entryCacheFile, parseHtml, useProjects, validEntry} from './helpers.js'
import {png} from './png.js'

const project = useProjects()

const entryName = 'content/2025-03-14-newsletter-launch.md'
/** The sample entry with `markdown` in its "went poorly" section. */
const entryWith = (markdown: string) => validEntry().replace('Promotion.', `Promotion.\n\n${markdown}\n`)
const page = (root: string) => fs.readFile(path.join(root, 'dist', '2025', 'newsletter-launch', 'index.html'), 'utf8')
const images = async (root: string) => selectAll('main img', parseHtml(await page(root))).map((img) => img.properties)

describe('images and files beside an entry', () => {
  it('copies an image under a name with its digest, and gives the <img> its width and height', async () => {
    const root = await project({[entryName]: entryWith('![p99 latency](./graphs/latency.png)'), 'content/graphs/latency.png': png(3, 2)})
    const result = await build({root})
    expect(result.messages).toEqual([])
    const [img] = await images(root)
    expect(img).toMatchObject({alt: 'p99 latency', width: 3, height: 2})
    expect(img!.src).toMatch(/^\/assets\/files\/latency\.[0-9a-f]{8}\.png$/)
    const copied = await fs.readFile(path.join(root, 'dist', String(img!.src)))
    expect(copied.equals(Buffer.from(png(3, 2)))).toBe(true)
  })

  it('follows `base`, keeps a fragment, and copies a linked file (a PDF) and a reference-style image once', async () => {
    const root = await project({
      'bounceback.config.json': JSON.stringify({base: '/lessons/'}),
      [entryName]: entryWith(
        '![a][graph] and ![b](graph.png)\n\n' +
          '[The report](report%20v2.pdf#page=2), [a page](../other/), [a site](https://example.com/x.png)\n\n[graph]: graph.png'
      ),
      'content/graph.png': png(4, 5),
      'content/report v2.pdf': '%PDF-1.4 not really'
    })
    expect((await build({root})).messages).toEqual([])
    const html = parseHtml(await page(root))
    const srcs = selectAll('main img', html).map((img) => img.properties.src)
    expect(srcs).toHaveLength(2)
    expect(new Set(srcs).size).toBe(1)
    expect(srcs[0]).toMatch(/^\/lessons\/assets\/files\/graph\.[0-9a-f]{8}\.png$/)
    const hrefs = selectAll('main a', html).map((a) => String(a.properties.href))
    const report = hrefs.find((href) => href.includes('report'))!
    expect(report).toMatch(/^\/lessons\/assets\/files\/report-v2\.[0-9a-f]{8}\.pdf#page=2$/)
    expect(hrefs).toContain('../other/')
    expect(hrefs).toContain('https://example.com/x.png')
    const files = await fs.readdir(path.join(root, 'dist', 'assets', 'files'))
    expect(files.sort()).toEqual([path.basename(String(srcs[0])), path.basename(report.replace(/#.*/, ''))].sort())
  })

  it('reports a missing image at its line and column, and the build leaves the previous output as it was', async () => {
    const root = await project({[entryName]: entryWith('![ok](ok.png)'), 'content/ok.png': png(1, 1)})
    await build({root})
    const before = await page(root)
    await fs.writeFile(path.join(root, entryName), entryWith('See ![the graph](./missing.png).'))
    const result = await build({root})
    expect(result.written).toBe(false)
    const line =
      entryWith('See ![the graph](./missing.png).')
        .split('\n')
        .findIndex((l) => l.includes('missing.png')) + 1
    expect(result.messages).toEqual([
      expect.objectContaining({
        file: entryName,
        line,
        column: 5,
        severity: 'error',
        ruleId: 'asset/missing',
        message: expect.stringContaining('Missing file `./missing.png` (content/missing.png)')
      })
    ])
    expect(await page(root)).toBe(before)
  })

  it('leaves pages, site paths, anchors and other sites alone, and refuses a folder where a file should be', async () => {
    const links = '[entry](other.md) [page](../x.html) [site](/about/) [cdn](//cdn.example.com/a.png) [top](#goal) [mail](mailto:a@b.c)'
    const root = await project({[entryName]: entryWith(`${links}\n\n![root](./) ![folder](graphs/) ![odd](100%25%ZZ.png)`), 'content/graphs/a.png': png(1, 1)})
    const result = await check({root})
    expect(result.messages.map((m) => `${m.column} ${m.ruleId} ${m.message.split(',')[0]}`)).toEqual([
      '1 asset/missing Unexpected `./` that is not a regular file',
      '13 asset/missing Unexpected `graphs/` that is not a regular file',
      '32 asset/missing Missing file `100%25%ZZ.png` (content/100%25%ZZ.png)'
    ])
  })

  it('checks and rewrites an <img> written as HTML too, keeping the width the writer gave, in proportion', async () => {
    const root = await project({
      [entryName]: entryWith('<img src="graph.png" alt="graph" width="300">\n\n<p>See <img src="gone.png" alt="gone"></p>'),
      'content/graph.png': png(600, 400)
    })
    const result = await check({root})
    const line = entryWith('').split('\n').indexOf('Promotion.') + 5
    expect(result.messages).toEqual([expect.objectContaining({ruleId: 'asset/missing', line, column: 8})])
    await fs.writeFile(path.join(root, 'content', 'gone.png'), png(1, 1))
    expect((await build({root})).messages).toEqual([])
    const [graph] = await images(root)
    expect(graph).toMatchObject({alt: 'graph', width: 300, height: 200})
    expect(graph!.src).toMatch(/^\/assets\/files\/graph\.[0-9a-f]{8}\.png$/)
  })

  it('gives the same result when the entry is read in a worker thread (an entry over 32 KB)', async () => {
    const long = `${'A long timeline line. '.repeat(2000)}\n\n![graph](graph.png)`
    const root = await project({[entryName]: entryWith(long), 'content/graph.png': png(5, 4)})
    expect((await build({root, cache: false})).messages).toEqual([])
    expect(await images(root)).toEqual([expect.objectContaining({width: 5, height: 4, src: expect.stringMatching(/^\/assets\/files\/graph\./)})])
  })

  it('refuses a path that leaves the content folder, and a symbolic link out of it', async () => {
    const root = await project({
      [entryName]: entryWith('![up](../../outside.png)\n\n![link](linked.png)'),
      'outside.png': png(1, 1),
      'secret.png': png(2, 2)
    })
    await fs.symlink(path.join(root, 'secret.png'), path.join(root, 'content', 'linked.png'))
    const result = await check({root})
    expect(result.messages.map((m) => [m.ruleId, m.message.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['asset/outside', 'Unexpected path `../../outside.png`'],
      ['asset/outside', 'Unexpected symbolic link']
    ])
    expect(result.messages.every((m) => m.line > 1)).toBe(true)
  })

  it('refuses a file over `limits.assetSize`, at its place', async () => {
    const root = await project({
      'bounceback.config.json': JSON.stringify({limits: {assetSize: 50}}),
      [entryName]: entryWith('![small](small.png) ![large](large.png)'),
      'content/small.png': new Uint8Array(50),
      'content/large.png': png(40, 40)
    })
    const result = await check({root})
    expect(result.messages).toEqual([
      expect.objectContaining({ruleId: 'asset/too-large', column: 21, message: expect.stringMatching(/^Unexpected file `large.png` of .*`limits.assetSize`$/)})
    ])
  })

  it('takes no copy out of its folder from a cache file edited by hand', async () => {
    const root = await project({[entryName]: entryWith('![graph](graph.png)'), 'content/graph.png': png(3, 2)})
    await build({root})
    const cacheFile = entryCacheFile(root)
    const good = await fs.readFile(cacheFile, 'utf8')
    for (const [from, to] of [
      [/"output":"assets\/files\/[^"]+"/, '"output":"../../escape.png"'],
      [/"source":"graph.png"/, '"source":"../outside.png"']
    ] as const) {
      await fs.writeFile(cacheFile, good.replace(from, to))
      const result = await build({root})
      expect(result.cache).toEqual({hits: 0, misses: 1})
      expect((await images(root))[0]!.src).toMatch(/^\/assets\/files\/graph\.[0-9a-f]{8}\.png$/)
    }
  })

  it('reads an entry again when an image it uses changed, though the entry did not', async () => {
    const root = await project({[entryName]: entryWith('![graph](graph.png)'), 'content/graph.png': png(3, 2)})
    await build({root})
    const [first] = await images(root)
    expect((await build({root})).cache).toEqual({hits: 1, misses: 0})
    await fs.writeFile(path.join(root, 'content', 'graph.png'), png(30, 20, 10))
    const second = await build({root})
    expect(second.upToDate).toBe(false)
    expect(second.cache).toEqual({hits: 0, misses: 1})
    const [img] = await images(root)
    expect(img).toMatchObject({width: 30, height: 20})
    expect(img!.src).not.toBe(first!.src)
    // And a file that was missing and now is there makes the error go away.
    await fs.writeFile(path.join(root, entryName), entryWith('![graph](new.png)'))
    expect((await build({root})).messages.map((m) => m.ruleId)).toEqual(['asset/missing'])
    await fs.writeFile(path.join(root, 'content', 'new.png'), png(7, 7))
    expect((await build({root})).messages).toEqual([])
    expect(await images(root)).toEqual([expect.objectContaining({width: 7, height: 7})])
  })
})

describe('the public folder', () => {
  it('is copied into the output as it is, nested folders included', async () => {
    const root = await project({
      [entryName]: validEntry(),
      'public/CNAME': 'lessons.example.com\n',
      'public/robots.txt': 'User-agent: *\n',
      'public/img/logo.png': png(2, 2),
      'public/.well-known/security.txt': 'Contact: mailto:me@example.com\n'
    })
    expect((await build({root})).messages).toEqual([])
    const dist = (file: string) => fs.readFile(path.join(root, 'dist', file))
    expect(String(await dist('CNAME'))).toBe('lessons.example.com\n')
    expect(String(await dist('robots.txt'))).toBe('User-agent: *\n')
    expect((await dist('img/logo.png')).equals(Buffer.from(png(2, 2)))).toBe(true)
    expect(String(await dist('.well-known/security.txt'))).toContain('Contact')
    // A change to the public folder alone is a new site, not one that is up to date.
    await fs.writeFile(path.join(root, 'public', 'CNAME'), 'other.example.com\n')
    expect((await build({root})).upToDate).toBe(false)
    expect(String(await dist('CNAME'))).toBe('other.example.com\n')
  })

  it('refuses a public file at the path of a generated page, naming both, and a link out of the folder', async () => {
    const root = await project({[entryName]: validEntry(), 'public/feed.xml': '<feed/>', 'bounceback.config.json': JSON.stringify({public: 'static'})})
    await fs.cp(path.join(root, 'public'), path.join(root, 'static'), {recursive: true})
    const refused = await build({root}).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(BouncebackError)
    expect(refused).toMatchObject({code: 'PUBLIC_INVALID', message: expect.stringContaining('`static/feed.xml` at `feed.xml`')})
    await fs.rm(path.join(root, 'static', 'feed.xml'))
    await fs.mkdir(path.join(root, 'static', '2025', 'newsletter-launch'), {recursive: true})
    await fs.writeFile(path.join(root, 'static', '2025', 'newsletter-launch', 'index.html'), '<p>mine</p>')
    await expect(build({root})).rejects.toMatchObject({code: 'PUBLIC_INVALID', message: expect.stringContaining('a page')})
    await fs.rm(path.join(root, 'static', '2025'), {recursive: true})
    await fs.symlink(path.join(root, 'bounceback.config.json'), path.join(root, 'static', 'config.json'))
    await expect(build({root})).rejects.toMatchObject({
      code: 'PUBLIC_INVALID',
      message: expect.stringContaining('static/config.json: Unexpected symbolic link')
    })
  })

  it('is a folder of its own: `static` when the output is `public`, never the content or output folder', () => {
    const resolve = (user: object) => resolveConfig(user, {root: '/project'})
    expect(resolve({}).publicDir).toBe('/project/public')
    expect(resolve({output: 'public'}).publicDir).toBe('/project/static')
    expect(resolve({public: 'assets/site'}).publicDir).toBe('/project/assets/site')
    for (const overlap of ['content', 'content/static', '.'])
      expect(() => resolve({public: overlap})).toThrow(/Unexpected `public` .* that overlaps the content folder/)
    expect(() => resolve({public: 'site', output: 'site'})).toThrow(/`output` \(\/project\/site\) is the public folder/)
    expect(() => resolve({public: 'site', output: 'site/out'})).toThrow(/`output` .* is inside the public folder/)
  })
})
