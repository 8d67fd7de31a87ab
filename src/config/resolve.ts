import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {BouncebackError} from '../errors.js'
import {folderRefusal, refusalMessage, within, type Places} from '../folders/places.js'
import {normalizeHeading, type SectionSpec} from './sections.js'
import {presetNames, presets, type Preset, type PresetName} from './presets.js'
import {resolveFields} from './fields.js'
import {defaultCacheDir} from './cache-location.js'
import {ruleDefaults} from '../rules.js'
import {closest} from '../schema/suggest.js'
import type {Pluggable} from 'unified'
import type {Limits, ResolvedConfig, ResolvedRule, RuleLevel, UserConfig} from './types.js'

/** The package's own folder: `lib/config/` (compiled) or `src/config/` (tests) are two levels down. */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

const stringKeys = ['title', 'description', 'author', 'lang', 'base', 'content', 'output', 'theme', 'public'] as const
const knownKeys = new Set<string>([
  ...stringKeys,
  'replaceOutput',
  'pageSize',
  'preset',
  'sections',
  'fields',
  'rules',
  'lessons',
  'limits',
  'remarkPlugins',
  'rehypePlugins'
])
const defaultPageSize = 20
/** A page of a thousand entries is already far past what anyone scrolls, and over the page weight the theme aims for. */
const maxPageSize = 1000
const levels = new Set<RuleLevel>(['off', 'info', 'warn', 'error'])

export interface ResolveOptions {
  root: string
  configFile?: string
  /** Where the command runs from (default: the process's); the output may never be it or above it. */
  cwd?: string
  /** The user's home folder (default: the system's). */
  home?: string
  /** Keep the cache (default `true`), in `cacheDir` (relative to the root; default: see `defaultCacheDir`). */
  cache?: boolean
  cacheDir?: string
}

/** Check what the user wrote and fill in defaults: the one place that decides configuration. */
export function resolveConfig(user: UserConfig, options: ResolveOptions): ResolvedConfig {
  const where = options.configFile ? path.relative(options.root, options.configFile) || options.configFile : 'config'
  const fail = (message: string): never => {
    throw new BouncebackError('CONFIG_INVALID', `${where}: ${message}`)
  }
  if (user === null || typeof user !== 'object' || Array.isArray(user)) {
    fail('expected the config to be an object')
  }
  for (const key of Object.keys(user)) {
    if (!knownKeys.has(key)) fail(`unknown key \`${key}\`, expected one of ${[...knownKeys].map((k) => `\`${k}\``).join(', ')}`)
  }
  for (const key of stringKeys) {
    const value = user[key]
    if (value !== undefined && typeof value !== 'string') fail(`\`${key}\` must be a string, got ${typeof value}`)
  }

  const root = path.resolve(options.root)
  const defaultThemeDir = path.join(packageDir, 'themes', 'default')
  const theme = user.theme === undefined || user.theme === 'default' ? defaultThemeDir : path.resolve(root, user.theme)
  const contentDir = path.resolve(root, user.content ?? 'content')
  const outDir = path.resolve(root, user.output ?? 'dist')
  const publicDir = resolvePublic(root, user.public, contentDir, outDir, fail)
  if (user.replaceOutput !== undefined && typeof user.replaceOutput !== 'boolean') fail('`replaceOutput` must be `true` or `false`')
  const home = options.home ?? os.homedir()
  const cacheDir = options.cache === false ? undefined : options.cacheDir !== undefined ? path.resolve(root, options.cacheDir) : defaultCacheDir(root, home)
  const places: Places = {
    root,
    contentDir,
    themeDir: theme,
    configFile: options.configFile,
    outDir,
    cacheDir,
    cwd: path.resolve(options.cwd ?? process.cwd()),
    home,
    packageDir,
    defaultThemeDir,
    publicDir
  }
  checkFolders(places, user.output === undefined ? undefined : where, options.cacheDir !== undefined)
  const lang = user.lang ?? 'en'
  if (!isLocale(lang)) fail(`\`lang\` is not a language tag: \`${lang}\`, expected one such as \`en\`, \`en-GB\` or \`nl\``)
  const {base, url} = resolveBase(user.base ?? '/', fail)
  const pageSize = resolvePageSize(user.pageSize, fail)

  return {
    root,
    contentDir,
    outDir,
    themeDir: theme,
    publicDir,
    defaultThemeDir,
    configFile: options.configFile,
    cacheDir,
    replaceOutput: user.replaceOutput === true,
    places,
    site: {
      title: user.title ?? 'Post-mortems',
      description: user.description ?? 'What I set out to do, what happened, and what I learned.',
      author: user.author ?? '',
      lang,
      base,
      url,
      pageSize
    },
    ...resolveShape(user, fail),
    fields: resolveFields(user.fields, fail),
    rules: resolveRules(user.rules, fail),
    lessons: resolveLessons(user.lessons, fail),
    limits: resolveLimits(user.limits, fail),
    remarkPlugins: resolvePlugins('remarkPlugins', user.remarkPlugins, fail),
    rehypePlugins: resolvePlugins('rehypePlugins', user.rehypePlugins, fail)
  }
}

