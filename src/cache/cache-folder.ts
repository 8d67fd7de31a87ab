import fs from 'node:fs/promises'
import path from 'node:path'
import type {Places} from '../folders/places.js'
import {folderRefusal, refusalMessage} from '../folders/places.js'
import {BouncebackError} from '../errors.js'
import {cacheTag, cacheTagText, folderState, isOurCache, realPlaces, resolveReal} from '../folders/owned.js'

/**
 * Make sure the cache folder is ours before anything is read from or written into it: missing
 * (then made), empty, tagged with our `CACHEDIR.TAG`, or holding only an earlier bounceback's
 * cache files. The tag is written when missing. Anything else is refused: the cache writes its
 * files into the folder, and a folder of someone else's files is not a place for them.
 * `false` when the folder cannot be made or written (a read-only disk): the run goes on without
 * a cache, as it would with one that cannot be saved.
 */
export async function claimCacheFolder(dir: string, places: Readonly<Places>): Promise<boolean> {
  const refuse = (what: string) =>
    new BouncebackError(
      'CACHE_PROTECTED',
      `The cache folder (${dir}) is ${what}: choose a folder of its own with \`--cache-dir\`, or leave it out to use node_modules/.cache/bounceback`
    )
  const {real, blocked} = await resolveReal(dir)
  if (blocked) throw refuse(`under ${blocked}`)
  const reason = folderRefusal('cache', real, await realPlaces(places))
  if (reason) throw new BouncebackError('CACHE_PROTECTED', refusalMessage('cache', real === dir ? dir : `${dir}, really ${real}`, reason))
  const state = await folderState(dir, isOurCache)
  switch (state.kind) {
    case 'link':
      throw refuse(`a symbolic link (to ${state.target})`)
    case 'not-a-folder':
      throw refuse('a file, not a folder')
    case 'under-a-file':
      throw refuse('under a file')
    case 'repository':
      throw refuse('a folder that holds a git repository (`.git`)')
    case 'foreign':
      throw new BouncebackError(
        'CACHE_FOREIGN',
        `The cache folder (${dir}) holds files bounceback did not write (${listed(state.names)}): ` +
          'choose a new or empty folder with `--cache-dir`, or run with `--no-cache`'
      )
    default:
      break
  }
  try {
    if (state.kind === 'missing') await fs.mkdir(dir, {recursive: true})
    await fs.writeFile(path.join(dir, cacheTag), cacheTagText, {flag: 'wx'})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false
  }
  return true
}

/** Some of a folder's names, for a message. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => `\`${name}\``)
  return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more` : shown.join(', ')
}
