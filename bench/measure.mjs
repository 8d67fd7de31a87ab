import {spawnSync} from 'node:child_process'

/** Run a command under /usr/bin/time: seconds of wall time and peak RSS in MB. */
export function measure(command, commandArgs, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...commandArgs], {encoding: 'utf8', maxBuffer: 64 * 2 ** 20, ...options})
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed: ${result.stderr.slice(-500)}`)
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number)
  return {seconds, mb: kb / 1024}
}
