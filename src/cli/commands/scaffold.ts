import {defineCommand} from '../define.js'
import {UsageError} from '../io.js'

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Create a ready project: config, an example entry, .gitignore, package.json',
  usage: '[folder]',
  description:
    'Creates bounceback.config.mjs, content/ with one example entry, .gitignore and a package.json with build, check and watch scripts, in ' +
    'the folder (default: the current one). It never overwrites a file that is already there, and says what it created and what it kept.',
  positional: {name: 'folder'},
  options: {},
  async run(input, io) {
    const {runScaffold} = await import('../scaffold-command.js')
    return runScaffold('init', {root: input.root, arg: input.positionals[0]}, io)
  }
})

export const newCommand = defineCommand({
  name: 'new',
  summary: 'Start a new entry: bounceback new "Title" [--date YYYY-MM-DD] [--tags a,b]',
  usage: '"Title" [--date YYYY-MM-DD] [--tags a,b] [--publish] [--root DIR]',
  description:
    "Creates content/<date>-<slug>.md with the frontmatter filled in and every section's heading, each with a short prompt as an HTML " +
    'comment. The entry is a draft (`draft: true`): checked with warnings, not errors, and not published, so the site keeps building ' +
    'while you write; remove the line to publish it. Comments count as empty: `check` passes once every section is answered. Refuses ' +
    "to overwrite an existing file, and prints the new file's path and what to do next.",
  positional: {name: 'title', required: true},
  options: {
    date: {type: 'string', value: 'D', description: "The entry's date (default: today)"},
    tags: {type: 'string', value: 'a,b', description: 'Tags, separated by commas'},
    publish: {type: 'boolean', description: 'Not a draft: published as soon as every section is answered'}
  },
  async run(input, io) {
    const title = input.positionals[0]
    if (title === undefined || title.trim() === '') throw new UsageError('A new entry needs a title: `bounceback new "What I tried"`')
    const {runScaffold} = await import('../scaffold-command.js')
    const {date, tags, publish} = input.values
    return runScaffold(
      'new',
      {root: input.root, arg: title, draft: publish !== true, ...(typeof date === 'string' ? {date} : {}), ...(typeof tags === 'string' ? {tags} : {})},
      io
    )
  }
})

export const schemaCommand = defineCommand({
  name: 'schema',
  summary: 'Print the JSON Schema of entry frontmatter',
  usage: '> frontmatter.schema.json',
  description: 'The same schema ships in the package as schema/frontmatter.schema.json, for editors and tools that check YAML frontmatter as you type.',
  options: {},
  root: false,
  async run(_input, io) {
    const {frontmatterSchema} = await import('../../schema/json-schema.js')
    io.stdout(JSON.stringify(frontmatterSchema(), null, 2))
    return 0
  }
})
