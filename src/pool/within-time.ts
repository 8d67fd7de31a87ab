import vm from 'node:vm'

/**
 * Run a synchronous function on this thread for at most `ms`: `vm` stops a script that runs
 * past its timeout, whatever code it is in at the time, and this runs `fn` as such a script.
 * Each call costs about a tenth of a millisecond (a watchdog thread), so it guards a whole
 * entry, not each stage of one. What `fn` was building when stopped is simply dropped.
 */
export function withinTime<T>(fn: () => T, ms: number): T | 'timed out' {
  // A context costs some milliseconds to make: only once, and only when an entry is read.
  const {context, script} = (made ??= {
    context: vm.createContext({run: undefined as (() => unknown) | undefined}),
    script: new vm.Script('run()', {filename: 'bounceback-within-time.js'})
  })
  context.run = fn
  try {
    return script.runInContext(context, {timeout: Math.max(1, Math.round(ms))}) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timed out'
    throw error
  } finally {
    context.run = undefined
  }
}

let made: {context: vm.Context; script: vm.Script} | undefined