function resolvePageSize(value: unknown, fail: (m: string) => never): number {
  if (value === undefined) return defaultPageSize
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > maxPageSize) {
    fail(`\`pageSize\` must be a whole number from 1 to ${maxPageSize}, got \`${JSON.stringify(value)}\`: the number of entries per page, such as \`20\``)
  }
  return value as number
}

/**
 * `base` is a path (`/lessons/`) or a whole URL (`https://user.github.io/lessons/`): links use
 * its path; the URL, when given, is where the site lives, for canonical links and feeds.
 */
function resolveBase(base: string, fail: (m: string) => never): {base: string; url: string} {
  let pathname = base
  let origin = ''
  if (/^[a-z][a-z0-9+.-]*:/i.test(base)) {
    let parsed: URL
    try {
      parsed = new URL(base)
    } catch {
      return fail(`\`base\` is not a valid URL: \`${base}\``)
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') fail(`\`base\` must be a path such as \`/lessons/\` or an http(s) URL, got \`${base}\``)
    if (parsed.search || parsed.hash) fail('`base` must not have a query or a fragment')
    pathname = parsed.pathname
    origin = parsed.origin
  }
  if (/[?#\\]|\.\.|%/.test(pathname)) fail(`\`base\` must be a plain path such as \`/lessons/\`, got \`${base}\``)
  const trimmed = pathname.replace(/^\/+|\/+$/g, '').replace(/\/{2,}/g, '/')
  const normal = trimmed ? `/${trimmed}/` : '/'
  return {base: normal, url: origin ? origin + normal : ''}
}

/**
 * The public folder is copied as it is: it may not be, hold or lie inside the content folder
 * (entries would be published raw). It is `public` unless the output is (as Hugo's is), then `static`.
 */
function resolvePublic(root: string, name: string | undefined, contentDir: string, outDir: string, fail: (m: string) => never): string {
  const publicDir = path.resolve(root, name ?? (outDir === path.resolve(root, 'public') ? 'static' : 'public'))
  if (within(publicDir, contentDir) || within(contentDir, publicDir))
    fail(
      `Unexpected \`public\` (${publicDir}) that overlaps the content folder, expected a folder of its own such as \`public\`: its files are copied as they are`
    )
  return publicDir
}

function isLocale(lang: string): boolean {
  try {
    return Intl.getCanonicalLocales(lang).length === 1
  } catch {
    return false
  }
}

/**
 * The output and cache folders keep clear of everything else (see `folderRefusal`). When both
 * are refused, the one the user named on this run (`--cache-dir`) is the one reported.
 */
function checkFolders(places: Places, configName: string | undefined, cacheNamed: boolean): void {
  const output = (): void => {
    const reason = folderRefusal('output', places.outDir, places)
    if (reason) throw new BouncebackError('OUTPUT_PROTECTED', `${configName ? `${configName}: ` : ''}${refusalMessage('output', places.outDir, reason)}`)
  }
  const cache = (): void => {
    const reason = places.cacheDir === undefined ? undefined : folderRefusal('cache', places.cacheDir, places)
    if (reason) throw new BouncebackError('CACHE_PROTECTED', refusalMessage('cache', places.cacheDir!, reason))
  }
  if (cacheNamed) cache()
  output()
  cache()
}

/** The preset, and the sections: the preset's, or the config's own in its place. */
function resolveShape(user: UserConfig, fail: (m: string) => never): Pick<ResolvedConfig, 'preset' | 'sections' | 'summarySection'> {
  const name = user.preset ?? 'questions'
  if (!(presetNames as readonly unknown[]).includes(name)) {
    const guess = typeof name === 'string' ? closest(name, presetNames) : undefined
    fail(`\`preset\` must be one of ${presetNames.map((p) => `'${p}'`).join(', ')}, got \`${String(name)}\`${guess ? ` (did you mean '${guess}'?)` : ''}`)
  }
  const preset: Preset = presets[name as PresetName]
  const sections = resolveSections(user.sections, preset, fail)
  // Custom sections keep the preset's summary section when they have it, else the goal.
  const summarySection = sections.some((s) => s.id === preset.summary) ? preset.summary : 'goal'
  return {preset: preset.name, sections, summarySection}
}

function resolveSections(sections: UserConfig['sections'], preset: Preset, fail: (m: string) => never): SectionSpec[] {
  if (sections === undefined) return preset.sections.map((s) => ({...s, headings: [...s.headings]}))
  if (!Array.isArray(sections)) fail('`sections` must be a list of `{id, headings, presence}`')
  const seen = new Set<string>()
  const headingOwners = new Map<string, string>()
  return sections.map((section, index) => {
    const at = (key: string) => `\`sections[${index}].${key}\``
    if (!section || typeof section.id !== 'string' || !/^[a-z0-9-]+$/.test(section.id)) {
      fail(`${at('id')} must be made of a-z, 0-9 and -`)
    }
    if (seen.has(section.id)) fail(`${at('id')} \`${section.id}\` is given twice`)
    seen.add(section.id)
    if (!Array.isArray(section.headings) || section.headings.length === 0 || !section.headings.every((h) => typeof h === 'string')) {
      fail(`${at('headings')} must be a non-empty list of strings`)
    }
    for (const heading of section.headings) {
      const key = normalizeHeading(heading)
      const owner = headingOwners.get(key)
      if (owner !== undefined && owner !== section.id) fail(`${at('headings')}: \`${heading}\` is already a heading of section \`${owner}\``)
      headingOwners.set(key, section.id)
    }
    const presence = section.presence ?? 'required'
    if (!['required', 'recommended', 'optional'].includes(presence)) {
      fail(`${at('presence')} must be 'required', 'recommended' or 'optional'`)
    }
    const resolved: SectionSpec = {id: section.id, headings: [...section.headings], presence}
    if (section.depths !== undefined) {
      const depths = section.depths as unknown
      if (!Array.isArray(depths) || depths.length === 0 || !depths.every((d) => Number.isInteger(d) && d >= 2 && d <= 6)) {
        fail(`${at('depths')} must be a non-empty list of heading depths from 2 to 6, such as \`[2, 3]\` (a \`#\` heading is the title)`)
      }
      resolved.depths = [...(depths as number[])]
    }
    return resolved
  })
}

function resolveRules(rules: UserConfig['rules'], fail: (m: string) => never): Record<string, ResolvedRule> {
  const resolved: Record<string, ResolvedRule> = Object.create(null)
  for (const [id, level] of Object.entries(ruleDefaults)) resolved[id] = {level, options: {}}
  if (rules === undefined) return resolved
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) fail('`rules` must be an object of rule ids')
  for (const [id, setting] of Object.entries(rules)) {
    if (!(id in resolved)) fail(`\`rules\` names an unknown rule \`${id}\``)
    const [level, options] = Array.isArray(setting) ? setting : [setting, undefined]
    if (!levels.has(level as RuleLevel)) fail(`\`rules.${id}\` must be 'off', 'info', 'warn' or 'error', or [level, options]`)
    if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
      fail(`\`rules.${id}\` options must be an object`)
    }
    resolved[id] = {level: level as RuleLevel, options: {...options}}
  }
  return resolved
}

function resolveLessons(lessons: UserConfig['lessons'], fail: (m: string) => never): ResolvedConfig['lessons'] {
  if (lessons === undefined) return {threshold: 0.6, synonyms: [], similarity: defaultSimilarity}
  if (lessons === null || typeof lessons !== 'object' || Array.isArray(lessons)) fail('`lessons` must be an object such as `{threshold: 0.6}`')
  for (const key of Object.keys(lessons))
    if (!['threshold', 'synonyms', 'embed', 'similarity'].includes(key)) {
      fail(`unknown key \`lessons.${key}\`, expected \`threshold\`, \`synonyms\`, \`embed\` or \`similarity\``)
    }
  const threshold = lessons.threshold ?? 0.6
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) fail('`lessons.threshold` must be a number from 0 to 1')
  const synonyms = lessons.synonyms ?? []
  if (
    !Array.isArray(synonyms) ||
    !synonyms.every((line) => Array.isArray(line) && line.length >= 2 && line.every((w) => typeof w === 'string' && w.trim() !== ''))
  ) {
    fail('`lessons.synonyms` must be a list of lists of at least two words, such as `[["buffer", "slack"]]`')
  }
  if (lessons.embed !== undefined && typeof lessons.embed !== 'function')
    fail('`lessons.embed` must be a function from texts to vectors: `async (texts) => vectors`')
  const similarity = lessons.similarity ?? defaultSimilarity
  if (typeof similarity !== 'number' || !(similarity > 0 && similarity <= 1)) fail('`lessons.similarity` must be a number above 0 and at most 1')
  return {threshold, synonyms: synonyms.map((line) => [...line]), similarity, ...(lessons.embed ? {embed: lessons.embed} : {})}
}

