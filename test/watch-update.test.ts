import {existsSync, readFileSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {SiteBuilder} from '../src/dev/watch/site-builder.js'
import {useProjects, validEntry, withLessons} from './helpers.js'
import {png} from './png.js'

const project = useProjects()

/** An entry that shares a tag and a lesson with the others: lists, tags, lessons and related entries all name it. */
const entry = (title: string, date: string, tags = '[writing]', lesson = 'Promote before launch, not after. #marketing') =>
  validEntry({frontmatter: `title: ${title}\ndate: ${date}\ntags: ${tags}\noutcome: mixed`}).replace(
    '- Promote before launch, not after. #marketing',
    `- ${lesson}`
  )

const files = {
  'content/2025-01-10-first.md': entry('First one', '2025-01-10'),
  'content/2025-02-10-middle.md': entry('Middle one', '2025-02-10'),
  'content/2025-03-10-last.md': entry('Last one', '2025-03-10'),
  'bounceback.config.json': JSON.stringify({pageSize: 2})
}

/** Every file of an output folder but the search index (watch leaves it as the last full build wrote it), by path. */
async function output(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const file of (await fs.readdir(dir, {recursive: true})) as string[]) {
    if (file.startsWith('pagefind')) continue
    const full = path.join(dir, file)
    if ((await fs.stat(full)).isFile()) found.set(file.split(path.sep).join('/'), await fs.readFile(full, 'utf8'))
  }
  return found
}

describe('an update in watch', () => {
  it('leaves the output as a full build of the same entries makes it, whatever the save changed', async () => {
    const root = await project(files)
    const builder = new SiteBuilder({root, today: '2025-06-01'})
    await builder.full()
    const saves: [string, string][] = [
      // A title: the archive pages, the neighbours' previous and next links, the tag and lesson pages.
      ['content/2025-02-10-middle.md', entry('Renamed middle', '2025-02-10')],
      // A date: the order of every list and who is whose neighbour.
      ['content/2025-02-10-middle.md', entry('Renamed middle', '2025-04-10')],
      // A tag and a lesson: tag pages come and go, themes and related entries change.
      ['content/2025-01-10-first.md', entry('First one', '2025-01-10', '[planning]', 'Ask a customer first. #research')],
      // Only the summary: the themes stay as they were, the cards that show it change.
      ['content/2025-03-10-last.md', entry('Last one', '2025-03-10').replace('Reach 100 subscribers', 'Reach 300 subscribers')]
    ]
    try {
      for (const [i, [file, text]] of saves.entries()) {
        await fs.writeFile(path.join(root, file), text)
        await builder.update(new Set([path.join(root, file)]), false)
        const fresh = await project({...files, ...Object.fromEntries(saves.slice(0, i + 1))})
        const full = new SiteBuilder({root: fresh, today: '2025-06-01'})
        await full.full()
        await full.close()
        const [updated, built] = [await output(path.join(root, 'dist')), await output(path.join(fresh, 'dist'))]
        expect([...updated.keys()].sort()).toEqual([...built.keys()].sort())
        for (const [name, contents] of built) expect({name, contents: updated.get(name)}).toEqual({name, contents})
        // Not only the saved entry's page: its neighbour links to it by its new title.
        if (i === 0) expect(updated.get('2025/first/index.html')).toContain('Renamed middle')
      }
    } finally {
      await builder.close()
    }
  })
})

