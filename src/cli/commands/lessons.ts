import {defineCommand} from '../define.js'
import {readingOptions} from './shared.js'

export const lessonsCommand = defineCommand({
  name: 'lessons',
  summary: 'Print the lesson themes, recurring first (--json for data)',
  usage: '[--suggest] [--json] [--root DIR]',
  description:
    'Groups the lessons of every published entry into themes (by shared #hashtag, then by similar wording) and prints each theme with its ' +
    'count and dates; recurring themes list every entry they came from. Exits 1 when an entry has an error (its problems go to stderr).',
  options: {
    json: {type: 'boolean', description: "Print the themes as JSON, in the shape of data.json's `lessons` (with --suggest: the candidates)"},
    suggest: {
      type: 'boolean',
      description: 'List tags to add to untagged lessons and likely pairs among them, best first, with their files and lines'
    },
    ...readingOptions
  },
  async run(input, io) {
    const {runLessons} = await import('../run/lessons.js')
    return runLessons(input, io)
  }
})
