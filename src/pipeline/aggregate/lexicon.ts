import {stemmer} from 'stemmer'

/**
 * Words people use interchangeably in lessons, one concept per line: the first word names the
 * concept. Matching is on stems, so `pads` and `padding` count as `pad`. Phrases are joined
 * before words are split. Config can add lines (`lessons.synonyms`).
 */
export const defaultSynonyms: readonly (readonly string[])[] = [
  ['buffer', 'pad', 'slack', 'margin', 'contingency', 'cushion', 'headroom', 'leeway', 'overrun', 'breathing room', 'extra time'],
  ['estimate', 'estimation', 'guess', 'forecast', 'how long'],
  ['feedback', 'input', 'critique', 'criticism', 'comments', 'opinions', 'what people think', 'other eyes', 'fresh eyes'],
  ['early', 'earlier', 'sooner', 'before polishing', 'while it is still cheap'],
  ['record', 'note', 'notes', 'log', 'journal', 'write down', 'written down', 'document'],
  ['regularly', 'weekly', 'every week', 'each week', 'recurring', 'routine', 'often', 'frequently', 'every seven days', 'every sunday'],
  ['budget', 'spending', 'expenses', 'expense', 'costs', 'cost ceiling', 'spending limit', 'spending cap'],
  ['sleep', 'rest', 'bedtime', 'all-nighters', 'all-nighter', 'to bed', 'tired', 'exhausted', 'fatigue'],
  ['pause', 'wait', 'sleep on', 'cool off', 'hold off', 'a night before', 'a day before'],
  ['pilot', 'beta', 'soft launch', 'trial run', 'staged rollout', 'roll out gradually', 'small group of users'],
  ['gradual', 'gradually', 'slowly', 'ramp up', 'incrementally', 'step by step'],
  ['announce', 'publicize', 'go public', 'publicly'],
  ['index fund', 'tracker fund', 'index funds', 'tracker', 'passive fund', 'broad funds', 'own all of it', 'whole market'],
  ['panic sell', 'panic selling', 'sell at the bottom', 'sold at the bottom', 'sell when the market drops'],
  ['scope', 'mvp', 'minimal version', 'smallest version', 'cut features', 'fewer features'],
  ['rehearse', 'rehearsal', 'practice', 'practise', 'run-through', 'run through', 'dry run', 'out loud', 'aloud'],
  ['reference', 'references', 'referee', 'reference calls', 'former managers', 'worked with a candidate'],
  ['hire', 'hiring', 'recruit', 'recruiting', 'candidate', 'candidates'],
  ['declutter', 'get rid of', 'donate', 'discard', 'throw away', 'threw away'],
  ['study', 'coursework', 'study sessions'],
  ['schedule', 'calendar', 'appointment', 'appointments', 'time block', 'block fixed'],
  ['customer', 'user', 'users', 'client', 'clients'],
  ['owner', 'ownership', 'responsible', 'accountable'],
  ['metric', 'measure', 'kpi', 'success criteria'],
  ['assumption', 'assume', 'hypothesis'],
  ['delegate', 'delegation', 'hand off', 'handoff', 'hand over']
]

export interface Lexicon {
  /** Rewrite phrases into their concept before splitting words. */
  phrases(text: string): string
  /** The concept of a stem, or the stem itself. */
  concept(stem: string): string
}

export function buildLexicon(lines: readonly (readonly string[])[]): Lexicon {
  const phraseList: [RegExp, string][] = []
  const byStem = new Map<string, string>()
  for (const line of lines) {
    const name = `=${line[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`
    for (const term of line) {
      const words = term.toLowerCase().split(/[\s-]+/)
      if (words.length === 1) byStem.set(stemmer(words[0]!), name)
      else phraseList.push([new RegExp(`\\b${words.map(escapeRegExp).join('[\\s-]+')}\\b`, 'g'), ` ${name} `])
    }
  }
  phraseList.sort((a, b) => b[0].source.length - a[0].source.length)
  return {
    phrases(text) {
      let out = text
      for (const [pattern, name] of phraseList) out = out.replace(pattern, name)
      return out
    },
    concept: (stem) => byStem.get(stem) ?? stem
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