describe('suggestions after a save', () => {
  it('follow the lessons as they change, and stay while a save leaves the lessons alone', async () => {
    const third = (lessons: string) => withLessons(lessons).replace('Reach 100 subscribers by June.', 'Reach 200 subscribers by June.')
    const root = await project({
      'content/2024-01-01-first.md': withLessons('- Pad every estimate by a fifth #estimation\n- Ship smaller batches'),
      'content/2024-06-01-second.md': withLessons('- Deadlines slip unless the plan keeps spare days #estimation'),
      'content/2025-01-01-third.md': third('- Call the venue before paying\n- Quote every estimate with spare days')
    })
    const file = path.join(root, 'content', '2025-01-01-third.md')
    const builder = new SiteBuilder({root, today: '2025-06-01'})
    const suggested = (messages: readonly {ruleId: string; message: string}[]) =>
      messages.filter((m) => m.ruleId === 'lessons/similar').map((m) => m.message.slice(0, 20))
    try {
      expect(suggested((await builder.full()).analysis.messages)).toEqual(['Resembles #estimatio'])
      await fs.writeFile(file, third('- Call the venue before paying\n- Quote every estimate with spare days').replace('200', '300'))
      expect(suggested((await builder.update(new Set([file]), false)).analysis.messages)).toEqual(['Resembles #estimatio'])
      await fs.writeFile(file, third('- Call the venue before paying'))
      expect(suggested((await builder.update(new Set([file]), false)).analysis.messages)).toEqual([])
      await fs.writeFile(file, third('- Call the venue before paying\n- Quote every estimate with spare days'))
      expect(suggested((await builder.update(new Set([file]), false)).analysis.messages)).toEqual(['Resembles #estimatio'])
    } finally {
      await builder.close()
    }
  })
})

describe('the reload after a save', () => {
  it('is told every changed page once all are in place, before data.json and the feed are made again', async () => {
    const root = await project(files)
    const builder = new SiteBuilder({root, today: '2025-06-01'})
    await builder.full()
    const dist = path.join(root, 'dist')
    await fs.writeFile(path.join(root, 'content/2025-02-10-middle.md'), entry('Middle one, renamed', '2025-02-10'))
    let seen: {written: readonly string[]; pages: Map<string, string>; data: string} | undefined
    // Read at once, as the server's reload is sent at once.
    const result = await builder.update(new Set([path.join(root, 'content/2025-02-10-middle.md')]), false, (written) => {
      expect(seen).toBeUndefined()
      seen = {
        written,
        pages: new Map(written.map((page) => [page, readFileSync(path.join(dist, page), 'utf8')])),
        data: readFileSync(path.join(dist, 'data.json'), 'utf8')
      }
    })
    await builder.close()
    expect(seen).toBeDefined()
    const {written, pages, data} = seen!
    // Pages (this save touched no image), each already holding what the save changed; the files
    // made from the whole site come after.
    expect(written.length).toBeGreaterThan(1)
    expect(written.every((page) => page.endsWith('.html'))).toBe(true)
    expect([...pages.values()].every((html) => html.includes('Middle one, renamed'))).toBe(true)
    expect(result.written).toEqual(expect.arrayContaining([...written, 'data.json', 'feed.xml']))
    expect(result.written.filter((file) => !written.includes(file)).every((file) => !file.endsWith('.html'))).toBe(true)
    // data.json was still the one before the save when the pages were reported…
    expect(data).not.toContain('Middle one, renamed')
    // …and is the new one once the update ends.
    expect(await fs.readFile(path.join(dist, 'data.json'), 'utf8')).toContain('Middle one, renamed')
  })

  it('finds in place the image a page shows, when the image changed in the same save', async () => {
    const root = await project({
      ...files,
      'content/2025-02-10-middle.md': entry('Middle one', '2025-02-10').replace('Then keep going.', 'Then keep going. ![graph](graph.png)'),
      'content/graph.png': png(3, 2)
    })
    const builder = new SiteBuilder({root, today: '2025-06-01'})
    await builder.full()
    const dist = path.join(root, 'dist')
    const image = path.join(root, 'content/graph.png')
    await fs.writeFile(image, png(9, 6))
    let shown: {src: string; bytes: Buffer | undefined} | undefined
    await builder.update(new Set([image, ...builder.entriesUsing(image)]), false, (written) => {
      const html = readFileSync(path.join(dist, '2025/middle/index.html'), 'utf8')
      const src = /<img src="\/?([^"]+)" alt="graph" width="9"/.exec(html)?.[1]
      expect({src, written: written.includes('2025/middle/index.html')}).toEqual({src: expect.any(String), written: true})
      const file = path.join(dist, src!)
      shown = {src: src!, bytes: existsSync(file) ? readFileSync(file) : undefined}
    })
    await builder.close()
    // The reload asks for the page, then for its image: both are there when it goes out.
    expect(shown?.bytes).toEqual(Buffer.from(png(9, 6)))
  })
})
