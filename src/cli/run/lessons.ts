import {Engine} from '../../pipeline/engine.js'
import {formatLessons, lessonsJson} from '../../report/lessons.js'
import {formatText} from '../../report/text.js'
import {reading} from '../commands/shared.js'
import type {CommandInput} from '../define.js'
import type {CliIO} from '../io.js'

/** `bounceback lessons`: the heavy part, loaded only when it runs. */
export async function runLessons(input: CommandInput, io: CliIO): Promise<number> {
  const engine = await Engine.open({root: input.root, cwd: io.cwd, ...reading(input, io)})
  const {site, ...result} = await engine.analyse().finally(() => engine.close())
  if (!result.ok) io.stderr(formatText(result.messages, result.files.length, {color: input.color}))
  io.stdout(input.values.json === true ? lessonsJson(site.themes) : formatLessons(site.themes, {color: input.color}))
  return result.ok ? 0 : 1
}
