import fs from 'node:fs/promises'
import path from 'node:path'
import type {Root} from 'hast'
import {select, selectAll} from 'hast-util-select'
import {toString as hastToString} from 'hast-util-to-string'
import {h} from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {markPattern} from '../src/pipeline/extract/body-marks.js'
import {bodyWithNotes} from '../src/pipeline/render/body-notes.js'
import {parseHtml, processString, testConfig, useProjects, validEntry} from './helpers.js'

const project = useProjects()
const bodyHtml = (root: Root) => (root.children[0] as {value: string}).value
const marks = (html: string) => [...html.matchAll(markPattern)].map((m) => `${m[1]}:${m[2]}`)
const stringify = (children: Root['children']) => unified().use(rehypeStringify, {allowDangerousHtml: true}).stringify({type: 'root', children})

const lessonsAndTasks = `## What did I learn from this that will impact future decisions/goals?

- Promote before launch, not after. #marketing
- A plan is not a promise.
  - a detail under it

## How will I do better?

- [ ] Write the promotion plan first (due 2025-09-01)
- A note, not a commitment
- [x] Ask two friends to share it
`

/** The valid entry, with these lessons and commitments. */
const entryWith = (sections = lessonsAndTasks) => validEntry().replace(/## What did I learn[\s\S]*?(?=## Feedback)/, `${sections}\n`)

describe('an entry body marks where each lesson and commitment is written', () => {
  it('marks the list items of lessons and task items, by index among them, and nothing else', async () => {
    const {entry} = await processString(entryWith())
    const html = bodyHtml(entry!.body)
    expect(marks(html)).toEqual(['lesson:0', 'lesson:1', 'commitment:0', 'commitment:1'])
    const tree = parseHtml(html)
    expect(selectAll('[data-lesson]', tree).map((li) => li.properties.dataLesson)).toEqual(['0', '1'])
    expect(selectAll('[data-commitment]', tree).map((li) => hastToString(li).trim())).toEqual([
      'Write the promotion plan first (due 2025-09-01)',
      'Ask two friends to share it'
    ])
    // A lesson's mark comes before a list nested in it, so notes follow its own words.
    expect(html).toMatch(/A plan is not a promise\.\n?<!--"bounceback:lesson:1"-->\s*<ul>/)
  })

  it('marks lessons written as paragraphs, and rows of an action-items table', async () => {
    const body = lessonsAndTasks
      .replace(/- Promote[\s\S]*?detail under it\n/, 'Promote before launch.\n\nA plan is not a promise.\n')
      .replace(/- \[ \][\s\S]*$/, '| Action | Owner | Status |\n| --- | --- | --- |\n| Write the plan | me | open |\n| Ask friends | me | done |\n')
    const {entry} = await processString(entryWith(body))
    const tree = parseHtml(bodyHtml(entry!.body))
    expect(selectAll('p[data-lesson]', tree).map((p) => hastToString(p))).toEqual(['Promote before launch.', 'A plan is not a promise.'])
    expect(selectAll('tr[data-commitment]', tree).map((tr) => tr.properties.dataCommitment)).toEqual(['0', '1'])
    expect(marks(bodyHtml(entry!.body))).toEqual(['lesson:0', 'lesson:1', 'commitment:0', 'commitment:1'])
  })

  it("cannot be forged by the entry's own HTML, text or code", async () => {
    const forged = '<!--"bounceback:lesson:7"-->'
    const body = `${lessonsAndTasks}
<ul><li data-lesson="5" data-commitment="5">raw item</li></ul>

<p title='${forged}'>${forged} and \`${forged}\` and &lt;!--"bounceback:lesson:8"--&gt;</p>

    ${forged}
`
    const {entry} = await processString(entryWith(body), 'entry.md', testConfig())
    const html = bodyHtml(entry!.body)
    expect(marks(html)).toEqual(['lesson:0', 'lesson:1', 'commitment:0', 'commitment:1'])
    const tree = parseHtml(html)
    expect(selectAll('[data-lesson]', tree)).toHaveLength(2)
    expect(selectAll('[data-commitment]', tree)).toHaveLength(2)
  })

  it('leaves the elements unmarked when a config plugin has moved them', async () => {
    const unplace = () => (tree: Root) => {
      const strip = (node: {position?: unknown; children?: unknown[]}) => {
        delete node.position
        for (const child of node.children ?? []) strip(child as typeof node)
      }
      strip(tree)
    }
    const {entry} = await processString(entryWith(), 'entry.md', testConfig({rehypePlugins: [unplace]}))
    expect(marks(bodyHtml(entry!.body))).toEqual([])
  })
})

describe('notes placed in a body', () => {
  it('go where the marks are, as trees, and say which were found', async () => {
    const {entry} = await processString(entryWith())
    const noted = bodyWithNotes(entry!.body, {
      lesson: (i) => h('span.note', `lesson note ${i} <b>`),
      commitment: (i) => (i === 0 ? [h('span.note', 'first task')] : undefined)
    })
    expect([...noted.placed.lesson]).toEqual([0, 1])
    expect([...noted.placed.commitment]).toEqual([0, 1])
    const tree = parseHtml(stringify(noted.children))
    expect(selectAll('li[data-lesson] > .note', tree).map((n) => hastToString(n))).toEqual(['lesson note 0 <b>', 'lesson note 1 <b>'])
    expect(selectAll('li[data-commitment] > .note', tree).map((n) => hastToString(n))).toEqual(['first task'])
    expect(marks(stringify(noted.children))).toEqual([])
  })
})

describe('the entry page', () => {
  const site = async (config = '') => {
    const root = await project({'content/2025-03-14-launch.md': entryWith(), ...(config ? {'bounceback.config.mjs': config} : {})})
    const out = path.join(root, 'dist')
    const result = await build({root, today: '2026-01-01', cache: false})
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([])
    return parseHtml(await fs.readFile(path.join(out, '2025', 'launch', 'index.html'), 'utf8'))
  }

  it('shows each lesson and commitment once, where it is written, with its theme and status beside it', async () => {
    const page = await site()
    const main = hastToString(select('main', page)!)
    for (const text of ['Promote before launch, not after.', 'A plan is not a promise.', 'Write the promotion plan first', 'Ask two friends to share it'])
      expect(main.split(text).length - 1, text).toBe(1)
    expect(select('#lessons-heading', page)).toBeUndefined()
    expect(select('#commitments-heading', page)).toBeUndefined()
    const note = select('li[data-lesson="0"] .lesson-note', page)!
    expect(note.properties.dataPagefindIgnore).toBe('')
    expect(hastToString(note)).toBe('Learned once so far.')
    expect(select('a', note)!.properties.href).toBe('/lessons/marketing/')
    const statuses = selectAll('li[data-commitment] .status', page).map((s) => hastToString(s))
    expect(statuses).toEqual(['Overdue', 'Done'])
  })

  it('lists below the body the lessons and commitments a config plugin moved out of reach', async () => {
    const page = await site(`const strip = (node) => { delete node.position; for (const c of node.children ?? []) strip(c) }
export default {rehypePlugins: [() => strip]}`)
    expect(selectAll('#lessons-heading + ul > li', page).map((li) => hastToString(li))).toEqual([
      'Promote before launch, not after.Learned once so far.',
      'A plan is not a promise.Learned once so far.'
    ])
    expect(selectAll('#commitments-heading + ul .commitment-text', page).map((li) => hastToString(li))).toEqual([
      'Write the promotion plan first',
      'Ask two friends to share it'
    ])
  })
})
