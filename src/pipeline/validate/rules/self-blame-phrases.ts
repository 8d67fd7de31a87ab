/** A word of a sentence: lower case, curly apostrophes made straight, with its offsets. */
export interface W {
  text: string
  start: number
  end: number
}

export interface Finding {
  start: number
  end: number
  phrase: string
  kind: 'label' | 'absolute' | 'mind-reading'
}

const set = (words: string) => new Set(words.split(' '))

/** Nouns and adjectives that judge a person rather than describe what happened. */
const labels = set(
  'idiot idiots moron fool loser failure fraud disaster joke mess wreck useless stupid hopeless incompetent worthless pathetic dumb clueless ' +
    'imposter impostor lazy inept idiotic brainless disappointment embarrassment screw-up screwup fuck-up fuckup clown dummy imbecile ' +
    'dimwit halfwit dunce numpty muppet dumbass liability coward'
)
/** The labels one calls oneself in the second person: "you idiot", "you absolute fool". */
const vocatives = set('idiot moron fool loser failure fraud clown dummy imbecile dimwit halfwit dunce numpty muppet dumbass coward')
/** A label in front of one of these names a thing or a harmless type: "a failure analyst", "disaster recovery", "a hopeless romantic". */
const things = set(
  'analyst analysts analysis rate rates mode modes case cases report reports budget review reviews recovery response point points domain ' +
    'scenario scenarios state states injection drill drills plan plans test tests team writer writers hall kit detection prevention proof ' +
    'romantic optimist'
)
const intensifiers = set(
  'such a an complete total absolute real utter so totally completely just the biggest big massive huge incredibly really truly utterly ' +
    'genuinely being bloody fucking damn absolutely pretty bit of and'
)
/** Adjectives: after "I felt" they name a feeling ("I felt stupid asking"), not a verdict as "I felt like a fraud" is. */
const adjectives = set('useless stupid hopeless incompetent worthless pathetic dumb clueless lazy inept idiotic brainless')
/** States that, after "I was" or "I felt", describe a moment rather than a person: "I was a mess that week". */
const states = {present: new Set<string>(), past: set('mess wreck'), feeling: new Set(['mess', 'wreck', ...adjectives])}
/** "…said I was lazy": someone else's words, reported. "if I'm a fraud": not a verdict. */
const reporting = set('said says told tells wrote writes claimed claims joked jokes shouted yelled suggested implied if whether unless')
const doubting = set('think believe feel mean suppose say')
const mistakes = set(
  'mess messes messing screw screws screwing fuck fucks fucking muck mucks mucking botch botches botching ruin ruins ruining blow blows ' +
    'blowing fail fails failing'
)
/** "I always fail over to the replica" is a design, not a verdict. */
const designs = set('over fast safely safe gracefully open closed early cheaply forward with around about')
const wrecked = set('mess messed screw screwed ruin ruined fuck fucked muck mucked botch botched')
const qualifiers = set('on the first without until unless when if before in away now off then there here')
const bad = set('bad terrible awful rubbish hopeless useless crap')
const loved = set('likes respects trusts wants cares listens believes takes hires values needs rates misses loves understands')
const modal = set("will would could can 'll ever really even actually")
const crowd = set('everyone everybody people they')
const thinking = set('thinks think knows know sees see believes believe')
const hating = set('hates hate despises despise resents resent')

/** The self-judging phrases of one sentence's words, each ending where the next search starts. */
export function matchSelfBlame(words: W[], text: string): Finding[] {
  const found: Finding[] = []
  for (let i = 0; i < words.length; i++) {
    const finding = label(words, i, text) ?? vocative(words, i, text) ?? absolute(words, i, text) ?? mindReading(words, i, text)
    if (!finding) continue
    found.push({start: words[i]!.start, end: words[finding.to]!.end, phrase: text.slice(words[i]!.start, words[finding.to]!.end), kind: finding.kind})
    i = finding.to
  }
  return found
}

interface Hit {
  to: number
  kind: Finding['kind']
}

