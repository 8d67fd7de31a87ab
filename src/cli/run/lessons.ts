import {Engine} from '../../pipeline/engine.js'
import {buildLexicon, defaultSynonyms} from '../../pipeline/aggregate/lexicon.js'
import {lessonCandidates} from '../../pipeline/aggregate/lesson-candidates.js'
import {formatCandidates, formatLessons, lessonsJson} from '../../report/lessons.js'
import {formatText} from '../../report/text.js'
import {reading} from '../commands/shared.js'
import type {CommandInput} from '../define.js'
import type {CliIO} from '../io.js'

/** `bounceback lessons`: the heavy part, loaded only when it runs. */
export async function runLessons(input: CommandInput, io: CliIO): Promise<number> {
  const engine = await Engine.open({root: input.root, cwd: io.cwd, ...reading(input, io)})
  const {site, ...result} = await engine.analyse().finally(() => engine.close())
  if (!result.ok) io.stderr(formatText(result.messages, result.files.length, {color: input.color}))
  if (input.values.suggest === true) {
    const lexicon = buildLexicon([...defaultSynonyms, ...result.config.lessons.synonyms])
    const semantic = result.vectors ? {vectors: result.vectors, similarity: result.config.lessons.similarity} : undefined
    const candidates = lessonCandidates(result.results, lexicon, semantic)
    io.stdout(input.values.json === true ? JSON.stringify(candidates, null, 2) : formatCandidates(candidates, {color: input.color}))
  } else io.stdout(input.values.json === true ? lessonsJson(site.themes) : formatLessons(site.themes, {color: input.color}))
  return result.ok ? 0 : 1
}
