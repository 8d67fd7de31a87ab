import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {check} from '../src/check.js'
import {entrySlug, slugify} from '../src/pipeline/extract/slug.js'
import {selectAll} from 'hast-util-select'
import {messageLines, parseHtml, processString, useProjects, validEntry} from './helpers.js'

const project = useProjects()

async function allHtml(dir: string): Promise<string> {
  const names = (await fs.readdir(dir, {recursive: true})).filter((name) => name.endsWith('.html'))
  return (await Promise.all(names.map((name) => fs.readFile(path.join(dir, name), 'utf8')))).join('\n')
}

/** The only scripts a page may hold are the default theme's own, loaded by URL: none inline. */
const themeScripts = new Set(['/assets/search.js'])
function themeScriptsOnly(html: string): boolean {
  const pages = html.split('<!doctype html>').filter(Boolean)
  return pages.every((page) =>
    selectAll('script', parseHtml(page)).every((script) => themeScripts.has(String(script.properties.src)) && script.children.length === 0)
  )
}

const hostileBody = validEntry().replace(
  'Writing every week.',
  `Writing <script>alert(1)</script> every week.

<img src="x" onerror="alert(2)"> <a href="javascript:alert(3)">raw link</a> <iframe src="https://example.com"></iframe>

[md link](javascript:alert(4)) [encoded](jav&#x09;ascript:alert(5)) ![data image](data:image/svg+xml;base64,PHN2Zz4=)

<javascript:alert(6)> <svg onload="alert(7)"></svg> <div style="background:url(javascript:alert(8))">styled</div>`
)

