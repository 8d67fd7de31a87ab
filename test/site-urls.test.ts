import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {processString, testConfig, useProjects, validEntry} from './helpers.js'

const project = useProjects()

/** Every name the site itself uses at its top: pages, folders, feeds and the search index. An entry named `page`: see archives.test.ts. */
const reserved = ['index', 'lessons', 'tags', 'search', 'growth', 'actions', 'assets', 'pagefind', 'pagefind-1', '404', 'feed', 'sitemap', 'data', 'revisit']

describe('every URL is owned by one thing', () => {
  it('puts an entry named like a site page under its year, so both pages exist', async () => {
    const files: Record<string, string> = {}
    for (const name of reserved) files[`content/${name}.md`] = validEntry({frontmatter: `title: Entry called ${name}\ndate: 2025-03-14`})
    const root = await project(files)
    const result = await build({root, cache: false})
    expect(result.messages).toEqual([])
    const read = (file: string) => fs.readFile(path.join(root, 'dist', file), 'utf8')
    for (const name of reserved) expect(await read(`2025/${name}/index.html`)).toContain(`Entry called ${name}`)
    expect(await read('lessons/index.html')).toMatch(/<h1[^>]*>Lessons/)
    expect(await read('tags/index.html')).toMatch(/<h1[^>]*>Tags/)
    expect(await read('growth/index.html')).toMatch(/<h1[^>]*>Growth/)
    expect(await read('actions/index.html')).toMatch(/<h1[^>]*>Actions/)
    expect(await read('search/index.html')).toMatch(/<h1[^>]*>Search/)
    expect(JSON.parse(await read('data.json'))).toMatchObject({entries: expect.any(Array)})
    expect(await read('feed.xml')).toMatch(/^<\?xml/)
    await expect(fs.access(path.join(root, 'dist', 'assets', 'style.css'))).resolves.toBeUndefined()
    await expect(fs.access(path.join(root, 'dist', 'pagefind', 'pagefind.js'))).resolves.toBeUndefined()
  })
})

describe('a page is never made from a missing title or date', () => {
  const lenient = testConfig({rules: {'frontmatter/required': 'off'}})

  it('takes the title from the first `#` heading, else the file name, and the date from the file name', async () => {
    const heading = await processString(
      validEntry({frontmatter: 'tags: [x]', body: `# The launch, reviewed\n\n${validEntry().split('---\n')[2]}`}),
      '2025-03-14-launch.md',
      lenient
    )
    expect(heading.messages).toEqual([])
    expect(heading.entry).toMatchObject({url: '/2025/launch/', meta: {title: 'The launch, reviewed', date: '2025-03-14'}})
    const named = await processString(validEntry({frontmatter: 'tags: [x]'}), '2024-11-02-q4_estimate-review.md', lenient)
    expect(named.entry).toMatchObject({url: '/2024/q4-estimate-review/', meta: {title: 'Q4 estimate review', date: '2024-11-02'}})
    // A date the frontmatter gets wrong (with its check off) is not used either.
    const wrong = await processString(
      validEntry({frontmatter: 'title: T\ndate: 2025-02-30'}),
      '2025-03-01-wrong.md',
      testConfig({rules: {'frontmatter/date': 'off'}})
    )
    expect(wrong.entry!.meta.date).toBe('2025-03-01')
  })

  it('does not publish an entry with no date anywhere, and says why', async () => {
    const root = await project({
      'bounceback.config.json': JSON.stringify({rules: {'frontmatter/required': 'off'}}),
      'content/2025-03-14-dated.md': validEntry({frontmatter: 'tags: [x]'}),
      'content/undated.md': validEntry({frontmatter: 'title: No date'})
    })
    const result = await build({root, cache: false})
    expect(result.written).toBe(false)
    expect(result.messages).toEqual([expect.objectContaining({file: 'content/undated.md', ruleId: 'entry/no-date', severity: 'error'})])
    await expect(fs.access(path.join(root, 'dist'))).rejects.toThrow()
    // A draft is not published, so it needs no date.
    await fs.writeFile(path.join(root, 'content/undated.md'), validEntry({frontmatter: 'title: No date\ndraft: true'}))
    const built = await build({root, cache: false})
    expect(built.written).toBe(true)
    const growth = await fs.readFile(path.join(root, 'dist', 'growth', 'index.html'), 'utf8')
    expect(growth).not.toMatch(/NaN|Q0/)
    const home = await fs.readFile(path.join(root, 'dist', 'index.html'), 'utf8')
    expect(home).toContain('Dated')
    expect(home).not.toContain('datetime=""')
  })
})
