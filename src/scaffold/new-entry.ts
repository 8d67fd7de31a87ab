import fs from 'node:fs/promises'
import path from 'node:path'
import {stringify} from 'yaml'
import {depthsOf} from '../config/presets.js'
import type {ResolvedConfig} from '../config/types.js'
import {BouncebackError} from '../errors.js'
import {digestSlug, entrySlug, slugify} from '../pipeline/extract/slug.js'
import {discover} from '../pipeline/discover/discover.js'
import {dateProblem, localToday} from '../schema/date.js'

/** What each review question asks, in plain words: written under its heading as a comment. */
export const prompts: Readonly<Record<string, string>> = {
  goal: 'What did you set out to do? One or two sentences: the first is shown on the home page.',
  measure: 'How would you know whether it worked? Numbers, dates, a yes-or-no test.',
  'went-well': 'What worked, even if the whole did not? Be specific.',
  'as-planned': 'Which parts happened the way you planned them?',
  'went-poorly': 'What hurt the most? Describe what happened, not who you are.',
  'not-as-planned': 'Where did things leave the plan? What surprised you?',
  'plan-review': 'Given what you knew then, was the plan a sensible way to reach the goal?',
  lessons: 'One lesson per list item (- …). Add #hashtags to connect lessons that come back.',
  actions: 'One commitment per line: - [ ] what you will do differently (due YYYY-MM-DD)',
  feedback: 'Whose outside view did you ask for, and what did they say?'
}

export interface NewEntryOptions {
  title: string
  date?: string
  tags?: string[]
  /**
   * Write `draft: true` (the default): an entry just begun is unfinished by definition, and a
   * draft is checked with warnings, not errors, and not published, so the site keeps building
   * while it is written. `false` for an entry that should be published as soon as it passes.
   */
  draft?: boolean
  /** The site's lesson hashtags in use, most used first: named under the lessons heading, so writers reuse them. */
  themes?: readonly ThemeHint[]
}

/** A hashtag in use, with how many lessons carry it and one of their wordings. */
export interface ThemeHint {
  tag: string
  count: number
  example: string
}

/** Hashtags named in a new entry's lessons prompt. */
const hintedThemes = 8

/**
 * The text of a new entry: frontmatter filled in, then every configured section's heading
 * with a guiding prompt as an HTML comment. Comments count as empty, so the entry passes
 * `check` only once each section is answered.
 */
export function entryTemplate(config: ResolvedConfig, options: NewEntryOptions & {date: string}): string {
  const frontmatter: Record<string, unknown> = {title: options.title, date: options.date}
  if (options.tags && options.tags.length > 0) frontmatter.tags = options.tags
  if (options.draft !== false) frontmatter.draft = true
  const yaml = stringify(frontmatter, {lineWidth: 0}).replace(/^date: '(\d{4}-\d{2}-\d{2})'$/m, 'date: $1')
  const sections = config.sections
    .filter((s) => s.presence !== 'optional')
    .map((s) => {
      const hint = s.id === 'lessons' ? themeHint(options.themes ?? []) : ''
      const prompt = `<!-- ${`${prompts[s.id] ?? 'Your answer.'}${hint}`.replace(/--+/g, '-')} -->`
      // Commitments are a task list from the start.
      return `${'#'.repeat(depthsOf(s)[0]!)} ${s.headings[0]}\n\n${s.id === 'actions' ? `- [ ] ${prompt}` : prompt}\n`
    })
  return `---\n${yaml}---\n\n${sections.join('\n')}`
}

/** ` Tags in use: #estimation (3, e.g. “Pad every estimate by a fifth”), …`, or nothing. */
function themeHint(themes: readonly ThemeHint[]): string {
  if (themes.length === 0) return ''
  const short = (text: string) => (text.length > 50 ? `${text.slice(0, 49)}…` : text)
  const listed = themes.slice(0, hintedThemes).map((t) => `#${t.tag} (${t.count}, e.g. “${short(t.example).replace(/>/g, '›')}”)`)
  return `\n     Tags in use: ${listed.join(', ')}${themes.length > hintedThemes ? `, and ${themes.length - hintedThemes} more` : ''}.`
}

/** Create `content/<date>-<slug>.md`; refuses to overwrite. Returns the path. */
export async function newEntry(config: ResolvedConfig, options: NewEntryOptions): Promise<string> {
  const title = options.title.trim()
  if (title === '') throw new BouncebackError('CONFIG_INVALID', 'A new entry needs a title: bounceback new "What I tried"')
  const date = options.date ?? localToday()
  const why = dateProblem(date)
  if (why) throw new BouncebackError('CONFIG_INVALID', `--date ${date}: ${why}`)
  // A title with nothing to make a slug of (`日本語`, `!!`) gets one from a digest of itself.
  const slug = slugify(title) || digestSlug(title)
  const file = path.join(config.contentDir, `${date}-${slug}.md`)
  await fs.mkdir(config.contentDir, {recursive: true})
  const clash = await sameSlug(config, slug)
  if (clash && path.resolve(clash) !== path.resolve(file)) {
    throw new BouncebackError(
      'WRITE_FAILED',
      `An entry with the slug \`${slug}\` exists already (${path.relative(config.root, clash)}), and slugs are unique across years: choose another title`
    )
  }
  try {
    await fs.writeFile(file, entryTemplate(config, {...options, title, date}), {flag: 'wx'})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new BouncebackError('WRITE_FAILED', `${path.relative(config.root, file)} already exists: it was left as it is. Choose another title or date.`)
    }
    throw new BouncebackError(
      'WRITE_FAILED',
      `Could not create ${path.relative(config.root, file)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      {cause: error}
    )
  }
  return file
}

/** The entry already using a slug, if any. */
async function sameSlug(config: ResolvedConfig, slug: string): Promise<string | undefined> {
  const {sources} = await discover(config)
  return sources.find((s) => entrySlug(s.source, undefined) === slug)?.path
}
