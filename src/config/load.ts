import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {BouncebackError} from '../errors.js'
import {resolveConfig} from './resolve.js'
import type {ResolvedConfig, UserConfig} from './types.js'

export const configNames = ['bounceback.config.ts', 'bounceback.config.mts', 'bounceback.config.mjs', 'bounceback.config.js', 'bounceback.config.json'] as const

export interface LoadConfigOptions {
  /** The project folder; defaults to the current directory. */
  root?: string
  /** Settings that win over the config file (from the command line or a program). */
  overrides?: UserConfig
  /** Where the command runs from (default: the process's): the output is never it, nor above it. */
  cwd?: string
  /** Keep per-entry results between runs (default `true`). */
  cache?: boolean
  /** Where (default `node_modules/.cache/bounceback/` in the project folder). */
  cacheDir?: string
}

/** Find and read the project's config file (if any), then resolve it. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const root = path.resolve(options.root ?? process.cwd())
  await checkRoot(root)
  const configFile = await findConfigFile(root)
  const fromFile = configFile ? (await readConfigFile(configFile)).value : {}
  const name = configFile ? path.basename(configFile) : 'config'
  // A config is code: its settings are read with care, since a getter or a Proxy in it may throw.
  let user: UserConfig
  try {
    if (fromFile === null || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
      throw new BouncebackError(
        'CONFIG_INVALID',
        `${name}: expected an object of settings, got ${Array.isArray(fromFile) ? 'a list' : fromFile === null ? 'null' : typeof fromFile}`
      )
    }
    user = {...(fromFile as UserConfig), ...options.overrides}
  } catch (error) {
    if (error instanceof BouncebackError) throw error
    throw new BouncebackError('CONFIG_INVALID', `${name}: reading its settings failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error
    })
  }
  return resolveSafely(configFile, () =>
    resolveConfig(user, {
      root,
      ...(configFile !== undefined ? {configFile} : {}),
      ...(options.cwd !== undefined ? {cwd: options.cwd} : {}),
      ...(options.cache !== undefined ? {cache: options.cache} : {}),
      ...(options.cacheDir !== undefined ? {cacheDir: options.cacheDir} : {})
    })
  )
}

function resolveSafely(configFile: string | undefined, resolve: () => ResolvedConfig): ResolvedConfig {
  try {
    return resolve()
  } catch (error) {
    if (error instanceof BouncebackError) throw error
    const name = configFile ? path.basename(configFile) : 'config'
    throw new BouncebackError('CONFIG_INVALID', `${name}: reading its settings failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error
    })
  }
}

/** How long a config module may take to load, when the process has other work to wait for (watch). */
const loadTimeout = 60_000

/**
 * `import()` of a config module that may await forever at its top level. When the process has
 * nothing else to do while waiting, Node would end it with exit code 13 and not a word: the
 * wait is over at once (`beforeExit`), with a message. With other work going on (watch's
 * server), it is over after `loadTimeout`.
 */
async function importWithin(url: string, name: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined
  let onIdle: (() => void) | undefined
  const never = new Promise<never>((_, reject) => {
    const fail = () => reject(new BouncebackError('CONFIG_LOAD', `${name}: never finished loading (a top-level \`await\` that never settles?)`))
    onIdle = fail
    process.once('beforeExit', onIdle)
    timer = setTimeout(fail, loadTimeout).unref()
  })
  try {
    return await Promise.race([import(url), never])
  } finally {
    clearTimeout(timer)
    process.off('beforeExit', onIdle!)
  }
}

async function checkRoot(root: string): Promise<void> {
  let isDirectory = false
  try {
    isDirectory = (await fs.stat(root)).isDirectory()
  } catch {
    throw new BouncebackError('ROOT_NOT_FOUND', `No project folder at ${root}`)
  }
  if (!isDirectory) throw new BouncebackError('ROOT_NOT_FOUND', `The project root ${root} is a file, expected a folder holding content/`)
}

async function findConfigFile(root: string): Promise<string | undefined> {
  for (const name of configNames) {
    const file = path.join(root, name)
    try {
      if ((await fs.stat(file)).isFile()) return file
    } catch {
      // Not there: try the next name.
    }
  }
  return undefined
}

/**
 * The config module's default export, held in an object: returned as it is from an async
 * function, a value with a `then` (a getter, or a method that never calls back) would be
 * awaited, and could hang or throw out of reach.
 */
async function readConfigFile(file: string): Promise<{value: unknown}> {
  const name = path.basename(file)
  try {
    if (file.endsWith('.json')) return {value: await parseJson(await fs.readFile(file, 'utf8'), file, name)}
    // By its time of change: a config edited while `watch` runs is imported afresh, not from Node's module cache.
    const version = `?mtime=${(await fs.stat(file)).mtimeMs}`
    const mod = (/\.m?ts$/.test(file) ? await importTypeScript(file) : await importWithin(pathToFileURL(file).href + version, name)) as {default?: unknown}
    if (mod.default === undefined) {
      throw new BouncebackError('CONFIG_LOAD', `${name}: expected \`export default defineConfig({…})\``)
    }
    return {value: mod.default}
  } catch (error) {
    if (error instanceof BouncebackError) throw error
    // Node names no line for a syntax error in a module: esbuild finds it, with its column.
    const place = await syntaxPlace(file)
    const reason = error instanceof Error ? error.message : String(error)
    throw new BouncebackError('CONFIG_LOAD', `${name}${place ?? ''}: could not be loaded: ${place ? 'syntax error: ' : ''}${reason}`, {cause: error})
  }
}

/** JSON, with the place of a syntax error as `line:column` (which Node's message does not always give). */
async function parseJson(text: string, file: string, name: string): Promise<unknown> {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const place = (await syntaxPlace(file)) ?? ''
    throw new BouncebackError('CONFIG_LOAD', `${name}${place}: could not be loaded: syntax error: ${(error as Error).message}`)
  }
}

/** Where a config module's syntax error is, as `:line:column`, by esbuild's reading of it. */
async function syntaxPlace(file: string): Promise<string | undefined> {
  try {
    const {transform} = await import('esbuild')
    await transform(await fs.readFile(file, 'utf8'), {
      loader: file.endsWith('.json') ? 'json' : /\.m?ts$/.test(file) ? 'ts' : 'js',
      format: 'esm',
      logLevel: 'silent'
    })
  } catch (error) {
    const location = (error as {errors?: {location?: {line: number; column: number}}[]}).errors?.[0]?.location
    if (location) return `:${location.line}:${location.column + 1}`
  }
  return undefined
}

/**
 * Node 20 cannot import TypeScript: the config is compiled with esbuild (types dropped, nothing
 * bundled) into a temporary module beside it, so its own imports resolve as written, then
 * imported and removed.
 */
async function importTypeScript(file: string): Promise<unknown> {
  const {transform} = await import('esbuild')
  const {code} = await transform(await fs.readFile(file, 'utf8'), {loader: 'ts', format: 'esm', sourcefile: file, target: 'node20'})
  const temporary = path.join(path.dirname(file), `.bounceback-config-${process.pid}-${randomBytes(4).toString('hex')}.mjs`)
  await fs.writeFile(temporary, code, {flag: 'wx'})
  try {
    return await importWithin(pathToFileURL(temporary).href, path.basename(file))
  } finally {
    await fs.rm(temporary, {force: true})
  }
}

/** Identity function that exists for types: `export default defineConfig({title: 'My lessons'})`. */
export function defineConfig(config: UserConfig): UserConfig {
  return config
}
