import {describe, expect, it} from 'vitest'
import {commands, main} from '../src/cli/main.js'
import {optionsOf} from '../src/cli/define.js'

async function run(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: '/', env: {NO_COLOR: '1'}, isTTY: false})
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}

describe('commands declared once', () => {
  it.each(commands.map((c) => [c.name, c] as const))('`%s --help` shows every option the command accepts, and no other', async (name, command) => {
    const help = (await run([name, '--help'])).stdout
    const shown = [...help.matchAll(/^ {2}(?:-\w, )?--([a-z-]+)/gm)].map((m) => m[1])
    expect(shown.sort()).toEqual(Object.keys(optionsOf(command)).sort())
    expect(help).toContain(`bounceback ${name}`)
    // And each is accepted: an unknown one is refused with exit code 2, these are not.
    for (const [option, spec] of Object.entries(optionsOf(command))) {
      if (option === 'help') continue
      const args = spec.type === 'string' ? [`--${option}`, 'x', '--help'] : [`--${option}`, '--help']
      expect((await run([name, ...args])).code, `${name} --${option}`).toBe(0)
    }
  })

  it('lists every command in the main help, with its one-line summary', async () => {
    const help = (await run(['--help'])).stdout
    for (const command of commands) expect(help).toMatch(new RegExp(`^ {2}${command.name} +${command.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'))
  })
})