/** Cosine similarity of two lessons' embeddings at which they are one theme. */
const defaultSimilarity = 0.85

export const defaultLimits: Readonly<Limits> = {
  fileSize: 1_000_000,
  frontmatterSize: 65_536,
  nesting: 100,
  emphasisRun: 500,
  timeBudget: 10_000,
  memory: 512,
  assetSize: 20_000_000
}

function resolveLimits(limits: UserConfig['limits'], fail: (m: string) => never): Limits {
  if (limits === undefined) return {...defaultLimits}
  if (limits === null || typeof limits !== 'object' || Array.isArray(limits)) fail('`limits` must be an object such as `{fileSize: 2000000}`')
  const resolved = {...defaultLimits}
  for (const [key, value] of Object.entries(limits)) {
    if (!(key in defaultLimits))
      fail(
        `unknown key \`limits.${key}\`, expected one of ${Object.keys(defaultLimits)
          .map((k) => `\`${k}\``)
          .join(', ')}`
      )
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(`\`limits.${key}\` must be a whole number of 1 or more`)
    // Timers and sizes are 32-bit: a budget past about 24 days would end at once, not never.
    if (value > 2 ** 31 - 1) fail(`\`limits.${key}\` must be at most ${2 ** 31 - 1}`)
    resolved[key as keyof Limits] = value
  }
  return resolved
}

/** A list of unified plugins: each a function, or `[function, options]`. */
function resolvePlugins(key: string, plugins: unknown, fail: (m: string) => never): Pluggable[] {
  if (plugins === undefined) return []
  if (!Array.isArray(plugins)) fail(`\`${key}\` must be a list of plugins, such as \`[remarkToc]\` or \`[[remarkToc, {heading: 'contents'}]]\``)
  plugins.forEach((plugin, index) => {
    const fn = Array.isArray(plugin) ? plugin[0] : plugin
    if (typeof fn !== 'function') fail(`\`${key}[${index}]\` is not a plugin: expected a function, or [function, options]`)
  })
  return plugins as Pluggable[]
}
