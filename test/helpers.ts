import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {afterEach} from 'vitest'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {RecordLog} from '../src/cache/record-log.js'
import {defaultCacheDir} from '../src/config/cache-location.js'
import {resolveConfig} from '../src/config/resolve.js'
import type {ResolvedConfig, UserConfig} from '../src/config/types.js'
import {processText} from '../src/pipeline/entry.js'
import type {Diagnostic, Entry, EntryMeta, EntryResult} from '../src/types.js'

export const fixtures = path.join(import.meta.dirname, 'fixtures')

/** A fresh project folder under the system's temporary folder, removed by the caller. */
export async function tempProject(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-test-'))
  await writeFiles(root, files)
  return root
}

/**
 * `project(files)` for a test file: each project is a fresh temporary folder, removed after
 * each test.
 */
export function useProjects(): (files?: Record<string, string | Uint8Array>) => Promise<string> {
  const roots: string[] = []
  afterEach(async () => {
    await Promise.all(roots.splice(0).map((root) => fs.rm(root, {recursive: true, force: true})))
  })
  return async (files = {}) => {
    const root = await tempProject(files)
    roots.push(root)
    return root
  }
}

export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, contents] of Object.entries(files)) {
    const file = path.join(root, name)
    await fs.mkdir(path.dirname(file), {recursive: true})
    await fs.writeFile(file, contents)
  }
}

export function testConfig(user: UserConfig = {}, root = '/project'): ResolvedConfig {
  return resolveConfig(user, {root})
}

/** Run the per-entry stages on a string, as if it were `content/<name>`. */
export async function processString(text: string, name = 'entry.md', config = testConfig()): Promise<EntryResult> {
  return processText(text, {path: path.join(config.contentDir, name), file: `content/${name}`, source: name}, config)
}

/** One line per message, as the text report prints them, for exact comparisons. */
export function messageLines(messages: readonly Diagnostic[]): string[] {
  return messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.message} ${m.ruleId}`)
}

/** A complete, valid entry; tests change one thing at a time. */
export function validEntry(overrides: {frontmatter?: string; body?: string} = {}): string {
  const frontmatter = overrides.frontmatter ?? 'title: Newsletter launch\ndate: 2025-03-14\ntags: [writing]\noutcome: mixed'
  const body =
    overrides.body ??
    `## What was the goal?

Reach 100 subscribers by June. Then keep going.

## How am I measuring the success/failure of this project?

Subscriber count on June 30.

## What went really well?

Writing every week.

## What went as planned?

The cadence.

## What went really poorly?

Promotion.

## What didn't go as planned?

Growth stalled at 40.

## Did the plan make sense as a strategy for achieving the goal?

Partly.

## What did I learn from this that will impact future decisions/goals?

- Promote before launch, not after. #marketing

## How will I do better?

- [ ] Write the promotion plan first (due 2025-09-01)
- [x] Ask two friends to share it

## Feedback

A friend said the posts were too long.
`
  return `---\n${frontmatter}\n---\n\n${body}`
}

/** Parse a built page, to assert on elements rather than on text. */
export function parseHtml(html: string): import('hast').Root {
  return htmlParser.parse(html)
}
const htmlParser = unified().use(rehypeParse)

/** Temporary folders or locks a run left beside the output: names starting `.bounceback-`, but the cache's own folder. */
export async function leftovers(root: string): Promise<string[]> {
  return (await fs.readdir(root)).filter((name) => name.startsWith('.bounceback-') && name !== '.bounceback-cache')
}

/** A valid entry whose lessons section holds `items` (Markdown list lines). */
export function withLessons(items: string): string {
  return validEntry().replace(/## What did I learn[^\n]*\n\n[\s\S]*?(?=\n## |$)/, `## What did I learn?\n\n${items}\n`)
}

/** A command line's input and output for `main()`, everything it prints kept in `out`. */
export function capturedIo(cwd: string): {
  out: string[]
  io: {stdout(t: string): void; stderr(t: string): void; cwd: string; env: Record<string, string>; isTTY: false}
} {
  const out: string[] = []
  return {out, io: {stdout: (t) => out.push(t), stderr: (t) => out.push(t), cwd, env: {}, isTTY: false}}
}

/** The entry cache file of a project (a log of records, see src/cache/record-log.ts). */
export function entryCacheFile(root: string): string {
  return path.join(defaultCacheDir(root, os.homedir()), 'entries.jsonl')
}

/** The entry cache's live results, by key, as its reader finds them under the header the file has. */
export async function cachedResults(root: string): Promise<Map<string, unknown>> {
  const header = JSON.parse((await fs.readFile(entryCacheFile(root), 'utf8')).split('\n')[0]!) as Record<string, unknown>
  return (await RecordLog.open(entryCacheFile(root), header)).records
}

/** Rewrite the entry cache with each live result changed by `edit`, as a hand edit would. */
export async function editCachedResults(root: string, edit: (result: {entry: {meta: {tags: unknown}; url: string}}) => void): Promise<void> {
  const header = (await fs.readFile(entryCacheFile(root), 'utf8')).split('\n')[0]!
  const records = [...(await cachedResults(root))].map(([key, result]) => {
    edit(result as Parameters<typeof edit>[0])
    return JSON.stringify([key, result])
  })
  await fs.writeFile(entryCacheFile(root), [header, ...records].join('\n'))
}

/** An entry as the per-entry stages would give it, from the few fields a test names. */
export interface EntrySpec extends Partial<EntryMeta> {
  slug: string
  date: string
  lessons?: (string | [string, string[]])[]
  actions?: [string, boolean, string?][]
}

export function entryResult(spec: EntrySpec): EntryResult {
  const {slug, lessons = [], actions = [], ...meta} = spec
  const e: Entry = {
    key: `content/${spec.date}-${slug}.md\u0000test`,
    source: `${spec.date}-${slug}.md`,
    slug,
    url: `/${spec.date.slice(0, 4)}/${slug}/`,
    meta: {title: slug.replace(/-/g, ' '), tags: [], feedback: [], draft: false, ...meta},
    sections: [],
    summary: '',
    lessons: lessons.map((l, i) => (typeof l === 'string' ? {text: l, hashtags: [], line: i + 1} : {text: l[0], hashtags: l[1], line: i + 1})),
    actions: actions.map(([text, done, due], i) => ({text, done, line: i + 1, ...(due ? {due} : {})})),
    body: {type: 'root', children: []}
  }
  return {file: `content/${e.source}`, messages: [], entry: e}
}
