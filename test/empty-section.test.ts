import fc from 'fast-check'
import type {RootContent} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../src/pipeline/parse/processor.js'
import {isEmptySection} from '../src/pipeline/parse/sections.js'
import {propertySeeds} from './seeds.js'

const blocks = (markdown: string) => parseMarkdown(new VFile(markdown)).tree.children

/** What an empty section is, said the plain way: all of its text written out, then looked at. */
function emptyByDefinition(children: readonly RootContent[]): boolean {
  const comment = /<!--[\s\S]*?(?:-->|$)/g
  const meaningful = children.filter((node) => !(node.type === 'html' && node.value.replace(comment, '').trim() === ''))
  const text = meaningful
    .map((node) => (node.type === 'html' ? node.value.replace(comment, '').replace(/<[^>]*>/g, ' ') : mdastToString(node, {includeHtml: false})))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
  const only = /^(?:[[(]?(?:todo|tbd|tbc|fixme|xxx)[\])]?[.!]*|\.{3}|…|-|\?)$/i
  const note = /^[[(]?(?:TODO|TBD|TBC|FIXME|XXX)[\])]?\s*:/
  if (text !== '' && !(meaningful.length === 1 && (only.test(text) || note.test(text)))) return false
  let image = false
  for (const node of meaningful) visit(node, (child) => void (image ||= child.type === 'image' || child.type === 'imageReference'))
  return !image
}

describe('isEmptySection', () => {
  it('tells answers from placeholders, comments and white space', () => {
    const cases: [string, boolean][] = [
      ['', true],
      ['<!-- write here -->', true],
      ['TODO', true],
      ['   tbd.', true],
      ['[TBC]', true],
      ['TODO: write this later, with the numbers from March', true],
      ['*TODO*', true],
      ['<div><!-- nothing --></div>', true],
      ['…', true],
      ['Todo list app for the family.', false],
      ['TBD - we never found out.', false],
      ['TODO\n\nThe real answer came later.', false],
      ['<b></b>\n\nTODO', false],
      ['![](chart.png)', false],
      ['![TODO](chart.png)', false],
      ['The first sixteen characters and more.', false],
      ['               \u00a0   x', false],
      ['> TODO', true],
      ['- TODO', true],
      ['`TODO`', true],
      ['**T**ODO', true],
      ['<div>TODO</div>', true],
      ['<div>An answer</div>', false]
    ]
    for (const [markdown, empty] of cases) expect(isEmptySection(blocks(markdown)), JSON.stringify(markdown)).toBe(empty)
  })

  describe('is what writing out the whole text would say', () => {
    const piece = fc.constantFrom(
      'TODO',
      'todo!!',
      'tbd',
      '[TBC]',
      '(xxx)',
      'FIXME: later',
      'TODO :',
      '...',
      '…',
      '-',
      '?',
      'Todo list',
      'To do this',
      'Fix me',
      'x',
      '![](a.png)',
      '![TODO](a.png)',
      '<!-- c -->',
      '<span></span>',
      '<b>TODO</b>',
      '`code`',
      '*TODO*',
      '**T**ODO',
      '*to*do.',
      '[**TB**C]',
      '<b>T</b>ODO',
      '[link](https://x.test)',
      '                  ',
      '\u00a0',
      'A long answer that goes on past sixteen characters.'
    )
    const inline = fc.array(piece, {minLength: 1, maxLength: 3}).map((parts) => parts.join(' '))
    const section = fc
      .array(fc.tuple(fc.constantFrom('', '- ', '> ', '1. '), inline), {minLength: 1, maxLength: 3})
      .map((paragraphs) => paragraphs.map(([prefix, text]) => prefix + text).join('\n\n'))
    for (const seed of propertySeeds('empty sections against their definition')) {
      it(`seed ${seed}`, () => {
        let empty = 0
        fc.assert(
          fc.property(section, (markdown) => {
            const children = blocks(markdown)
            const expected = emptyByDefinition(children)
            if (expected) empty++
            expect(isEmptySection(children)).toBe(expected)
          }),
          {seed, numRuns: 600}
        )
        expect(empty).toBeGreaterThan(30)
      })
    }
  })
})
