import {declareRules} from './declare.js'

/** Files an entry points at by a relative path (images, PDFs): each must be there, inside the content folder. */
export const assetRules = declareRules({
  'asset/missing': {
    level: 'always',
    entry: false,
    doc: 'an image or file linked by a relative path that is not there, or is not a regular file',
    fix: 'put the file at the path the entry names, relative to the entry, or correct the path'
  },
  'asset/outside': {
    level: 'always',
    entry: false,
    doc: 'an image or file linked by a path (or a symbolic link) that leads outside `content/`',
    fix: 'copy the file into `content/` beside the entry and link it from there'
  },
  'asset/too-large': {
    level: 'always',
    entry: false,
    doc: 'an image or file over `limits.assetSize`',
    fix: 'make the file smaller (resize or compress the image), or raise `limits.assetSize`'
  }
})
