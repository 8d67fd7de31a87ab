import fs from 'node:fs/promises'
import path from 'node:path'
import {readFileSync} from 'node:fs'
import {localToday} from '../schema/date.js'

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

/** A ready project in `dir`: config, one example entry, .gitignore and package.json scripts. */
export async function init(dir: string): Promise<InitResult> {
  await fs.mkdir(dir, {recursive: true})
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
  const pkg = {
    name: path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'post-mortems',
    private: true,
    type: 'module',
    scripts: {build: 'bounceback build', check: 'bounceback check', watch: 'bounceback watch', new: 'bounceback new'},
    devDependencies: {bounceback: `^${version}`}
  }
  const date = localToday()
  const files: [string, string][] = [
    ['bounceback.config.mjs', config],
    [path.join('content', `${date}-my-first-post-mortem.md`), exampleEntry(date)],
    ['.gitignore', gitignore],
    ['package.json', `${JSON.stringify(pkg, null, 2)}\n`]
  ]
  const result: InitResult = {created: [], kept: []}
  for (const [name, text] of files) {
    const file = path.join(dir, name)
    await fs.mkdir(path.dirname(file), {recursive: true})
    try {
      await fs.writeFile(file, text, {flag: 'wx'})
      result.created.push(name)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      result.kept.push(name)
    }
  }
  return result
}
