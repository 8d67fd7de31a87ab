import {defineCommand} from '../define.js'
import {UsageError} from '../io.js'
import {replaceOption} from './shared.js'

export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'Build, serve at http://127.0.0.1:4321/ and rebuild as you save',
  usage: '[--port N] [--host HOST] [--open] [--base PATH] [--root DIR]',
  description:
    'Builds once, serves dist/ at http://127.0.0.1:4321/ and rebuilds on every save: only the pages that depend on what changed are ' +
    'written, and open pages reload by themselves. A broken entry keeps its last good page; its problems are printed here and shown over ' +
    'the page until fixed. A change to the config or the theme rebuilds everything. Stop with Ctrl+C.',
  options: {
    port: {type: 'string', value: 'N', description: 'First port to try (default 4321); a busy port moves to the next free one'},
    host: {
      type: 'string',
      value: 'HOST',
      description: 'Interface to listen on (default 127.0.0.1). Anything else makes the site readable from other machines: use it only on a network you trust'
    },
    open: {type: 'boolean', description: 'Open the site in the default browser'},
    base: {type: 'string', value: 'PATH', description: 'As for build'},
    ...replaceOption
  },
  async run(input, io) {
    const {values} = input
    const port = values.port === undefined ? 4321 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`\`--port\` must be a port number from 0 to 65535, got \`${String(values.port)}\``)
    const {runWatch} = await import('../watch-command.js')
    return runWatch(
      {
        root: input.root,
        color: input.color,
        port,
        host: typeof values.host === 'string' ? values.host : '127.0.0.1',
        open: values.open === true,
        replaceOutput: values['replace-output'] === true,
        ...(typeof values.base === 'string' ? {base: values.base} : {})
      },
      io
    )
  }
})
