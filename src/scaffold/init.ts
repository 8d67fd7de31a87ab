import {existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {toolVersion} from '../config/version.js'
import {localToday} from '../schema/date.js'
import {configNames} from '../config/load.js'
import {BouncebackError} from '../errors.js'
import {realTarget} from '../folders/owned.js'
import {systemFolders, within} from '../folders/places.js'

export interface InitResult {
  created: string[]
  /** Files that were there already: never overwritten. */
  kept: string[]
}

const exampleEntry = (date: string) => `---
title: My first post-mortem
date: ${date}
tags: [example]
outcome: mixed
cause: application
---

## What was the goal?

Try bounceback on one real review, so I know whether writing post-mortems this way helps me.

## How am I measuring the success/failure of this project?

Whether this entry builds, and whether I write a second one within a month.

## What went really well?

Starting took one command, and the questions gave the review a shape.

## What went as planned?

The site built on the first try.

## What went really poorly?

Nothing yet: this is an example. Replace it with a real one.

## What didn't go as planned?

I meant to write a real entry first and wrote this example instead.

## Did the plan make sense as a strategy for achieving the goal?

Yes: a small first step, easy to review.

## What did I learn from this that will impact future decisions/goals?

- Start with a small, real review instead of a perfect template. #getting-started

## How will I do better?

- [ ] Write a post-mortem of something real with \`bounceback new "Title"\`

## Feedback

Ask someone you trust to read your first real entry.
`

const config = `/** @type {import('bounceback').UserConfig} */
export default {
  title: 'What I learned',
  description: 'Post-mortems of my projects, calmly reviewed.',
  author: '',
  // base: 'https://USER.github.io/REPO/',
}
`

const gitignore = `node_modules/
dist/
.bounceback-*/
`

export interface InitOptions {
  /** The user's home folder (default: the system's), where a project is never made. */
  home?: string
}

/**
 * A ready project in `dir`: config, one example entry, .gitignore and package.json scripts.
 * Files already there are kept as they are, never overwritten; a config under another name
 * (`bounceback.config.json`) is kept and no second one is made, since it would take its place.
 * The root of the file system, a system folder and the home folder itself are refused.
 */
export async function init(dir: string, options: InitOptions = {}): Promise<InitResult> {
  const target = path.resolve(dir)
  const real = await realTarget(target)
  const home = await realTarget(options.home ?? os.homedir())
  const system = systemFolders()
  const what =
    path.parse(real).root === real
      ? 'the root of the file system'
      : within(home, real)
        ? home === real
          ? 'your home folder'
          : 'a folder that holds your home folder'
        : system.exact.includes(real) || system.within.some((folder) => within(real, folder))
          ? 'a system folder'
          : undefined
  if (what)
    throw new BouncebackError(
      'WRITE_FAILED',
      `Refusing to make a project in ${target}: it is ${what}. Give init a folder of its own, as in \`bounceback init my-lessons\``
    )
  await makeFolder(target, target)
  const pkg = {
    name:
      path
        .basename(target)
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'post-mortems',
    private: true,
    type: 'module',
    scripts: {build: 'bounceback build', check: 'bounceback check', watch: 'bounceback watch', new: 'bounceback new'},
    devDependencies: {bounceback: `^${toolVersion}`}
  }
  const date = localToday()
  const existingConfig = configNames.find((name) => existsSync(path.join(target, name)))
  const files: [string, string][] = [
    [existingConfig ?? 'bounceback.config.mjs', config],
    [path.join('content', `${date}-my-first-post-mortem.md`), exampleEntry(date)],
    ['.gitignore', gitignore],
    ['package.json', `${JSON.stringify(pkg, null, 2)}\n`]
  ]
  const result: InitResult = {created: [], kept: []}
  for (const [name, text] of files) {
    const file = path.join(target, name)
    await makeFolder(path.dirname(file), target)
    try {
      await fs.writeFile(file, text, {flag: 'wx'})
      result.created.push(name)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWrite(file, error)
      result.kept.push(name)
    }
  }
  return result
}

async function makeFolder(dir: string, project: string): Promise<void> {
  try {
    await fs.mkdir(dir, {recursive: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw new BouncebackError(
        'WRITE_FAILED',
        `${path.relative(process.cwd(), dir) || dir} is a file, where init makes a folder: move the file, or give init another folder than ${project}`
      )
    }
    throw cannotWrite(dir, error)
  }
}

function cannotWrite(target: string, error: unknown): BouncebackError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error)
  return new BouncebackError('WRITE_FAILED', `Could not create ${target} (${code}); nothing was overwritten`, {cause: error})
}
