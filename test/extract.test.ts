import fs from 'node:fs'
import path from 'node:path'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {fixtures, processString, validEntry} from './helpers.js'

const read = (name: string) => fs.readFileSync(path.join(fixtures, 'rules', name, 'input.md'), 'utf8')

describe('extracting lessons', () => {
  it('takes every top-level list item as one lesson, across lists, without nested items, hashtags apart', async () => {
    const {entry} = await processString(read('lessons-and-actions-ok'))
    expect(entry!.lessons).toEqual([
      {text: 'Promote before launch.', hashtags: ['marketing', 'launch'], line: 43},
      {text: 'Pad estimates by a fifth.', hashtags: [], line: 45},
      {text: 'A second list still holds lessons.', hashtags: [], line: 47}
    ])
  })

  it('takes one lesson per paragraph when the section has no list', async () => {
    const {entry} = await processString(read('lessons-paragraphs'))
    expect(entry!.lessons.map((l) => [l.text, l.hashtags])).toEqual([
      ['Promote before launch, not after.', ['marketing']],
      ['Pad every estimate by a fifth.', []]
    ])
  })

  it('shows hashtags as links to their tag page, not as raw # text', async () => {
    const {entry} = await processString(read('lessons-and-actions-ok'))
    const html = toHtml(entry!.body, {allowDangerousHtml: true})
    expect(html).toContain('<a href="/tags/marketing/" class="hashtag">marketing</a>')
    expect(html).toContain('<a href="/tags/launch/" class="hashtag">launch</a>')
    expect(html).not.toMatch(/#marketing/)
  })

  it('leaves # in code, in links and in headings alone, and ignores #1', async () => {
    const text = validEntry().replace(
      '- Promote before launch, not after. #marketing',
      '- Use `#define` and [#anchor](https://example.com) before #1 priority. #real-tag'
    )
    const {entry} = await processString(text)
    expect(entry!.lessons[0]).toMatchObject({hashtags: ['real-tag'], text: 'Use #define and #anchor before #1 priority.'})
    const html = toHtml(entry!.body, {allowDangerousHtml: true})
    expect(html).toContain('<code>#define</code>')
    expect(html).toContain('>#anchor</a>')
    expect(html).toContain('#1 priority')
  })
})

describe('extracting commitments', () => {
  it('keeps task items with their status and due date; the marker leaves the text', async () => {
    const {entry} = await processString(read('lessons-and-actions-ok'))
    expect(entry!.actions).toEqual([
      {text: 'Write the promotion plan', done: false, due: '2025-09-01', line: 51},
      {text: 'Ask two friends to share it', done: true, line: 52}
    ])
  })

  it('drops items without a checkbox and due dates that are not dates', async () => {
    const {entry} = await processString(read('actions-task-list'))
    expect(entry!.actions).toEqual([
      {text: 'Write the promotion plan', done: false, line: 47},
      {text: 'Done', done: true, due: '2025-01-10', line: 49},
      {text: 'Later', done: false, line: 50}
    ])
  })
})

describe('bare URLs', () => {
  it('become links, as on GitHub, without swallowing the punctuation after them', async () => {
    const text = validEntry().replace(
      'Writing every week.',
      'See https://example.com/a_(b), www.example.org. Or `https://in.code` and [a link](https://x.test) and <https://angle.test>.'
    )
    const html = toHtml((await processString(text)).entry!.body, {allowDangerousHtml: true})
    expect(html).toContain('<a href="https://example.com/a_(b)">https://example.com/a_(b)</a>, ')
    expect(html).toContain('<a href="http://www.example.org">www.example.org</a>. ')
    expect(html).toContain('<code>https://in.code</code>')
    expect(html).toContain('<a href="https://x.test">a link</a>')
    expect(html).toContain('<a href="https://angle.test">https://angle.test</a>')
  })

  it('are linked when they are all of a list item, emphasis or cell, in any case, but not inside an e-mail address', async () => {
    const text = validEntry().replace('Writing every week.', '- https://only.test/x\n- *HTTPS://UPPER.TEST*\n\nWrite to foo@www.example.org.')
    const html = toHtml((await processString(text)).entry!.body, {allowDangerousHtml: true})
    expect(html).toContain('<li><a href="https://only.test/x">https://only.test/x</a></li>')
    expect(html).toContain('<em><a href="https://UPPER.TEST">HTTPS://UPPER.TEST</a></em>')
    expect(html).toContain('foo@www.example.org.')
    expect(html).not.toContain('http://www.example.org')
  })

  it('are not linked inside a link, nor is a link’s own HTML lost', async () => {
    const text = validEntry().replace('Writing every week.', '[see <em>www.inner.test</em> now](https://outer.test) and [https://text.test](https://href.test)')
    const html = toHtml((await processString(text)).entry!.body, {allowDangerousHtml: true})
    expect(html).toContain('<a href="https://outer.test">see <em>www.inner.test</em> now</a>')
    expect(html).toContain('<a href="https://href.test">https://text.test</a>')
    expect(html).not.toContain('inner.test"')
  })
})
