import fs from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {selectAll} from 'hast-util-select'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {entryRunner} from '../src/pool/pool.js'
import {parseHtml, testConfig, useProjects, validEntry} from './helpers.js'
import {propertySeeds} from './seeds.js'

const seeds = propertySeeds('random entries')
/** Runs per seed. */
const runs = Math.round(Number(process.env.FC_RUNS ?? 160) / seeds.length)
const project = useProjects()

/** Pieces that have broken Markdown tools, HTML sanitisers and YAML parsers before. */
const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '![x](data:text/html;base64,PHNjcmlwdD4=)',
  '<svg onload=alert(1)>',
  '<iframe src=//evil>',
  '<style>*{}</style>',
  '<form action=javascript:alert(1)><button>x</button></form>',
  '<details open ontoggle=alert(1)>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '---',
  '***',
  '> > > >',
  '- - -',
  '* * *',
  '`',
  '```',
  '~~~',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '[^1]\n\n[^1]: note',
  '#tag',
  '# h1',
  '## Goal',
  '## What was the goal?',
  '- [ ] task (due 2024-02-30)',
  '- [x] done',
  '<!--',
  '-->',
  '\\',
  '\u0000',
  '\u202e',
  '\ufeff',
  '\r\n',
  '\t',
  '&amp;',
  '&#0;',
  '%00',
  '../../etc/passwd',
  'www.example.com',
  'https://x.test/(a)',
  // Shapes that make Markdown parsers slow: runs of emphasis and link openers, wide tables, setext headings.
  '_a_ '.repeat(300),
  '[a]('.repeat(300),
  '*a _b '.repeat(60) + ' b_ a*'.repeat(60),
  '~a '.repeat(100) + ' a~'.repeat(100),
  '['.repeat(2000),
  `|${'a|'.repeat(300)}\n|${'-|'.repeat(300)}\n|${'1|'.repeat(300)}`,
  'a\n=\n'.repeat(200),
  '\ud800',
  '\uffff',
  ']]>',
  '\u0007\u001b[2J'
]
const yamlBits = [
  'title: x',
  'date: 2024-02-30',
  'date: 2024-02-29',
  'date: tomorrow',
  'date: 12:30',
  'tags: [a, b',
  'tags: *a',
  'a: &a [1]',
  '__proto__: {x: 1}',
  'constructor: 1',
  'title: 1.10',
  'draft: yes',
  'outcome: fail',
  'cost: {spent: -1}',
  '- list',
  '? complex',
  '!!js/function "f"',
  'title: "<script>alert(1)</script>"',
  'tags: ["<img src=x onerror=alert(1)>"]',
  'title: x\ntitle: y',
  '{a: {b: {c: {d: [[[[1]]]]}}}}',
  // Text no page or feed may carry, and dates at and past the ends of the accepted range.
  'title: "lone \\uD800"',
  'tags: ["\\uDC00", "nul\\0"]',
  'title: "]]> and \\uFFFE"',
  '"ke\\ey": 1',
  'title: "\\e[2J\\a"',
  'date: 0999-01-01',
  'date: 1900-01-01',
  'date: 2199-12-31',
  'date: 9999-12-31',
  `tags: ${'['.repeat(300)}`
]

const fragment = fc.oneof(fc.constantFrom(...hostile), fc.string({maxLength: 40}), fc.constantFrom('\n', '\n\n', ' '))
const body = fc.array(fragment, {maxLength: 40}).map((parts) => parts.join(''))
const frontmatter = fc.array(fc.oneof(fc.constantFrom(...yamlBits), fc.string({maxLength: 20})), {maxLength: 8}).map((lines) => lines.join('\n'))
const entry = fc.oneof(
  fc.tuple(frontmatter, body).map(([fm, b]) => `---\n${fm}\n---\n\n${b}`),
  body,
  fc.tuple(body).map(([b]) => validEntry().replace('Writing every week.', b)),
  fc.tuple(frontmatter).map(([fm]) => validEntry({frontmatter: `title: T\ndate: 2025-01-01\n${fm}`}))
)

function safe(html: string): string[] {
  const problems: string[] = []
  const tree = parseHtml(html)
  for (const element of selectAll('*', tree)) {
    const themeForm =
      element.tagName === 'form' && ['site-search', 'search-form'].some((name) => (element.properties.className as string[] | undefined)?.includes(name))
    const themeChart = element.tagName === 'svg' && (element.properties.className as string[] | undefined)?.includes('chart')
    if (['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form'].includes(element.tagName) && !themeForm && !themeChart)
      problems.push(`<${element.tagName}>`)
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) problems.push(`${name} attribute`)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore control characters in a URL's scheme, and so must this check
      if (/^\s*(?:javascript|vbscript|data):/i.test(String(value).replace(/[\u0000-\u001f]/g, ''))) problems.push(`${name}=${String(value)}`)
    }
  }
  return problems
}

