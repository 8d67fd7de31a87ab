import fs from 'node:fs/promises'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {loadConfig} from '../src/config/load.js'
import {resolveConfig} from '../src/config/resolve.js'
import type {UserConfig} from '../src/config/types.js'
import {tempProject} from './helpers.js'

const roots: string[] = []
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => fs.rm(root, {recursive: true, force: true})))
})
const resolve = (user: unknown) => resolveConfig(user as UserConfig, {root: '/project'})
const fails = (user: unknown) => {
  try {
    resolve(user)
  } catch (error) {
    return error as {code: string; message: string}
  }
  throw new Error('expected the config to be refused')
}

describe('config', () => {
  it('fills in defaults: content/, dist/, the default theme, base /', () => {
    const config = resolve({})
    expect(config).toMatchObject({contentDir: '/project/content', outDir: '/project/dist', site: {base: '/', url: '', lang: 'en'}, lessons: {threshold: 0.6}})
    expect(config.themeDir).toBe(config.defaultThemeDir)
    expect(config.rules['frontmatter/unknown-field']).toEqual({level: 'warn', options: {}})
  })

  it('names the key at fault: unknown keys, wrong types, unknown rules and levels', () => {
    expect(fails({titel: 'x'}).message).toContain('unknown key `titel`')
    expect(fails({title: 3}).message).toContain('`title` must be a string')
    expect(fails({rules: {'no/such-rule': 'off'}}).message).toContain('unknown rule `no/such-rule`')
    expect(fails({rules: {'sections/empty': 'loud'}}).message).toContain('`rules.sections/empty`')
    expect(fails({lessons: {threshold: 2}}).message).toContain('`lessons.threshold`')
    expect(fails({lang: 'xx-invalid-!!'}).message).toContain('`lang` is not a language tag')
    expect(fails({title: 3}).code).toBe('CONFIG_INVALID')
  })

  it('takes pageSize as a whole number of entries per page, 20 by default, and names what is wrong with any other', () => {
    expect(resolve({}).site.pageSize).toBe(20)
    expect(resolve({pageSize: 5}).site.pageSize).toBe(5)
    for (const bad of [0, -3, 2.5, 1001, '20', null]) {
      expect(fails({pageSize: bad}).message).toContain(`\`pageSize\` must be a whole number from 1 to 1000, got \`${JSON.stringify(bad)}\``)
    }
  })

  it('takes base as a path or as the site URL, and refuses what is neither', () => {
    expect(resolve({base: 'lessons'}).site).toMatchObject({base: '/lessons/', url: ''})
    expect(resolve({base: '/a//b/'}).site.base).toBe('/a/b/')
    expect(resolve({base: 'https://user.github.io/lessons'}).site).toMatchObject({base: '/lessons/', url: 'https://user.github.io/lessons/'})
    expect(fails({base: 'javascript:alert(1)'}).message).toContain('`base`')
    expect(fails({base: '/../etc/'}).message).toContain('`base`')
  })

  it('refuses an output folder that would hold or sit inside the project, its content or its theme', () => {
    for (const output of ['.', '..', 'content', 'content/site', '/']) expect(fails({output}).message).toMatch(/`output`/)
    expect(fails({content: 'dist'}).message).toMatch(/`output`/)
    expect(resolve({output: 'public'}).outDir).toBe('/project/public')
  })

  it('refuses sections that share a heading or an id', () => {
    expect(
      fails({
        sections: [
          {id: 'a', headings: ['Impact']},
          {id: 'b', headings: ['impact?']}
        ]
      }).message
    ).toContain('already a heading of section `a`')
    expect(
      fails({
        sections: [
          {id: 'a', headings: ['A']},
          {id: 'a', headings: ['B']}
        ]
      }).message
    ).toContain('given twice')
  })

  it('reads bounceback.config.json and .mjs, and refuses one that is not an object', async () => {
    const json = await tempProject({'bounceback.config.json': JSON.stringify({title: 'From JSON'})})
    const mjs = await tempProject({'bounceback.config.mjs': "export default {title: 'From ESM'}"})
    const list = await tempProject({'bounceback.config.json': '[]'})
    const broken = await tempProject({'bounceback.config.json': '{title:'})
    roots.push(json, mjs, list, broken)
    expect((await loadConfig({root: json})).site.title).toBe('From JSON')
    expect((await loadConfig({root: mjs})).site.title).toBe('From ESM')
    await expect(loadConfig({root: list})).rejects.toMatchObject({code: 'CONFIG_INVALID', message: expect.stringContaining('expected an object')})
    await expect(loadConfig({root: broken})).rejects.toMatchObject({code: 'CONFIG_LOAD', message: expect.stringContaining('bounceback.config.json')})
  })

  it('names the line and column of a syntax error in a JSON or module config, and puts backticks around the whole key', async () => {
    const json = await tempProject({'bounceback.config.json': '{\n  "title": "x",\n  "base": \n}\n'})
    const mjs = await tempProject({'bounceback.config.mjs': "export default {\n  title: 'x',\n  sections: [\n"})
    const ts = await tempProject({'bounceback.config.ts': "const title: string = 'x'\nexport default {title,,}\n"})
    roots.push(json, mjs, ts)
    await expect(loadConfig({root: json})).rejects.toMatchObject({
      message: expect.stringMatching(/^bounceback\.config\.json:4:1: could not be loaded: syntax error: /)
    })
    await expect(loadConfig({root: mjs})).rejects.toMatchObject({
      message: expect.stringMatching(/^bounceback\.config\.mjs:4:1: could not be loaded: syntax error: /)
    })
    await expect(loadConfig({root: ts})).rejects.toMatchObject({message: expect.stringMatching(/bounceback\.config\.ts:2:22: /)})
    expect(fails({sections: [{id: 'goal', headings: []}]}).message).toContain('`sections[0].headings` must be a non-empty list')
    expect(fails({sections: [{id: 'goal', headings: ['Goal'], depths: [1]}]}).message).toContain('`sections[0].depths` must be')
  })

  it('says when the root is not a folder', async () => {
    const root = await tempProject({'file.txt': 'x'})
    roots.push(root)
    await expect(loadConfig({root: path.join(root, 'file.txt')})).rejects.toMatchObject({code: 'ROOT_NOT_FOUND', message: expect.stringContaining('is a file')})
    await expect(loadConfig({root: path.join(root, 'missing')})).rejects.toMatchObject({code: 'ROOT_NOT_FOUND'})
  })
})

