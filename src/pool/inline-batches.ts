import {withinTime} from './within-time.js'

interface Waiting<T> {
  run: () => T
  settle: (outcome: {value: T} | {error: unknown} | 'timed out') => void
}

/**
 * Synchronous work run on this thread, each item for at most `limit()` ms, several items to one
 * stoppable run: a stoppable run costs a watchdog thread, a good part of an entry's time
 * (bench/results.md), so the items that arrive together share one. A run takes new items for
 * `slice` ms only, then the next run waits for the next turn of the event loop, so timers,
 * replies from worker threads and the preview server are never kept waiting longer than one
 * slice and one item. When a run is stopped, the item it was on has overrun.
 */
export class InlineBatches<T> {
  private queue: Waiting<T>[] = []
  private scheduled = false

  constructor(
    private readonly limit: () => number,
    private readonly slice = 50
  ) {}

  run(work: () => T): Promise<{value: T} | {error: unknown} | 'timed out'> {
    return new Promise((settle) => {
      this.queue.push({run: work, settle})
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return
    this.scheduled = true
    // Items handed over in the same turn (a build hands dozens at once) share a run.
    setImmediate(() => this.flush())
  }

  private flush(): void {
    this.scheduled = false
    const batch = this.queue
    this.queue = []
    const limit = this.limit()
    const slice = Math.min(this.slice, limit / 2)
    const done: ({value: T} | {error: unknown})[] = []
    const started = performance.now()
    // Every item starts within `slice` ms of the run, so each has at least `limit` ms of it.
    const outcome = withinTime(() => {
      for (const item of batch) {
        if (done.length > 0 && performance.now() - started > slice) return
        try {
          done.push({value: item.run()})
        } catch (error) {
          done.push({error})
        }
      }
    }, limit + slice)
    for (const [i, outcome] of done.entries()) batch[i]!.settle(outcome)
    let rest = batch.slice(done.length)
    // A run can be reported stopped just after its last item finished: then nothing overran.
    if (outcome === 'timed out' && rest.length > 0) {
      rest[0]!.settle('timed out')
      rest = rest.slice(1)
    }
    this.queue = [...rest, ...this.queue]
    this.schedule()
  }
}