const at = (words: W[], k: number) => words[k]?.text ?? ''
/** Nothing but punctuation or the end of the sentence after word k: "you idiot," but not "you fool yourself". */
const pause = (words: W[], k: number, text: string) => k === words.length - 1 || /[^\s\p{L}\p{N}'’]/u.test(text.slice(words[k]!.end, words[k + 1]!.start))

/** How many words "I'm", "I was", "I've been", "I felt like" take, and their tense. */
function subject(words: W[], i: number): {length: number; tense: keyof typeof states} | undefined {
  const w = at(words, i)
  const next = at(words, i + 1)
  if (w === "i'm" || w === 'im') return {length: 1, tense: 'present'}
  if ((w === "i've" || w === "i'd") && next === 'been') return {length: 2, tense: 'past'}
  if (w === 'why' && (next === 'am' || next === 'was') && at(words, i + 2) === 'i') return {length: 3, tense: 'present'}
  if (w !== 'i') return undefined
  if (next === 'am' || next === "'m") return {length: 2, tense: 'present'}
  if (next === 'was') return {length: 2, tense: 'past'}
  if (next === 'felt' || next === 'feel') return {length: at(words, i + 2) === 'like' ? 3 : 2, tense: 'feeling'}
  if ((next === 'have' || next === 'had') && at(words, i + 2) === 'been') return {length: 3, tense: 'past'}
  return undefined
}

/** "I'm such an idiot", "I was so stupid to…", "I felt like a fraud", "What an idiot I was", "Stupid me." */
function label(words: W[], i: number, text: string): Hit | undefined {
  const w = at(words, i)
  if (w === 'what' && (at(words, i + 1) === 'a' || at(words, i + 1) === 'an')) {
    let j = i + 2
    while (j < i + 5 && intensifiers.has(at(words, j))) j++
    if (!labels.has(at(words, j))) return undefined
    const s = subject(words, j + 1)
    return s && s.tense !== 'feeling' ? {to: j + s.length, kind: 'label'} : undefined
  }
  if (i === 0 && /^(?:stupid|dumb|idiot|silly|foolish)$/.test(w) && at(words, 1) === 'me' && pause(words, 1, text)) return {to: 1, kind: 'label'}
  if (w === 'i' && /^(?:hate|hated|despise|loathe)$/.test(at(words, i + 1)) && at(words, i + 2) === 'myself') return {to: i + 2, kind: 'label'}
  const s = subject(words, i)
  if (!s || reported(words, i)) return undefined
  let j = i + s.length
  while (j < i + s.length + 6 && intensifiers.has(at(words, j))) j++
  const word = at(words, j)
  if (labels.has(word) && !things.has(at(words, j + 1)) && !states[s.tense].has(word)) return {to: j, kind: 'label'}
  if (/^(?:terrible|awful|horrible|bad)$/.test(word) && /^(?:person|human)$/.test(at(words, j + 1))) return {to: j + 1, kind: 'label'}
  return undefined
}

/** Someone else's words reported ("she said I was lazy"), a condition ("if I'm a fraud") or a doubt ("I don't think I'm"). */
function reported(words: W[], i: number): boolean {
  const before = at(words, i - 1)
  const twice = at(words, i - 2)
  if (reporting.has(before) || (before === 'that' && (reporting.has(twice) || twice === 'not' || twice === 'me'))) return true
  if (before === 'me' && /^(?:told|tells|tell)$/.test(twice)) return true
  const thought = before === 'that' ? twice : before
  const negation = at(words, i - (before === 'that' ? 3 : 2))
  return doubting.has(thought) && /^(?:don't|didn't|not|never|doesn't|dont|didnt)$/.test(negation)
}

/** "You idiot, you knew", "you absolute fool." Only as an address: "you fool yourself" is advice. */
function vocative(words: W[], i: number, text: string): Hit | undefined {
  if (at(words, i) !== 'you') return undefined
  let j = i + 1
  while (j < i + 4 && /^(?:absolute|complete|total|utter|stupid|big|silly|bloody|fucking|damn|useless|lazy|dumb|careless|little|idiotic)$/.test(at(words, j)))
    j++
  if (vocatives.has(at(words, j)) && pause(words, j, text)) return {to: j, kind: 'label'}
  return undefined
}

/** "I always mess up", "I ruin everything", "I can't do anything right", "I'll never learn", "everything I touch turns to dust". */
function absolute(words: W[], i: number, text: string): Hit | undefined {
  const w = at(words, i)
  if (w === 'everything' && at(words, i + 1) === 'i' && /^(?:do|touch|try|build|make|start)$/.test(at(words, i + 2))) {
    const verb = at(words, i + 3)
    const then = at(words, i + 4)
    if ((verb === 'goes' && then === 'wrong') || (verb === 'turns' && (then === 'to' || then === 'into')) || (verb === 'falls' && then === 'apart'))
      return {to: i + 4, kind: 'absolute'}
    if (verb === 'fails' || verb === 'breaks') return {to: i + 3, kind: 'absolute'}
    return undefined
  }
  if (w !== 'i' && w !== "i'm" && w !== "i'll") return undefined
  if (reported(words, i)) return undefined
  let j = i + 1
  let never = false
  let always = false
  while (j < i + 5 && /^(?:am|'m|always|constantly|forever|keep|never|can't|cannot|can|will|'ll|won't|just|seem|to|ever|really|going)$/.test(at(words, j))) {
    const x = at(words, j)
    if (x === 'never' || x === "can't" || x === 'cannot' || x === "won't") never = true
    if (x === 'always' || x === 'constantly' || x === 'forever' || x === 'keep') always = true
    j++
  }
  const verb = at(words, j)
  const next = at(words, j + 1)
  const end = (k: number) => ({to: k, kind: 'absolute' as const})
  if (always && mistakes.has(verb) && !designs.has(next)) return end(/^(?:up|everything)$/.test(next) ? j + 1 : j)
  if (always && verb === 'get' && next === 'it' && at(words, j + 2) === 'wrong') return end(j + 2)
  if (always && verb === 'let' && words.slice(j + 1, j + 4).some((x) => x.text === 'down')) return end(words.findIndex((x, k) => k > j && x.text === 'down'))
  if (always && verb === 'the' && next === 'one' && /^(?:who|that)$/.test(at(words, j + 2)) && mistakes.has(at(words, j + 3))) return end(j + 3)
  if (j === i + 1 && wrecked.has(verb)) {
    if (next === 'everything') return end(at(words, j + 2) === 'up' ? j + 2 : j + 1)
    if (next === 'up' && at(words, j + 2) === 'everything') return end(j + 2)
  }
  if (never && /^(?:do|get)$/.test(verb)) {
    const thing = /^(?:anything|everything)$/.test(next) ? j + 1 : next === 'it' && at(words, i + 1) === 'never' ? j + 1 : -1
    if (thing > 0 && at(words, thing + 1) === 'right' && !qualifiers.has(at(words, thing + 2))) return end(thing + 1)
  }
  if (never && verb === 'finish' && /^(?:anything|everything)$/.test(next)) return end(j + 1)
  if (never && verb === 'learn' && (pause(words, j, text) || next === 'from' || next === 'my')) return end(j)
  if (never && verb === 'be' && next === 'good' && /^(?:at|enough)$/.test(at(words, j + 2))) return end(at(words, j + 2) === 'enough' ? j + 2 : j + 1)
  if (j <= i + 2 && (verb === 'suck' || verb === 'sucked' || verb === 'fail') && next === 'at' && /^(?:everything|anything|life)$/.test(at(words, j + 2)))
    return end(j + 2)
  if ((verb === 'suck' || verb === 'sucked') && j <= i + 2 && !always && !never && !/^(?:it|up|in|out|down)$/.test(next)) return {to: j, kind: 'label'}
  const s = subject(words, i)
  if (s) {
    let k = i + s.length
    while (k < i + s.length + 3 && intensifiers.has(at(words, k))) k++
    if (bad.has(at(words, k)) && at(words, k + 1) === 'at' && /^(?:everything|anything)$/.test(at(words, k + 2))) return end(k + 2)
  }
  return undefined
}

/** "Nobody likes me", "no one will ever trust me again", "everyone thinks I'm a fraud", "they must think I'm lazy", "everyone hates me". */
function mindReading(words: W[], i: number, text: string): Hit | undefined {
  const w = at(words, i)
  const read = (k: number) => ({to: k, kind: 'mind-reading' as const})
  if (w === 'nobody' || w === 'no-one' || (w === 'no' && at(words, i + 1) === 'one')) {
    let k = w === 'no' ? i + 2 : i + 1
    const from = k
    while (k < from + 3 && modal.has(at(words, k))) k++
    const verb = at(words, k)
    const base = k > from && loved.has(`${verb}s`)
    if (!loved.has(verb) && !base) return undefined
    const object = /^(?:about|to|in|on)$/.test(at(words, k + 1)) ? k + 2 : k + 1
    if (at(words, object) !== 'me') return undefined
    return read(/^takes?$/.test(verb) && at(words, object + 1) === 'seriously' ? object + 1 : object)
  }
  const group = w === 'the' || w === 'my' ? (at(words, i + 1) === 'whole' ? i + 2 : i + 1) : -1
  if (!crowd.has(w) && !(group > 0 && /^(?:team|others|colleagues|class)$/.test(at(words, group)))) return undefined
  let k = group > 0 ? group + 1 : i + 1
  const from = k
  while (k < from + 3 && /^(?:else|all|must|probably|surely|clearly|obviously|secretly|now|will|would|just|already)$/.test(at(words, k))) k++
  const verb = at(words, k)
  if (hating.has(verb) && at(words, k + 1) === 'me') return read(k + 1)
  if ((verb === 'laughs' || verb === 'laugh' || (verb === 'is' && at(words, k + 1) === 'laughing')) && words.slice(k + 1, k + 4).some((x) => x.text === 'me'))
    return read(words.findIndex((x, n) => n > k && x.text === 'me'))
  if (!thinking.has(verb)) return undefined
  if (at(words, k + 1) === 'me' && at(words, k + 2) === 'as') {
    let n = k + 3
    while (n < k + 7 && intensifiers.has(at(words, n))) n++
    return labels.has(at(words, n)) && !things.has(at(words, n + 1)) ? read(n) : undefined
  }
  const start = at(words, k + 1) === 'that' ? k + 2 : k + 1
  const inner = label(words.slice(start, start + 8), 0, text)
  return inner && inner.kind === 'label' ? read(start + inner.to) : undefined
}
