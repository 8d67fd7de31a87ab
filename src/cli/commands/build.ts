import {defineCommand} from '../define.js'
import {readingOptions, replaceOption, reportOptions} from './shared.js'

export const buildCommand = defineCommand({
  name: 'build',
  summary: 'Check every entry, then render the site into dist/',
  usage: '[--base PATH] [--root DIR]',
  description:
    "Reads content/ (or the config's `content`), checks every entry, and when no entry has an error writes the site to dist/ (or the " +
    "config's `output`) in one atomic step. With errors, nothing is written and the previous dist/ stays as it was. Drafts are checked, " +
    'not published. The output folder is replaced only when it is new, empty, or written by bounceback before.',
  options: {
    base: {
      type: 'string',
      value: 'PATH',
      description: "Serve the site under a sub-path (`/lessons/`) or at a URL (`https://user.github.io/lessons/`); wins over the config's `base`"
    },
    ...readingOptions,
    ...reportOptions,
    ...replaceOption
  },
  async run(input, io) {
    const {runBuild} = await import('../run/build.js')
    return runBuild(input, io)
  }
})
