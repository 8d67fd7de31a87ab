import {Worker, type ResourceLimits} from 'node:worker_threads'

export interface ThreadsOptions {
  /** The worker's module: it posts `'ready'` once loaded, then answers each task with one message (see worker.ts). */
  file: string | URL
  size: number
  workerData?: unknown
  resourceLimits?: ResourceLimits
}

/** What a worker answers a task with: its value, or what it threw, as plain data. */
export type ThreadReply = {value: unknown} | {error: {name: string; message: string; code?: string}}

interface Slot {
  worker: Worker
  ready: Promise<void>
  /** The task it runs, if any. */
  task?: {settle(reply: ThreadReply): void; fail(error: Error): void}
}

/**
 * A fixed number of worker threads, each running one task at a time. A task that is stopped
 * (its signal aborts) ends with its thread, and a fresh one takes the thread's place; so does a
 * thread that ran out of memory or exited. Each task costs one message each way and nothing
 * more: tinypool, used before, read the process's memory usage after every task (about a
 * millisecond, a tenth of a small entry) and started two shells when loaded (bench/results.md).
 */
export class Threads {
  private readonly slots = new Set<Slot>()
  private idle: Slot[] = []
  private readonly waiting: ((slot: Slot) => void)[] = []
  private closed = false

  constructor(private readonly options: ThreadsOptions) {
    for (let i = 0; i < options.size; i++) this.idle.push(this.spawn())
  }

  /** Resolves when every thread has loaded its module. */
  async ready(): Promise<void> {
    await Promise.all([...this.slots].map((slot) => slot.ready))
  }

  /**
   * Run a task on the next free thread; rejects with an `AbortError` when `signal` aborts first.
   * `started` is called when the task is handed to a thread that has loaded: a time limit starts
   * then, not while a fresh thread is still loading its module.
   */
  async run(task: unknown, signal?: AbortSignal, started?: () => void): Promise<unknown> {
    if (this.closed) throw new Error('The worker threads were closed')
    const slot = this.idle.pop() ?? (await new Promise<Slot>((resolve) => this.waiting.push(resolve)))
    try {
      await slot.ready
    } catch (error) {
      this.replace(slot)
      throw error
    }
    return new Promise((resolve, reject) => {
      const finish = (replace: boolean) => {
        slot.task = undefined
        signal?.removeEventListener('abort', onAbort)
        if (replace) this.replace(slot)
        else this.release(slot)
      }
      const onAbort = () => {
        finish(true)
        reject(Object.assign(new Error('The task was stopped'), {name: 'AbortError'}))
      }
      if (signal?.aborted) return onAbort()
      signal?.addEventListener('abort', onAbort, {once: true})
      slot.task = {
        settle(reply) {
          finish(false)
          if ('value' in reply) resolve(reply.value)
          else reject(Object.assign(new Error(reply.error.message), reply.error))
        },
        fail(error) {
          finish(true)
          reject(error)
        }
      }
      // Only a thread at work keeps the process alive: an idle pool never holds it open.
      slot.worker.ref()
      slot.worker.postMessage(task)
      started?.()
    })
  }

  /** Stop every thread. */
  async destroy(): Promise<void> {
    this.closed = true
    const slots = [...this.slots]
    this.slots.clear()
    this.idle = []
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  private spawn(): Slot {
    const {file, workerData, resourceLimits} = this.options
    const worker = new Worker(file, {workerData, ...(resourceLimits ? {resourceLimits} : {})})
    const slot: Slot = {worker, ready: Promise.resolve()}
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (message) => (message === 'ready' ? resolve() : reject(new Error(`Unexpected first message from a worker thread: ${message}`))))
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`A worker thread stopped while starting (exit code ${code})`)))
      worker.on('message', (message) => {
        if (message !== 'ready') slot.task?.settle(message as ThreadReply)
      })
    })
    // Held open while it starts (something awaits it), then only while it works.
    slot.ready.then(
      () => {
        if (!slot.task) worker.unref()
      },
      () => undefined
    )
    worker.on('error', (error) => slot.task?.fail(error))
    worker.on('exit', (code) => slot.task?.fail(new Error(`it ended (exit code ${code}); does a plugin call \`process.exit()\`?`)))
    this.slots.add(slot)
    return slot
  }

  private release(slot: Slot): void {
    slot.worker.unref()
    const next = this.waiting.shift()
    if (next) next(slot)
    else this.idle.push(slot)
  }

  /** The thread is stopped (or has ended) and a fresh one takes its place. */
  private replace(slot: Slot): void {
    if (!this.slots.delete(slot)) return
    slot.task = undefined
    void slot.worker.terminate()
    if (this.closed) return
    this.release(this.spawn())
  }
}
