import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {check} from '../src/check.js'
import {loadConfig} from '../src/config/load.js'
import {init} from '../src/scaffold/init.js'
import {newEntry, prompts} from '../src/scaffold/new-entry.js'
import {useProjects} from './helpers.js'

const project = useProjects()

describe('bounceback init', () => {
  it('makes a project that builds at once, and says what it created', async () => {
    const root = await project({})
    const dir = path.join(root, 'lessons')
    const result = await init(dir)
    expect(result.created).toEqual([
      'bounceback.config.mjs',
      expect.stringMatching(/^content\/\d{4}-\d{2}-\d{2}-my-first-post-mortem\.md$/),
      '.gitignore',
      'package.json'
    ])
    expect(result.kept).toEqual([])
    const built = await build({root: dir})
    expect(built.messages).toEqual([])
    expect(built.written).toBe(true)
    expect(built.config.site.title).toBe('What I learned')
    const pkg = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as {scripts: Record<string, string>}
    expect(pkg.scripts.build).toBe('bounceback build')
    expect(await fs.readFile(path.join(dir, '.gitignore'), 'utf8')).toContain('dist/')
  })

  it('never overwrites a file that is there', async () => {
    const root = await project({'package.json': '{"name": "mine"}', '.gitignore': 'secret\n'})
    const result = await init(root)
    expect(result.kept).toEqual(['.gitignore', 'package.json'])
    expect(await fs.readFile(path.join(root, 'package.json'), 'utf8')).toBe('{"name": "mine"}')
    expect(await fs.readFile(path.join(root, '.gitignore'), 'utf8')).toBe('secret\n')
  })

  it('keeps a config under another name, and makes no second one that would take its place', async () => {
    const root = await project({'bounceback.config.json': '{"title": "Mine"}', 'notes/todo.txt': 'mine'})
    const result = await init(root)
    expect(result.kept).toEqual(['bounceback.config.json'])
    expect((await fs.readdir(root)).filter((name) => name.startsWith('bounceback.config'))).toEqual(['bounceback.config.json'])
    expect(await fs.readFile(path.join(root, 'bounceback.config.json'), 'utf8')).toBe('{"title": "Mine"}')
    expect(await fs.readFile(path.join(root, 'notes/todo.txt'), 'utf8')).toBe('mine')
    expect((await loadConfig({root})).site.title).toBe('Mine')
  })

  it('refuses the home folder, and a content path that is a file, changing nothing', async () => {
    const home = await project({'canary.txt': 'keep'})
    await expect(init(home, {home})).rejects.toMatchObject({code: 'WRITE_FAILED', message: expect.stringContaining('it is your home folder')})
    expect(await fs.readdir(home)).toEqual(['canary.txt'])
    // Nor through a link to it.
    const links = await project({})
    await fs.symlink(home, path.join(links, 'home-link'))
    await expect(init(path.join(links, 'home-link'), {home})).rejects.toMatchObject({message: expect.stringContaining('it is your home folder')})
    expect(await fs.readdir(home)).toEqual(['canary.txt'])
    const root = await project({content: 'a file, not a folder'})
    await expect(init(root)).rejects.toMatchObject({code: 'WRITE_FAILED', message: expect.stringContaining('is a file, where init makes a folder')})
    expect(await fs.readFile(path.join(root, 'content'), 'utf8')).toBe('a file, not a folder')
  })
})

describe('bounceback new', () => {
  it('writes a draft with every section and a prompt: the site keeps building, and it passes check once answered', async () => {
    const root = await project({'content/.keep': ''})
    const config = await loadConfig({root})
    const file = await newEntry(config, {title: 'Launch: the "big" one', date: '2025-03-14', tags: ['work', 'launch']})
    expect(path.relative(root, file)).toBe('content/2025-03-14-launch-the-big-one.md')
    const text = await fs.readFile(file, 'utf8')
    expect(text).toMatch(/^---\ntitle: 'Launch: the "big" one'\ndate: 2025-03-14\ntags:\n {2}- work\n {2}- launch\ndraft: true\n---\n/)
    for (const section of config.sections) {
      expect(text).toContain(`## ${section.headings[0]}\n\n${section.id === 'actions' ? '- [ ] ' : ''}<!-- ${prompts[section.id]} -->`)
    }
    // A draft: every empty section is a warning, and a build of the site still succeeds.
    const before = await check({root})
    expect(before.ok).toBe(true)
    expect(before.messages.every((m) => m.severity === 'warning')).toBe(true)
    expect(before.messages).toHaveLength(config.sections.length)
    expect((await build({root, cache: false})).written).toBe(true)

    // Published, unanswered: the required sections are errors, the recommended ones warnings.
    const published = text.replace('draft: true\n', '')
    await fs.writeFile(file, published)
    const unanswered = await check({root})
    const bySeverity = (severity: string) => new Set(unanswered.messages.filter((m) => m.severity === severity).map((m) => m.ruleId))
    expect(bySeverity('error')).toEqual(new Set(['sections/empty']))
    expect(bySeverity('warning')).toEqual(new Set(['sections/recommended']))
    expect(unanswered.messages.filter((m) => m.ruleId === 'sections/recommended').map((m) => m.message)).toEqual([
      expect.stringContaining('Unexpected empty recommended section `actions`'),
      expect.stringContaining('Unexpected empty recommended section `feedback`')
    ])

    let answered = published
    for (const id of Object.keys(prompts)) {
      const answer = id === 'lessons' ? '- Launch small first.' : id === 'actions' ? 'Plan a beta (due 2025-06-01)' : 'A real answer.'
      answered = answered.replace(`<!-- ${prompts[id]} -->`, answer)
    }
    await fs.writeFile(file, answered)
    expect((await check({root})).messages).toEqual([])
  })

  it('writes an entry to publish with `draft: false`', async () => {
    const root = await project({'content/.keep': ''})
    const file = await newEntry(await loadConfig({root}), {title: 'Now', date: '2025-03-14', draft: false})
    expect(await fs.readFile(file, 'utf8')).not.toContain('draft')
  })

  it('refuses to overwrite, and refuses a date that is not one', async () => {
    const root = await project({'content/.keep': ''})
    const config = await loadConfig({root})
    await newEntry(config, {title: 'Twice', date: '2025-01-01'})
    await expect(newEntry(config, {title: 'Twice', date: '2025-01-01'})).rejects.toMatchObject({message: expect.stringContaining('already exists')})
    await expect(newEntry(config, {title: 'Bad', date: '2025-02-30'})).rejects.toMatchObject({message: expect.stringContaining('February 2025 has 28 days')})
    await expect(newEntry(config, {title: 'Twice', date: '2026-01-01'})).rejects.toMatchObject({
      message: expect.stringContaining('content/2025-01-01-twice.md')
    })
    const first = await newEntry(config, {title: '日本語のタイトル', date: '2025-01-01'})
    const second = await newEntry(config, {title: '別のタイトル', date: '2025-01-01'})
    expect(path.basename(first)).toMatch(/^2025-01-01-entry-[0-9a-f]{8}\.md$/)
    expect(first).not.toBe(second)
  })

  it('never writes through a link that stands where the new file would go', async () => {
    const root = await project({'content/.keep': ''})
    const config = await loadConfig({root})
    const target = path.join(root, 'elsewhere.md')
    await fs.symlink(target, path.join(root, 'content', '2025-01-01-linked.md'))
    await expect(newEntry(config, {title: 'Linked', date: '2025-01-01'})).rejects.toMatchObject({message: expect.stringContaining('already exists')})
    await expect(fs.access(target)).rejects.toThrow()
  })
})
