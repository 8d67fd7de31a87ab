import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {Threads} from '../src/pool/threads.js'

const worker = new URL('./fixtures/threads/worker.mjs', import.meta.url)
let threads: Threads | undefined
afterEach(async () => {
  await threads?.destroy()
  threads = undefined
})

type Reply = {echo: unknown; setup: unknown; thread: number}

describe('the worker threads', () => {
  it('answer each task with its value, started with the setup they were given', async () => {
    threads = new Threads({file: worker, size: 2, workerData: {lang: 'en'}})
    await threads.ready()
    const replies = (await Promise.all([1, 2, 3, 4, 5].map((value) => threads!.run({value})))) as Reply[]
    expect(replies.map((r) => r.echo)).toEqual([1, 2, 3, 4, 5])
    expect(replies.every((r) => (r.setup as {lang: string}).lang === 'en')).toBe(true)
    // Two threads, no more.
    expect(new Set(replies.map((r) => r.thread)).size).toBeLessThanOrEqual(2)
  })

  it('pass on what a task threw, name, message and code, and go on with the same thread', async () => {
    threads = new Threads({file: worker, size: 1})
    const before = (await threads.run({value: 0})) as Reply
    await expect(threads.run({kind: 'throw', message: 'no such lesson'})).rejects.toMatchObject({name: 'TypeError', message: 'no such lesson', code: 'E_TEST'})
    const after = (await threads.run({value: 1})) as Reply
    expect(after.thread).toBe(before.thread)
  })

  it('stop a task whose signal aborts, and put a fresh thread in its place', async () => {
    threads = new Threads({file: worker, size: 1})
    const first = (await threads.run({value: 0})) as Reply
    const stop = new AbortController()
    const spinning = threads.run({kind: 'spin'}, stop.signal)
    setTimeout(() => stop.abort(), 100)
    await expect(spinning).rejects.toMatchObject({name: 'AbortError'})
    const next = (await threads.run({value: 1})) as Reply
    expect(next.echo).toBe(1)
    expect(next.thread).not.toBe(first.thread)
  })

  it('end a task whose thread exits or runs out of memory with an error, and go on', async () => {
    threads = new Threads({file: worker, size: 1, resourceLimits: {maxOldGenerationSizeMb: 32}})
    await expect(threads.run({kind: 'exit', code: 7})).rejects.toThrow('exit code 7')
    await expect(threads.run({kind: 'grow'})).rejects.toMatchObject({code: 'ERR_WORKER_OUT_OF_MEMORY'})
    expect(((await threads.run({value: 'still here'})) as Reply).echo).toBe('still here')
  }, 30_000)

  it('keep the process open while starting and working, never once idle', () => {
    // Built from lib/ by the global setup, as the command line uses it.
    const script = fileURLToPath(new URL('./fixtures/threads/left-open.mjs', import.meta.url))
    const result = spawnSync(process.execPath, [script], {encoding: 'utf8', timeout: 20_000})
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe('"done"')
    expect(result.status).toBe(0)
  })
})
