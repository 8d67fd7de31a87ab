import type {ResolvedConfig} from '../../config/types.js'
import {BouncebackError} from '../../errors.js'
import {findRepository, folderState, isOurOutput, realPlaces, resolveReal, type FolderState} from '../../folders/owned.js'
import {folderRefusal, refusalMessage} from '../../folders/places.js'

export type OutputSettings = Pick<ResolvedConfig, 'outDir' | 'replaceOutput' | 'places'>

/**
 * Prove that the output folder may be replaced, or throw: it must be missing, empty, or hold
 * the marker an earlier build wrote (or the config says `replaceOutput`), and neither it nor
 * its real path may be a place no build ever replaces (see `folderRefusal`). A symbolic link,
 * a file, or a folder that holds a git repository is never replaced.
 */
export async function claimOutput(config: OutputSettings): Promise<FolderState> {
  const {outDir} = config
  const never = (what: string, fix: string) =>
    new BouncebackError(
      'OUTPUT_PROTECTED',
      `\`output\` (${outDir}) is ${what}. bounceback replaces its output folder as a whole, so it never writes there: ${fix}`
    )
  const {real, blocked} = await resolveReal(outDir)
  if (blocked) throw never(`under ${blocked}`, 'choose a folder of its own, such as `dist`')
  const reason = folderRefusal('output', real, await realPlaces(config.places))
  if (reason) throw new BouncebackError('OUTPUT_PROTECTED', refusalMessage('output', real === outDir ? outDir : `${outDir}, really ${real}`, reason))
  const state = await folderState(outDir, isOurOutput)
  switch (state.kind) {
    case 'link':
      throw never(`a symbolic link (to ${state.target})`, 'set `output` to the folder itself, or choose a folder of its own, such as `dist`')
    case 'not-a-folder':
      throw never('a file, not a folder', 'choose a folder of its own, such as `dist`')
    case 'under-a-file':
      throw never('under a file', 'choose a folder of its own, such as `dist`')
    case 'repository':
      throw never('a folder that holds a git repository (`.git`)', 'choose a folder of its own, such as `dist`')
    case 'foreign': {
      if (config.replaceOutput) {
        // Asked to replace someone else's folder: never one that holds a repository, at any depth.
        const repository = await findRepository(outDir)
        if (repository === 'too many files')
          throw never('a folder of over 100,000 files bounceback did not write', 'empty it by hand, or choose a folder of its own')
        if (repository !== undefined) throw never(`a folder that holds a repository (\`${repository}\`)`, 'choose a folder of its own, such as `dist`')
        return state
      }
      throw new BouncebackError(
        'OUTPUT_FOREIGN',
        `\`output\` (${outDir}) holds files bounceback did not write (${listed(state.names)}), and a build replaces the output folder as a ` +
          `whole. Empty that folder, choose another \`output\` (a new or empty folder), or replace it anyway with \`--replace-output\` ` +
          `(\`replaceOutput: true\` in the config)`
      )
    }
    default:
      return state
  }
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => `\`${name}\``)
  return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more` : shown.join(', ')
}