describe('bounceback.config.ts', () => {
  it('is compiled and read, types and all, and leaves nothing behind', async () => {
    const root = await tempProject({
      'bounceback.config.ts':
        "import type {UserConfig} from 'bounceback'\nconst title: string = 'Typed site'\nconst config: UserConfig = {title, lessons: " +
        '{threshold: 0.7}}\nexport default config\n'
    })
    try {
      const config = await loadConfig({root})
      expect(config.site.title).toBe('Typed site')
      expect(config.lessons.threshold).toBe(0.7)
      expect((await fs.readdir(root)).sort()).toEqual(['bounceback.config.ts'])
    } finally {
      await fs.rm(root, {recursive: true, force: true})
    }
  })

  it('names the file when it does not compile', async () => {
    const root = await tempProject({'bounceback.config.ts': 'export default {title: ,}'})
    try {
      await expect(loadConfig({root})).rejects.toMatchObject({code: 'CONFIG_LOAD', message: expect.stringContaining('bounceback.config.ts')})
      expect(await fs.readdir(root)).toEqual(['bounceback.config.ts'])
    } finally {
      await fs.rm(root, {recursive: true, force: true})
    }
  })
})

describe('a team template of its own', () => {
  it('checks the sections the config names instead of the eight questions', async () => {
    const {check} = await import('../src/check.js')
    const sections = [
      {id: 'impact', headings: ['Impact']},
      {id: 'root-causes', headings: ['Root causes']},
      {id: 'trigger', headings: ['Trigger']},
      {id: 'resolution', headings: ['Resolution']},
      {id: 'detection', headings: ['Detection']},
      {id: 'actions', headings: ['Action items'], presence: 'recommended'},
      {id: 'lessons', headings: ['Lessons learned']},
      {id: 'timeline', headings: ['Timeline'], presence: 'optional'}
    ]
    const body = ['Impact', 'Root causes', 'Trigger', 'Resolution', 'Detection'].map((h) => `## ${h}\n\nWritten.\n`).join('\n')
    const root = await tempProject({
      'bounceback.config.json': JSON.stringify({sections}),
      'content/2025-01-01-outage.md':
        `---\ntitle: Outage\ndate: 2025-01-01\n---\n\n${body}\n## Action items\n\n- [ ] Add an alert\n\n## ` + `Lessons learned\n\n- Alert on symptoms.\n`,
      'content/2025-01-02-partial.md': `---\ntitle: Partial\ndate: 2025-01-02\n---\n\n## Impact\n\nWritten.\n`
    })
    try {
      const result = await check({root})
      expect(result.messages.filter((m) => m.file.endsWith('outage.md'))).toEqual([])
      expect(result.messages.filter((m) => m.file.endsWith('partial.md')).map((m) => `${m.ruleId} ${m.message.split(',')[0]}`)).toEqual([
        'sections/missing Missing section `root-causes`',
        'sections/missing Missing section `trigger`',
        'sections/missing Missing section `resolution`',
        'sections/missing Missing section `detection`',
        'sections/missing Missing section `lessons`',
        'sections/recommended Missing recommended section `actions`'
      ])
    } finally {
      await fs.rm(root, {recursive: true, force: true})
    }
  })
})
