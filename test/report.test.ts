import {describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {formatText, quietPerFile} from '../src/report/text.js'
import {displayWidth} from '../src/report/wrap.js'
import {ruleTable} from '../src/rules.js'
import {fieldNames} from '../src/schema/field-table.js'
import type {Diagnostic} from '../src/types.js'
import {useProjects, validEntry} from './helpers.js'

const project = useProjects()

function message(file: string, ruleId: string, severity: 'error' | 'warning', text: string, line = 1): Diagnostic {
  return {file, line, column: 1, severity, message: text, ruleId}
}

/** As on an imported collection: every file has unknown fields, some have errors too. */
function collection(files: number, unknownPerFile: number): Diagnostic[] {
  const messages: Diagnostic[] = []
  for (let f = 0; f < files; f++) {
    const file = `content/imported/${String(f).padStart(3, '0')}-post-mortem.md`
    for (let i = 0; i < unknownPerFile; i++) messages.push(message(file, 'frontmatter/unknown-field', 'warning', `Unexpected unknown field \`x${i}\``, i + 2))
    if (f % 3 === 0) {
      for (let i = 0; i < 5; i++) messages.push(message(file, 'sections/missing', 'error', `Missing section \`s${i}\`, expected a \`##\` heading`, 20 + i))
    }
  }
  return messages
}

const fieldList = fieldNames.join(', ')

describe('formatText: the summary by rule', () => {
  it('counts problems by rule and by file, with thousands separators, rules with errors first', () => {
    const text = formatText(collection(242, 10), 250)
    const lines = text.split('\n')
    const summary = lines.slice(lines.indexOf('Problems by rule'))
    expect(summary).toEqual([
      'Problems by rule',
      '  sections/missing             405 errors in 81 files',
      expect.stringMatching(/^ {4}fix: add the section's heading with an answer under it/),
      '  frontmatter/unknown-field  2,420 warnings in 242 files',
      expect.stringContaining(fieldList),
      '',
      '✖ 2,825 problems (405 errors, 2,420 warnings) in 242 of 250 files'
    ])
  })

  it('names each rule’s fix once, however often the rule is reported; a rule that declares none gets its count alone', () => {
    const messages = [...collection(40, 3), message('content/a.md', 'plugin/own-rule', 'warning', 'Unexpected thing')]
    const text = formatText(messages, 41)
    expect(text.split(fieldList)).toHaveLength(2)
    expect(text.split('\n').filter((line) => line.includes('fix:'))).toHaveLength(2)
    expect(text).toContain('  plugin/own-rule              1 warning in 1 file\n\n')
    const mixed = formatText([message('a.md', 'sections/empty', 'error', 'Empty'), message('b.md', 'sections/empty', 'warning', 'Empty')], 2)
    expect(mixed).toContain('  sections/empty  2 (1 error, 1 warning) in 2 files')
  })

  it('declares a one-line fix for every rule', () => {
    for (const [id, rule] of Object.entries(ruleTable)) {
      expect(rule.fix, id).toMatch(/^[^\n]{10,150}$/)
    }
    expect(ruleTable['frontmatter/unknown-field'].fix).toContain(fieldList)
  })
})

describe('formatText: --quiet', () => {
  it('stays short at scale: an error many files share is said once with its places, others a few per file', () => {
    const messages = collection(300, 12).map((m, i) => (i % 4 === 0 ? {...m, severity: 'error' as const} : m))
    // Besides the shared ones, errors of each file's own.
    for (let f = 0; f < 300; f += 10) {
      for (let i = 0; i < 4; i++)
        messages.push(message(`content/imported/${String(f).padStart(3, '0')}-post-mortem.md`, 'frontmatter/date', 'error', `Own ${f}.${i}`, 40 + i))
    }
    const text = formatText(messages, 300, {quiet: true})
    const lines = text.split('\n')
    const shared = new Set(messages.filter((m) => m.severity === 'error' && !m.message.startsWith('Own')).map((m) => m.message))
    expect(lines[0]).toBe('Errors in many files')
    for (const said of shared)
      expect(
        lines.filter((line) => line.includes(said)),
        said
      ).toHaveLength(1)
    expect(text).toContain('in 100 files: content/imported/000-post-mortem.md:20:1, content/imported/003-post-mortem.md:20:1, ')
    // Each file's own errors: at most `quietPerFile`, then how many more.
    expect(lines.filter((line) => / {2}error {4}Own/.test(line))).toHaveLength(30 * quietPerFile)
    expect(lines.filter((line) => line === '  … and 2 more errors')).toHaveLength(30)
    expect(lines.length).toBeLessThanOrEqual(shared.size * 2 + 30 * (quietPerFile + 2) + 12)
    expect(text).not.toContain('warning  ')
    expect(lines).toContain('Errors by rule')
    const errors = messages.filter((m) => m.severity === 'error').length
    const warnings = messages.length - errors
    expect(lines.at(-1)).toBe(`✖ ${errors.toLocaleString('en-US')} errors in 300 of 300 files (${warnings.toLocaleString('en-US')} warnings not shown)`)
  })

  it('shows every error of a file that has few, and says when there is none', () => {
    const text = formatText([message('a.md', 'frontmatter/date', 'error', 'Bad date', 3), message('a.md', 'lessons/list', 'warning', 'Paragraphs')], 1, {
      quiet: true
    })
    expect(text.split('\n').slice(0, 3)).toEqual(['a.md', '  3:1  error    Bad date  frontmatter/date', ''])
    expect(formatText([message('a.md', 'lessons/list', 'warning', 'Paragraphs')], 1, {quiet: true})).toBe('✔ 1 file checked, no errors (1 warning not shown)')
  })
})

describe('formatText: line width', () => {
  const long = [
    message(
      'content/a-very-long-folder-name/and-an-even-longer-file-name-for-an-imported-post-mortem.md',
      'frontmatter/date',
      'error',
      `Unexpected \`date\` \`2025-02-30\`: February 2025 has 28 days, expected a day from 01 to 28 ${'and-a-word-longer-than-any-line-'.repeat(4)}`,
      1234
    ),
    message('content/b.md', 'language/self-blame', 'warning', '日本語のメッセージはとても長くなることがあります、'.repeat(6), 7),
    message('content/b.md', 'plugin/a-rule-id-long-enough-to-need-a-line-of-its-own', 'warning', 'Short', 8)
  ]

  it.each([40, 57, 80, 100])('keeps every line within %i columns, each message wrapped under itself', (width) => {
    const text = formatText(long, 2, {width})
    for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colours are what is taken out
    const painted = formatText(long, 2, {width, color: true}).replace(/\u001b\[\d+m/g, '')
    expect(painted).toBe(text)
    // Nothing is lost: the message's words all come back, in order.
    const words = text.replace(/\s+/g, '')
    expect(words).toContain(long[0]!.message.replace(/\s+/g, ''))
    expect(words).toContain(long[1]!.message)
  })

  it('without a width keeps each message on one line and never pads it to the longest', () => {
    const lines = formatText(long, 2).split('\n')
    expect(lines[1]).toBe(`  1234:1  error    ${long[0]!.message}  frontmatter/date`)
    expect(lines).toContain('  8:1  warning  Short  plugin/a-rule-id-long-enough-to-need-a-line-of-its-own')
  })

  it('counts wide characters as two columns', () => {
    expect(displayWidth('日本語')).toBe(6)
    expect(displayWidth('café')).toBe(4)
    expect(displayWidth('e\u0301')).toBe(1)
  })

  it('keeps text from entries printable when it wraps', () => {
    const text = formatText([message('content/x\ny.md', 'plugin/\u001b[31m', 'error', `Bad \u001b]0;title\u0007 ${'word '.repeat(30)}\u202e`)], 1, {
      width: 50
    })
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(text).toContain('content/x\\ny.md')
    expect(text).toContain('\\u001b]0;title\\u0007')
  })
})

describe('bounceback check and build on a terminal', () => {
  it('fit their reports to the terminal’s width, and --quiet prints errors only', async () => {
    const files: Record<string, string> = {}
    for (let i = 1; i <= 12; i++) {
      const day = String(i).padStart(2, '0')
      files[`content/2025-01-${day}-entry.md`] = validEntry({frontmatter: `title: Entry ${i}\ndate: 2025-02-30\nauthor: me\noutcome: fail`})
    }
    const root = await project(files)
    const out: string[] = []
    const io = {stdout: (t: string) => out.push(t), stderr: () => {}, cwd: root, env: {NO_COLOR: '1'}, isTTY: true, columns: 64}
    for (const args of [['check'], ['check', '--quiet'], ['build']]) {
      out.length = 0
      expect(await main([...args, '--root', root], io)).toBe(1)
      const lines = out.join('\n').split('\n')
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(64)
      expect(lines).toContain(args.includes('--quiet') ? 'Errors by rule' : 'Problems by rule')
      expect(lines.some((line) => /^ +\d+:\d+ +warning/.test(line))).toBe(!args.includes('--quiet'))
    }
  })
})
