import {declareRules} from './declare.js'

/** Problems found before or around the checks (reading, limits, the whole site): never rules to tune. */
export const fileRules = declareRules({
  'file/encoding': {level: 'always', entry: false, doc: 'UTF-16, NUL bytes or invalid UTF-8', fix: 'save the file as UTF-8'},
  'file/outside-content': {
    level: 'always',
    entry: false,
    doc: 'a symbolic link to an entry or a folder that leads outside `content/` (a link to an image: `asset/outside`)',
    fix: 'move or copy the file into `content/`'
  },
  'file/broken-link': {level: 'always', entry: false, doc: 'a symbolic link that leads nowhere', fix: 'point the link at an entry, or remove it'},
  'file/unreadable': {
    level: 'always',
    entry: false,
    doc: 'a file or folder that cannot be read (a folder of `content/` without permission: its entries are not checked, the others are)',
    fix: 'give your user permission to read it'
  },
  'file/unprocessable': {
    level: 'always',
    entry: false,
    doc: 'an entry the parser cannot read (nesting thousands of levels deep); the other entries are still checked',
    fix: 'flatten the nesting'
  },
  'file/duplicate-link': {
    level: 'always',
    entry: false,
    doc: 'a second path to an entry through a symbolic link (a warning); the entry is read once',
    fix: 'remove the second link'
  },
  'file/too-large': {
    level: 'always',
    entry: false,
    doc: 'an entry over the size limit (see Safety and limits)',
    fix: 'split the entry, or raise `limits.fileSize` in the config'
  },
  'frontmatter/too-large': {
    level: 'always',
    entry: false,
    doc: 'a frontmatter block over its size limit',
    fix: 'move long text into the body, or raise `limits.frontmatterSize`'
  },
  'file/too-deep': {
    level: 'always',
    entry: false,
    doc: 'nesting or a run of emphasis marks over its limit',
    fix: 'flatten the nesting, or raise `limits.nesting` or `limits.emphasisRun`'
  },
  'file/timeout': {
    level: 'always',
    entry: false,
    doc: 'an entry still being read when its time budget ran out',
    fix: 'split the entry, or raise `limits.timeBudget`'
  },
  'file/memory': {
    level: 'always',
    entry: false,
    doc: 'an entry that needed more memory than `limits.memory` to read',
    fix: 'split the entry, or raise `limits.memory`'
  },
  'slug/duplicate': {level: 'always', entry: false, doc: 'two entries that would share one URL', fix: 'rename one of the files'}
})
