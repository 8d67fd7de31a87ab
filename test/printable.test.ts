import {describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {printable} from '../src/report/printable.js'
import {useProjects, validEntry} from './helpers.js'

const project = useProjects()

/** What must never reach a terminal or a CI log from an entry: a line break, ESC, BEL, bidi overrides. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

async function cli(args: string[], cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {NO_COLOR: '1'}, isTTY: false})
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}

describe('text from entries in human-readable reports', () => {
  it('shows control characters as escapes', () => {
    expect(printable('a\nb\rc\td\u001b[31me\u0007f\u202eg\u2028h\u0085i')).toBe('a\\nb\\rc\\td\\u001b[31me\\u0007f\\u202eg\\u2028h\\u0085i')
    expect(printable('Café – “quoted” 日本語 ✔')).toBe('Café – “quoted” 日本語 ✔')
  })

  it('cannot forge a workflow command or reach the terminal from a frontmatter key, a value or a lesson', async () => {
    const forged = '\\n::error file=README.md::FORGED\\n::stop-commands::tok'
    const root = await project({
      'content/2025-03-14-launch.md': validEntry({frontmatter: `title: Launch\ndate: 2025-03-14\n"${forged}": 1\noutcome: "win\\e[2J\\a"`}).replace(
        '- Promote before launch, not after. #marketing',
        '- Promote before launch \u001b]0;pwned\u0007 not after.\n- Again \u001b[2J#marketing'
      )
    })
    const checked = await cli(['check', '--root', root], root)
    expect(checked.code).toBe(1)
    const lessons = await cli(['lessons', '--root', root], root)
    expect(lessons.stdout).toContain('Promote before launch \\u001b]0;pwned\\u0007 not after.')
    for (const result of [checked, await cli(['build', '--root', root], root), lessons]) {
      const text = `${result.stdout}\n${result.stderr}`
      expect(text).not.toMatch(raw)
      expect(text.split('\n').filter((line) => line.startsWith('::'))).toEqual([])
    }
    expect(checked.stdout).toContain('Unexpected unknown field `\\n::error file=README.md::FORGED\\n::stop-commands::tok`')
    expect(checked.stdout).toContain('Unexpected outcome `win\\u001b[2J\\u0007`')
  })

  it('escapes the same in GitHub annotations, where only the annotation itself may start a line', async () => {
    const root = await project({'content/2025-03-14-launch.md': validEntry({frontmatter: 'title: Launch\ndate: 2025-03-14\n"x\\ny\\e": 1'})})
    const result = await cli(['check', '--root', root, '--format', 'github'], root)
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(/^::warning file=content\/2025-03-14-launch\.md,line=4,col=1,.*::Unexpected unknown field `x%0Ay\\u001b`/),
      expect.stringMatching(/^::error file=content\/2025-03-14-launch\.md,line=4,col=1,.*::Unexpected control character U\+001B in `x\\u000ay\\u001b`/)
    ])
    expect(result.stdout).not.toMatch(raw)
  })
})
