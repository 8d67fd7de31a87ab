import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {requestPath} from '../src/dev/serve/request-path.js'
import {startServer, type PreviewServer} from '../src/dev/serve/server.js'

let base: string
let dir: string
let server: PreviewServer
const secret = 'TOP-SECRET-OUTSIDE-DIST'

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'bounceback-server-'))
  dir = path.join(base, 'dist')
  await fs.mkdir(path.join(dir, '2025', 'entry'), {recursive: true})
  await fs.mkdir(path.join(dir, 'empty'))
  await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><title>home</title><p>home page</p>')
  await fs.writeFile(path.join(dir, '404.html'), '<!doctype html><title>404</title><p>not here</p>')
  await fs.writeFile(path.join(dir, '2025', 'entry', 'index.html'), '<!doctype html><p>entry page</p>')
  await fs.writeFile(path.join(dir, 'style.css'), 'body{}')
  await fs.writeFile(path.join(dir, 'data.json'), '{}')
  await fs.writeFile(path.join(base, 'secret.txt'), secret)
  await fs.symlink(path.join(base, 'secret.txt'), path.join(dir, 'link.txt'))
  await fs.symlink(base, path.join(dir, 'up'))
  server = await startServer({dir, host: '127.0.0.1', port: 0})
})
afterAll(async () => {
  await server.close()
  await fs.rm(base, {recursive: true, force: true})
})

/** Send a raw request target over a socket, so nothing normalises it on the way. */
function raw(target: string, headers: Record<string, string> = {}): Promise<{status: number; headers: string; body: string}> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1')
    let data = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => (data += chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n')
      resolve({status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), headers: head, body: rest.join('\r\n\r\n')})
    })
    const lines = [
      `GET ${target} HTTP/1.1`,
      `Host: ${headers.Host ?? `127.0.0.1:${server.port}`}`,
      'Connection: close',
      ...Object.entries(headers)
        .filter(([k]) => k !== 'Host')
        .map(([k, v]) => `${k}: ${v}`)
    ]
    socket.write(`${lines.join('\r\n')}\r\n\r\n`)
  })
}

describe('request targets', () => {
  const hostile = [
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/2025/../../secret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/index.html%00.css',
    '/index.html\u0000',
    '/index.html#frag',
    '/%',
    '/%E0%A4%A',
    '/%zz',
    '/./index.html',
    'secret.txt',
    '//../secret.txt'
  ]
  for (const target of hostile) {
    it(`refuses ${JSON.stringify(target)} without leaking or crashing`, async () => {
      const response = await raw(target)
      expect([400, 404]).toContain(response.status)
      expect(response.body).not.toContain(secret)
    })
  }

  it('never follows a symbolic link out of the folder', async () => {
    for (const target of ['/link.txt', '/up/secret.txt']) {
      const response = await raw(target)
      expect(response.status).toBe(404)
      expect(response.body).not.toContain(secret)
    }
  })

  it('is still up after all of that', async () => {
    expect((await raw('/')).status).toBe(200)
  })

  it('reads targets into safe relative paths', () => {
    expect(requestPath('/2025/entry/')).toEqual({ok: true, path: '2025/entry/'})
    expect(requestPath('/caf%C3%A9/?q=1')).toEqual({ok: true, path: 'café/'})
    expect(requestPath('/.git/config')).toMatchObject({ok: false, status: 404})
  })
})

describe('serving', () => {
  it('serves index.html for folders, with a redirect to the trailing slash, and correct types', async () => {
    const home = await raw('/')
    expect(home.status).toBe(200)
    expect(home.headers).toMatch(/Content-Type: text\/html; charset=utf-8/i)
    expect(home.body).toContain('home page')
    expect((await raw('/2025/entry/')).body).toContain('entry page')
    const redirect = await raw('/2025/entry')
    expect(redirect.status).toBe(301)
    expect(redirect.headers).toMatch(/Location: \/2025\/entry\//)
    expect((await raw('/style.css')).headers).toMatch(/Content-Type: text\/css/i)
    expect((await raw('/data.json')).headers).toMatch(/Content-Type: application\/json/i)
  })

  it('answers missing files and folders without an index with the 404 page, never a listing', async () => {
    for (const target of ['/missing/', '/empty/', '/2025/']) {
      const response = await raw(target)
      expect(response.status).toBe(404)
      expect(response.body).toContain('not here')
    }
  })

  it('refuses other hosts (DNS rebinding) and foreign origins on the events channel', async () => {
    expect((await raw('/', {Host: 'evil.example:80'})).status).toBe(403)
    expect((await raw('/', {Host: `localhost:${server.port}`})).status).toBe(200)
    expect((await raw('/__bounceback/events', {Origin: 'http://evil.example'})).status).toBe(403)
  })

  it('refuses methods other than GET and HEAD', async () => {
    const response = await new Promise<string>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1')
      let data = ''
      socket.on('data', (chunk) => (data += chunk))
      socket.on('end', () => resolve(data))
      socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`)
    })
    expect(response).toMatch(/^HTTP\/1\.1 405/)
  })
})

describe('ports', () => {
  it('moves to the next free port when the first is busy', async () => {
    const second = await startServer({dir, host: '127.0.0.1', port: server.port})
    try {
      expect(second.port).toBeGreaterThan(server.port)
    } finally {
      await second.close()
    }
  })
})

describe('a site under a base path', () => {
  it('is served under that path, with / sent there', async () => {
    const under = await startServer({dir, host: '127.0.0.1', port: 0, base: '/lessons/'})
    try {
      expect(under.url).toMatch(/\/lessons\/$/)
      const get = (target: string) => fetch(`http://127.0.0.1:${under.port}${target}`, {redirect: 'manual'})
      expect((await get('/')).headers.get('location')).toBe('/lessons/')
      expect(await (await get('/lessons/')).text()).toContain('home page')
      expect(await (await get('/lessons/2025/entry/')).text()).toContain('entry page')
      expect((await get('/2025/entry/')).status).toBe(404)
      expect((await get('/lessons/2025/entry?x=1')).headers.get('location')).toBe('/lessons/2025/entry/?x=1')
    } finally {
      await under.close()
    }
  })
})
