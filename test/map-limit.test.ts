import {describe, expect, it} from 'vitest'
import {mapLimit} from '../src/map-limit.js'

describe('mapLimit', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0
    let most = 0
    const result = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, n))
      running--
      return n * 10
    })
    expect(result).toEqual([50, 10, 40, 20, 30])
    expect(most).toBe(2)
  })

  it('after a failure starts nothing new and waits for the calls in flight', async () => {
    const started: number[] = []
    const finished: number[] = []
    const run = mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n)
      if (n === 2) throw new Error('two failed')
      await new Promise((resolve) => setTimeout(resolve, 20))
      finished.push(n)
      return n
    })
    await expect(run).rejects.toThrow('two failed')
    expect(started).toEqual([1, 2])
    expect(finished).toEqual([1])
  })
})
