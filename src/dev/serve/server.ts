import fs from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {clientScript} from './client-script.js'
import {contentType} from './content-type.js'
import {requestPath} from './request-path.js'

export interface ServerOptions {
  /** The folder served: nothing outside it is ever read. */
  dir: string
  host: string
  port: number
  /** Try the next ports when the first is busy. */
  portAttempts?: number
  /** The path the site lives under (`/lessons/`), as in the config; `/` by default. */
  base?: string
}

/** A local preview server with a live-reload channel. */
export interface PreviewServer {
  url: string
  port: number
  /** Tell open pages that these URLs changed (`'*'` for all). */
  reload(urls: readonly string[] | '*'): void
  /** Tell open pages the current problems (an empty list hides the overlay). */
  problems(list: readonly unknown[]): void
  /** Serve another folder from now on (the config's `output` changed). */
  serve(dir: string): Promise<void>
  close(): Promise<void>
}

const eventsPath = '/__bounceback/events'
const clientPath = '/__bounceback/client.js'
const clientTag = `<script type="module" src="${clientPath}"></script>`

/**
 * Serve the output folder on one host (127.0.0.1 by default). Requests naming another host are
 * refused (DNS rebinding), the events channel checks `Origin`, and only files inside the folder
 * are served: no directory listings, no symbolic links out, a 404 page for the rest.
 */
export async function startServer(options: ServerOptions): Promise<PreviewServer> {
  let root = await fs.realpath(options.dir).catch(() => path.resolve(options.dir))
  const clients = new Set<http.ServerResponse>()
  let lastProblems = '[]'
  let allowedHosts = new Set<string>()

  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error')
      else response.destroy()
    })
  })
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has((request.headers.host ?? '').toLowerCase())) return send(response, 403, 'text/plain; charset=utf-8', 'Unexpected Host header')
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed', {Allow: 'GET, HEAD'})
    const target = request.url ?? '/'
    if (target === eventsPath) return openEvents(request, response)
    if (target === clientPath) return send(response, 200, 'text/javascript; charset=utf-8', clientScript)
    const base = options.base ?? '/'
    if (!target.startsWith(base)) {
      if (target === '/' || target === base.slice(0, -1)) return send(response, 302, 'text/plain; charset=utf-8', 'Moved', {Location: base})
      return notFound(response, request)
    }
    const parsed = requestPath(`/${target.slice(base.length)}`)
    if (!parsed.ok)
      return parsed.status === 404 ? notFound(response, request) : send(response, 400, 'text/plain; charset=utf-8', `Bad request: ${parsed.reason}`)
    const file = await resolveFile(parsed.path)
    if (file === 'redirect') {
      const query = target.includes('?') ? target.slice(target.indexOf('?')) : ''
      return send(response, 301, 'text/plain; charset=utf-8', 'Moved', {Location: `${base}${encodeURI(parsed.path)}/${query}`})
    }
    if (!file) return notFound(response, request)
    await sendFile(response, request, file, 200)
  }

  /** The file a path names, `index.html` for folders, only if it really lies inside the root. */
  async function resolveFile(relative: string): Promise<string | 'redirect' | undefined> {
    let candidate = path.join(root, relative)
    let stat = await fs.stat(candidate).catch(() => undefined)
    if (stat?.isDirectory()) {
      if (relative !== '' && !relative.endsWith('/')) {
        const index = await fs.stat(path.join(candidate, 'index.html')).catch(() => undefined)
        if (index?.isFile()) return 'redirect'
      }
      candidate = path.join(candidate, 'index.html')
      stat = await fs.stat(candidate).catch(() => undefined)
    }
    if (!stat?.isFile()) return undefined
    const real = await fs.realpath(candidate).catch(() => undefined)
    if (!real) return undefined
    const inside = path.relative(root, real)
    return inside && !inside.startsWith('..') && !path.isAbsolute(inside) ? real : undefined
  }

  async function notFound(response: http.ServerResponse, request: http.IncomingMessage): Promise<void> {
    const page = await resolveFile('404.html')
    if (page) return sendFile(response, request, page, 404)
    send(response, 404, 'text/plain; charset=utf-8', 'Not found')
  }

  async function sendFile(response: http.ServerResponse, request: http.IncomingMessage, file: string, status: number): Promise<void> {
    let body: Buffer = await fs.readFile(file)
    const type = contentType(file)
    if (type.startsWith('text/html')) body = Buffer.concat([body, Buffer.from(clientTag)])
    response.writeHead(status, {'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff'})
    response.end(request.method === 'HEAD' ? undefined : body)
  }

  function openEvents(request: http.IncomingMessage, response: http.ServerResponse): void {
    const origin = request.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin.toLowerCase())) {
      send(response, 403, 'text/plain; charset=utf-8', 'Unexpected Origin')
      return
    }
    response.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive'})
    response.write(`retry: 500\nevent: problems\ndata: {"problems":${lastProblems}}\n\n`)
    clients.add(response)
    request.on('close', () => clients.delete(response))
  }

  function allowedOrigins(): Set<string> {
    return new Set([...allowedHosts].map((host) => `http://${host}`))
  }

  function broadcast(event: string, data: string): void {
    for (const client of clients) client.write(`event: ${event}\ndata: ${data}\n\n`)
  }

  const port = await listen(server, options.host, options.port, options.portAttempts ?? 20)
  const hostNames = new Set(['localhost', '127.0.0.1', '[::1]', options.host.includes(':') ? `[${options.host}]` : options.host])
  allowedHosts = new Set([...hostNames].map((name) => `${name}:${port}`.toLowerCase()))
  const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host

  return {
    url: `http://${shown}:${port}${options.base ?? '/'}`,
    port,
    reload(urls) {
      // Pages know their address with the base in front.
      const base = options.base ?? '/'
      broadcast('reload', JSON.stringify({urls: urls === '*' ? urls : urls.map((url) => base + url.replace(/^\/+/, ''))}))
    },
    problems(list) {
      lastProblems = JSON.stringify(list)
      broadcast('problems', `{"problems":${lastProblems}}`)
    },
    async serve(dir) {
      root = await fs.realpath(dir).catch(() => path.resolve(dir))
    },
    async close() {
      for (const client of clients) client.end()
      clients.clear()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    }
  }
}

function send(response: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'X-Content-Type-Options': 'nosniff', ...headers})
  response.end(body)
}

/** Listen on the first free port from `port` on, trying at most `attempts` ports. */
async function listen(server: http.Server, host: string, port: number, attempts: number): Promise<number> {
  for (let i = 0; i < attempts; i++) {
    const tried = port === 0 ? 0 : port + i
    try {
      await new Promise<void>((resolve, reject) => {
        const fail = (error: Error) => {
          server.off('listening', ok)
          reject(error)
        }
        const ok = () => {
          server.off('error', fail)
          resolve()
        }
        server.once('error', fail)
        server.once('listening', ok)
        server.listen(tried, host)
      })
      return (server.address() as AddressInfo).port
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || i === attempts - 1) throw error
    }
  }
  throw new Error('unreachable')
}
