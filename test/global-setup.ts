import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

/** The CLI tests run the compiled, bundled bin, so compile first: they must test the code as it is now. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url))
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {cwd: root, stdio: 'inherit'})
  execFileSync(process.execPath, ['scripts/bundle.mjs'], {cwd: root, stdio: 'inherit'})
}
