import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {RecordLog, type LogRecord} from '../src/cache/record-log.js'
import {useProjects} from './helpers.js'

const project = useProjects()
const header = {format: 'test-log/1', salt: 'a'}

/** Save `live` into the log at `file` as a cache would: the records that differ, then what is kept. */
async function keep(file: string, live: Map<string, unknown>): Promise<void> {
  const {log, records} = await RecordLog.open(file, header)
  const changed: LogRecord[] = [...live].filter(([key, value]) => records.get(key) !== value)
  for (const key of records.keys()) if (!live.has(key)) changed.push([key])
  await log.save(changed, live.size, () => live)
}

describe('a log of records', () => {
  it('appends only what changed, and reads back exactly the live records', async () => {
    const file = path.join(await project(), 'cache', 'log.jsonl')
    await keep(
      file,
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 3]
      ])
    )
    const first = await fs.readFile(file, 'utf8')
    await keep(
      file,
      new Map([
        ['a', 1],
        ['c', 4]
      ])
    )
    const second = await fs.readFile(file, 'utf8')
    expect(second.startsWith(first)).toBe(true)
    expect(second.slice(first.length)).toBe('\n["c",4]\n["b"]')
    expect((await RecordLog.open(file, header)).records).toEqual(
      new Map([
        ['a', 1],
        ['c', 4]
      ])
    )
  })

  it('writes nothing when nothing changed', async () => {
    const file = path.join(await project(), 'log.jsonl')
    await keep(file, new Map([['a', 1]]))
    const before = await fs.stat(file)
    await keep(file, new Map([['a', 1]]))
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs)
  })

  it('is written afresh once dead records outnumber the live ones', async () => {
    const file = path.join(await project(), 'log.jsonl')
    for (let round = 0; round < 100; round++) await keep(file, new Map([['a', round]]))
    const lines = (await fs.readFile(file, 'utf8')).split('\n')
    expect(lines.length).toBeLessThan(2 + 66)
    expect((await RecordLog.open(file, header)).records).toEqual(new Map([['a', 99]]))
  })

  it('skips a record torn by a killed process, and appends after it on a line of its own', async () => {
    const file = path.join(await project(), 'log.jsonl')
    await keep(file, new Map([['a', 1]]))
    await fs.appendFile(file, '\n["b",{"half')
    expect((await RecordLog.open(file, header)).records).toEqual(new Map([['a', 1]]))
    await keep(
      file,
      new Map([
        ['a', 1],
        ['c', 3]
      ])
    )
    expect((await RecordLog.open(file, header)).records).toEqual(
      new Map([
        ['a', 1],
        ['c', 3]
      ])
    )
  })

  it('reads nothing from a log with another header, and never appends to one', async () => {
    const file = path.join(await project(), 'log.jsonl')
    await keep(file, new Map([['a', 1]]))
    const {log} = await RecordLog.open(file, header)
    // Meanwhile another run, with other settings, writes the file afresh under its own header.
    const other = await RecordLog.open(file, {...header, salt: 'b'})
    expect(other.records.size).toBe(0)
    await other.log.save([['a', 'b']], 1, () => [['a', 'b']])
    await log.save([['c', 3]], 2, () => [
      ['a', 1],
      ['c', 3]
    ])
    // The first run's records are not added under the other header: its file was replaced whole.
    expect((await RecordLog.open(file, {...header, salt: 'b'})).records.size).toBe(0)
    expect((await RecordLog.open(file, header)).records).toEqual(
      new Map([
        ['a', 1],
        ['c', 3]
      ])
    )
  })
})