describe('nothing hostile in an entry reaches the output', () => {
  it('drops scripts, event handlers and javascript:/data: URLs from Markdown and raw HTML', async () => {
    // `<img src="x">` is a file beside the entry: copied, its handler dropped all the same.
    const root = await project({'content/2025-03-14-hostile.md': hostileBody, 'content/x': 'x'})
    const result = await build({root})
    expect(result.written).toBe(true)
    const html = await allHtml(path.join(root, 'dist'))
    const entryPage = await fs.readFile(path.join(root, 'dist/2025/hostile/index.html'), 'utf8')
    const tree = parseHtml(entryPage)
    expect(selectAll('script, iframe, svg, object, embed, style', tree)).toEqual([])
    expect(selectAll('[style]', tree)).toEqual([])
    for (const element of selectAll('*', tree)) {
      for (const [name, value] of Object.entries(element.properties)) {
        expect(name).not.toMatch(/^on/i)
        expect(String(value)).not.toMatch(/^\s*(?:javascript|data|vbscript):/i)
      }
    }
    expect(themeScriptsOnly(html)).toBe(true)
    expect(html).not.toMatch(/\son[a-z]+=/i)
    expect(html).not.toMatch(/(?:href|src|action)="\s*javascript:/i)
    expect(html).toContain('<a>javascript:alert(6)</a>') // the autolink survives as inert text
    expect(entryPage).toContain('md link')
  })

  it('escapes frontmatter values: they are text, never markup', async () => {
    const root = await project({
      'content/2025-03-14-x.md': validEntry({frontmatter: `title: "<script>alert('t')</script>"\ndate: 2025-03-14\ntags: ['<img src=x onerror=alert(1)>']`})
    })
    await build({root})
    const html = await allHtml(path.join(root, 'dist'))
    const pages = (await fs.readdir(path.join(root, 'dist'), {recursive: true})).filter((name) => name.endsWith('.html'))
    for (const page of pages) {
      const text = await fs.readFile(path.join(root, 'dist', page), 'utf8')
      expect(selectAll('img', parseHtml(text))).toEqual([])
      expect(themeScriptsOnly(text)).toBe(true)
    }
    expect(html).toContain('&#x3C;script>alert')
  })

  it('never runs ---js or ---javascript frontmatter', async () => {
    for (const language of ['js', 'javascript']) {
      const text =
        `---${language}\n{title: (globalThis.bouncebackPwned = true, 'x'), date: ` +
        `'2025-01-01'}\n---\n\n${validEntry().split('---\n').slice(2).join('---\n')}`
      const result = await processString(text)
      expect((globalThis as {bouncebackPwned?: boolean}).bouncebackPwned).toBeUndefined()
      expect(result.messages[0]).toMatchObject({line: 1, column: 1, severity: 'error', ruleId: 'frontmatter/yaml'})
      expect(result.messages[0]!.message).toContain(`\`---${language}\``)
    }
  })

  it('keeps __proto__ and constructor keys away from object prototypes', async () => {
    const result = await processString(
      validEntry({frontmatter: 'title: Proto\ndate: 2025-01-01\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}'})
    )
    expect(({} as {polluted?: boolean}).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(Object.getPrototypeOf(result.entry!.meta)).toBe(Object.prototype)
    expect(result.messages.map((m) => m.ruleId)).toEqual(['frontmatter/unknown-field', 'frontmatter/unknown-field'])
  })

  it('refuses YAML aliases, so an alias bomb costs nothing', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`
      )
    const result = await processString(validEntry({frontmatter: `title: Bomb\ndate: 2025-01-01\n${bomb.join('\n')}`}))
    expect(result.messages.filter((m) => m.ruleId === 'frontmatter/yaml').length).toBeGreaterThan(0)
    expect(result.messages.find((m) => m.ruleId === 'frontmatter/yaml')!.message).toContain('alias')
  })

  it('refuses a symbolic link that leads outside content/', async () => {
    const outside = await project({})
    await fs.writeFile(path.join(outside, 'secret.md'), validEntry({frontmatter: 'title: SECRET-TOKEN-123\ndate: 2025-01-01'}))
    const root = await project({'content/2025-03-14-fine.md': validEntry()})
    await fs.symlink(path.join(outside, 'secret.md'), path.join(root, 'content', 'leak.md'))
    await fs.symlink(outside, path.join(root, 'content', 'leaked-folder'))
    const result = await build({root})
    expect(messageLines(result.messages)).toEqual([
      '1:1 error Unexpected symbolic link to a path outside the content folder, expected entries to live inside it: move the file into the ' +
        'content folder file/outside-content',
      '1:1 error Unexpected symbolic link to a path outside the content folder, expected entries to live inside it: move the file into the ' +
        'content folder file/outside-content'
    ])
    expect(result.messages.map((m) => m.file).sort()).toEqual(['content/leak.md', 'content/leaked-folder'])
    expect(result.written).toBe(false)
  })

  it('reports UTF-16, NUL bytes and invalid UTF-8 instead of rendering garbage', async () => {
    const root = await project({
      'content/utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(validEntry(), 'utf16le')]),
      'content/nul.md': Buffer.from(`${validEntry()}\0`),
      'content/latin1.md': Buffer.from(validEntry({frontmatter: 'title: Caf\u00e9\ndate: 2025-01-01'}), 'latin1')
    })
    const result = await check({root})
    expect(result.messages.map((m) => `${m.file} ${m.ruleId}`)).toEqual([
      'content/latin1.md file/encoding',
      'content/nul.md file/encoding',
      'content/utf16.md file/encoding'
    ])
    expect(result.messages[0]!.message).toMatch(/invalid UTF-8 at byte \d+/)
    expect(result.messages[1]!.message).toContain('NUL byte')
    expect(result.messages[2]!.message).toContain('UTF-16')
  })

  it('reads UTF-8 with a BOM and CRLF line endings like a plain file', async () => {
    const plain = await processString(validEntry({frontmatter: 'title: Plain\ndate: 2025-02-30'}))
    const crlf = validEntry({frontmatter: 'title: Plain\ndate: 2025-02-30'}).replace(/\n/g, '\r\n')
    const root = await project({'content/a.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)])})
    const result = await check({root})
    expect(messageLines(result.messages)).toEqual(messageLines(plain.messages))
    expect(result.messages[0]).toMatchObject({line: 3, column: 7, ruleId: 'frontmatter/date'})
  })
})

describe('slugs', () => {
  it('are [a-z0-9-] only, the same for NFC and NFD spellings, never empty, never a device name', () => {
    expect(slugify('Café Launch!')).toBe('cafe-launch')
    expect(slugify('Cafe\u0301 Launch!')).toBe('cafe-launch')
    expect(slugify('../../etc/passwd')).toBe('etc-passwd')
    expect(slugify('CON')).toBe('con-entry')
    expect(entrySlug('2025-03-14-newsletter-launch.md', 'Whatever')).toBe('newsletter-launch')
    expect(entrySlug('work/2025-03-14.md', 'A title')).toBe('a-title')
    expect(entrySlug('....md', undefined)).toMatch(/^entry-[0-9a-f]{8}$/)
    expect(entrySlug(`${'a'.repeat(251)}.md`, undefined)).toHaveLength(80)
    expect(entrySlug('日本語.md', '日本語')).toMatch(/^entry-[0-9a-f]{8}$/)
    expect(entrySlug('日本語.md', '日本語')).not.toBe(entrySlug('中文.md', '中文'))
    // `/2025/page/2/` is the second page of 2025's archive: no entry of 2025 is `page`.
    expect(entrySlug('2025-03-14-page.md', 'Page')).toBe('page-entry')
    expect(entrySlug('2025-03-14.md', 'Page')).toBe('page-entry')
    expect(entrySlug('pages.md', 'Pages')).toBe('pages')
  })

  it('clashing slugs are an error naming both files', async () => {
    const root = await project({
      'content/caf\u00e9.md': validEntry({frontmatter: 'title: One\ndate: 2025-01-01'}),
      'content/work/cafe\u0301.md': validEntry({frontmatter: 'title: Two\ndate: 2025-01-02'}),
      'content/Launch.md': validEntry({frontmatter: 'title: Three\ndate: 2025-01-03'}),
      'content/launch.md': validEntry({frontmatter: 'title: Four\ndate: 2025-01-04'})
    })
    const result = await build({root})
    expect(result.written).toBe(false)
    const lines = result.messages.map((m) => `${m.file}: ${m.message}`)
    expect(lines).toContain('content/Launch.md: Unexpected duplicate slug `launch`, also made by `content/launch.md`: rename one of the files')
    expect(lines).toContain('content/launch.md: Unexpected duplicate slug `launch`, also made by `content/Launch.md`: rename one of the files')
    expect(lines).toContain(`content/caf\u00e9.md: Unexpected duplicate slug \`cafe\`, also made by \`content/work/cafe\u0301.md\`: rename one of the files`)
  })

  it('a slug shared by many entries names three of the others in each message, and counts the rest', async () => {
    const files: Record<string, string> = {}
    for (let i = 1; i <= 6; i++) files[`content/2025-01-0${i}-launch.md`] = validEntry({frontmatter: `title: Launch ${i}\ndate: 2025-01-0${i}`})
    const result = await check({root: await project(files)})
    const clashes = result.messages.filter((m) => m.ruleId === 'slug/duplicate')
    expect(clashes.map((m) => m.file)).toEqual(Object.keys(files))
    expect(clashes[0]!.message).toBe(
      'Unexpected duplicate slug `launch`, also made by `content/2025-01-02-launch.md`, `content/2025-01-03-launch.md`, ' +
        '`content/2025-01-04-launch.md` and 2 other files: rename one of the files'
    )
    expect(clashes[2]!.message).toContain(
      'also made by `content/2025-01-01-launch.md`, `content/2025-01-02-launch.md`, `content/2025-01-04-launch.md` and 2 other'
    )
  })
})
