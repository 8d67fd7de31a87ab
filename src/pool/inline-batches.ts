import {withinTime} from './within-time.js'

interface Waiting<T> {
  run: () => T
  settle: (outcome: {value: T} | {error: unknown} | 'timed out') => void
}

/**
 * Synchronous work run on this thread, each item for at most `limit()` ms, several items to one
 * stoppable run: a stoppable run costs a watchdog thread (a third of a millisecond here, a
 * tenth of an entry), so the items that arrive together share one. No new item starts once
 * half the limit has passed, so each has at least the other half; when the run is stopped,
 * the item it was on has overrun, and the items after it go into the next run.
 */
export class InlineBatches<T> {
  private queue: Waiting<T>[] = []
  private scheduled = false

  constructor(private readonly limit: () => number) {}

  run(work: () => T): Promise<{value: T} | {error: unknown} | 'timed out'> {
    return new Promise((settle) => {
      this.queue.push({run: work, settle})
      if (!this.scheduled) {
        this.scheduled = true
        // Items handed over in the same turn (a build hands dozens at once) share a run.
        setImmediate(() => this.flush())
      }
    })
  }

  private flush(): void {
    this.scheduled = false
    while (this.queue.length > 0) {
      const batch = this.queue
      this.queue = []
      const limit = this.limit()
      const done: ({value: T} | {error: unknown})[] = []
      const started = performance.now()
      const outcome = withinTime(() => {
        for (const item of batch) {
          if (done.length > 0 && performance.now() - started > limit / 2) return
          try {
            done.push({value: item.run()})
          } catch (error) {
            done.push({error})
          }
        }
      }, limit)
      batch.slice(0, done.length).forEach((item, i) => item.settle(done[i]!))
      let rest = batch.slice(done.length)
      if (outcome === 'timed out') {
        rest[0]!.settle('timed out')
        rest = rest.slice(1)
      }
      this.queue = [...rest, ...this.queue]
    }
  }
}