describe('random entries (fast-check)', () => {
  it('never crash, always end as an entry or a message within the time budget, and never carry script into a body', async () => {
    // Read as a build reads them: in line, and in a worker once an entry overruns.
    const config = testConfig({limits: {timeBudget: 1500}})
    const runner = await entryRunner(config, 1, {inlineLimit: 300})
    try {
      for (const seed of seeds) {
        await fc.assert(
          fc.asyncProperty(entry, async (text) => {
            const result = await runner.run(new TextEncoder().encode(text), {
              path: path.join(config.contentDir, 'entry.md'),
              file: 'content/entry.md',
              source: 'entry.md'
            })
            expect(result.entry !== undefined || result.messages.length > 0).toBe(true)
            if (result.entry) expect(safe(`<!doctype html><body>${toHtml(result.entry.body, {allowDangerousHtml: true})}</body>`)).toEqual([])
          }),
          {seed, numRuns: runs}
        )
      }
    } finally {
      await runner.close()
    }
  }, 120_000)

  it('built into sites, give a page or a message for every file, only the theme scripts, and well-formed XML', async () => {
    const {SaxesParser} = await import('saxes')
    for (const seed of seeds) {
      await fc.assert(
        fc.asyncProperty(fc.array(entry, {minLength: 1, maxLength: 4}), async (texts) => {
          const files = Object.fromEntries(texts.map((text, i) => [`content/2025-01-0${i + 1}-case-${i}.md`, text]))
          // A sitemap is written only for a site whose URL is known.
          const root = await project({...files, 'bounceback.config.json': JSON.stringify({base: 'https://example.com/site/', limits: {timeBudget: 2000}})})
          const result = await build({root, cache: false})
          // A build with an error writes nothing (and says so); otherwise every file is a page or a message.
          if (!result.written) {
            expect(result.errors).toBeGreaterThan(0)
            return
          }
          const published = (JSON.parse(await fs.readFile(path.join(root, 'dist', 'data.json'), 'utf8')) as {entries: {slug: string}[]}).entries.length
          const withMessages = new Set(result.messages.map((m) => m.file)).size
          expect(published + withMessages, 'some file gave neither a page nor a message').toBeGreaterThanOrEqual(Object.keys(files).length)
          for (const name of (await fs.readdir(path.join(root, 'dist'), {recursive: true})).filter((n) => n.endsWith('.html'))) {
            const html = await fs.readFile(path.join(root, 'dist', name), 'utf8')
            const tree = parseHtml(html)
            const scripts = selectAll('script', tree).map((s) => String(s.properties.src))
            expect(
              scripts.every((src) => src === '/site/assets/search.js'),
              name
            ).toBe(true)
            expect(safe(html.replace(/<script src="\/site\/assets\/search\.js"><\/script>/g, '')), name).toEqual([])
          }
          for (const name of ['feed.xml', 'sitemap.xml']) {
            const xml = await fs.readFile(path.join(root, 'dist', name), 'utf8')
            expect(() => new SaxesParser({xmlns: true}).write(xml).close(), name).not.toThrow()
          }
        }),
        {seed, numRuns: Math.max(4, Math.round(runs / 25))}
      )
    }
  }, 300_000)

  it('give well-formed feeds and sitemaps whatever their titles and tags hold', async () => {
    const {SaxesParser} = await import('saxes')
    const awkward = fc.oneof(
      fc.string({unit: 'binary', maxLength: 30}),
      fc.constantFrom(']]>', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '\u0000', '\u0007', '<![CDATA[', '&amp;', '"\'<>', '\u2028')
    )
    const yamlString = (text: string) => JSON.stringify(text).replace(/\\u([0-9a-f]{4})/gi, '\\u$1')
    for (const seed of seeds) {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(awkward, fc.array(awkward, {maxLength: 3})), {minLength: 1, maxLength: 3}), async (entries) => {
          const files: Record<string, string> = {
            'bounceback.config.json': JSON.stringify({base: 'https://example.com/', rules: {'frontmatter/value': 'warn', 'frontmatter/required': 'warn'}})
          }
          entries.forEach(([title, tags], i) => {
            files[`content/2025-01-0${i + 1}-case-${i}.md`] = validEntry({
              frontmatter: `title: ${yamlString(title)}\ndate: 2025-01-0${i + 1}\ntags: [${tags.map(yamlString).join(', ')}]`
            })
          })
          const root = await project(files)
          const result = await build({root, cache: false})
          if (!result.written) return
          for (const name of ['feed.xml', 'sitemap.xml']) {
            const xml = await fs.readFile(path.join(root, 'dist', name), 'utf8')
            expect(() => new SaxesParser({xmlns: true}).write(xml).close(), `${name}: ${xml}`).not.toThrow()
          }
        }),
        {seed, numRuns: Math.max(4, Math.round(runs / 10))}
      )
    }
  }, 120_000)
})
