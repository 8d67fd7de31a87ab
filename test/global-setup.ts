import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {missing} from './requirements.js'

/**
 * The CLI tests run the compiled, bundled bin, so compile first: they must test the code as it
 * is now. Then say, in one line, which tests this machine cannot run; in CI they are required.
 */
export default function setup(): void {
  const left = missing()
  if (left.length > 0) {
    const line =
      `Skipping ${left.join(' and ')}: install them with \`sudo apt-get install -y chromium default-jre-headless\` (as .ci/run ` + `does) to run every test.`
    if (process.env.CI) throw new Error(`CI runs every test, but ${line.charAt(0).toLowerCase()}${line.slice(1)}`)
    console.warn(line)
  }
  const root = fileURLToPath(new URL('..', import.meta.url))
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {cwd: root, stdio: 'inherit'})
  execFileSync(process.execPath, ['scripts/bundle.mjs'], {cwd: root, stdio: 'inherit'})
}
