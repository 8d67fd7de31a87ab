import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultGrouping, groupLessons} from '../src/pipeline/aggregate/group-lessons.js'
import {lessonStems} from '../src/pipeline/aggregate/similarity.js'
import {fixtures} from './helpers.js'

interface Labelled {
  group: string
  text: string
}
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, 'lessons', `${name}.json`), 'utf8')) as Labelled[]
/** Used while choosing the measure, lexicon and threshold. */
const labelled = load('labelled')
/** Written separately and only measured, never tuned against. */
const heldOut = load('held-out')

/** Pairwise precision and recall of "same theme" against the labels. */
function pairwise(predicted: readonly number[], truth: readonly string[]) {
  let truePositive = 0
  let predictedPairs = 0
  let actualPairs = 0
  for (let i = 0; i < truth.length; i++) {
    for (let j = i + 1; j < truth.length; j++) {
      const same = predicted[i] === predicted[j]
      const actual = truth[i] === truth[j]
      if (same) predictedPairs++
      if (actual) actualPairs++
      if (same && actual) truePositive++
    }
  }
  return {precision: predictedPairs === 0 ? 1 : truePositive / predictedPairs, recall: truePositive / actualPairs, predictedPairs, actualPairs}
}

describe('lesson grouping', () => {
  it('has labelled fixtures of at least 40 lessons in at least 10 groups, with unrelated lessons', () => {
    for (const set of [labelled, heldOut]) {
      const groups = new Map<string, number>()
      for (const l of set) groups.set(l.group, (groups.get(l.group) ?? 0) + 1)
      expect(set.length).toBeGreaterThanOrEqual(40)
      expect([...groups.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(10)
      expect([...groups.values()].filter((n) => n === 1).length).toBeGreaterThan(0)
    }
  })

  for (const [name, set] of [
    ['labelled', labelled],
    ['held-out', heldOut]
  ] as const) {
    it(`almost never merges unrelated lessons (precision ≥ 0.95) on the ${name} set, and prints recall`, () => {
      const predicted = groupLessons(set.map((l) => ({text: l.text, hashtags: []})))
      const score = pairwise(
        predicted,
        set.map((l) => l.group)
      )
      console.log(
        `lesson grouping, ${name} set of ${set.length} lessons (overlap ≥ ${defaultGrouping.threshold}): ` +
          `precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} ` +
          `(${score.predictedPairs} pairs predicted, ${score.actualPairs} pairs labelled)`
      )
      expect(score.precision).toBeGreaterThanOrEqual(0.95)
      expect(score.recall).toBeGreaterThan(0)
    })
  }

  it('groups by shared hashtag first, whatever the words', () => {
    const groups = groupLessons([
      {text: 'Pad every estimate by a fifth.', hashtags: ['estimation']},
      {text: 'Guesses about time run short.', hashtags: ['estimation']},
      {text: 'Sleep eight hours.', hashtags: ['health']}
    ])
    expect(groups).toEqual([0, 0, 1])
  })

  it('folds wordings with the same stems together, and keeps unrelated ones apart', () => {
    const groups = groupLessons([
      {text: 'Estimates need a buffer.', hashtags: []},
      {text: 'Buffers: estimates need them!', hashtags: []},
      {text: 'Check the budget every week.', hashtags: []}
    ])
    expect(groups).toEqual([0, 0, 1])
  })

  it('normalises, drops stop words and stems', () => {
    expect(lessonStems("I didn't ask for Feedback early enough — asking sooner helps.")).toEqual(['=early', '=feedback', 'ask', 'enough', 'help'])
    expect(lessonStems('Pad estimates; leave breathing room.')).toEqual(['=buffer', '=estimate', 'leav'])
    expect(lessonStems('the and of')).toEqual([])
  })

  it('gives the same groups whatever the threshold, at the extremes', () => {
    const lessons = labelled.map((l) => ({text: l.text, hashtags: []}))
    expect(new Set(groupLessons(lessons, {threshold: 1.01})).size).toBe(new Set(lessons.map((l) => lessonStems(l.text).join(' '))).size)
    expect(new Set(groupLessons(lessons, {threshold: 0})).size).toBeLessThan(10)
  })
})
