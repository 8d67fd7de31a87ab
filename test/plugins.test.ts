import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {check} from '../src/check.js'
import {useProjects, validEntry} from './helpers.js'

const project = useProjects()

const config = `
// A remark plugin: upper-cases every heading text, before the checks see it.
function shout() {
  return (tree) => {
    const walk = (node) => {
      if (node.type === 'heading') for (const child of node.children) if (child.type === 'text') child.value = child.value.toUpperCase()
      for (const child of node.children ?? []) walk(child)
    }
    walk(tree)
  }
}
// A rehype plugin: marks paragraphs, and tries to add a handler that sanitising must remove.
function mark(options) {
  return (tree) => {
    const walk = (node) => {
      if (node.type === 'element' && node.tagName === 'p') node.properties = {...node.properties, dataMark: options.value, onClick: 'alert(1)'}
      for (const child of node.children ?? []) walk(child)
    }
    walk(tree)
  }
}
export default {remarkPlugins: [shout], rehypePlugins: [[mark, {value: 'yes'}]]}
`

describe('config plugins', () => {
  it('run remark plugins before the checks and rehype plugins before sanitising', async () => {
    const root = await project({'content/2025-03-14-x.md': validEntry(), 'bounceback.config.mjs': config})
    const result = await build({root, jobs: 2})
    expect(result.messages).toEqual([])
    const page = await fs.readFile(path.join(root, 'dist/2025/x/index.html'), 'utf8')
    expect(page).toContain('<h2>WHAT WENT REALLY WELL?</h2>')
    expect(page).not.toMatch(/onclick/i)
    // GitHub's schema drops data attributes it does not know: plugins cannot add what sanitising removes.
    expect(page).not.toContain('data-mark')
  })

  it('name the plugin that throws, and the file', async () => {
    const root = await project({
      'content/2025-03-14-x.md': validEntry(),
      'bounceback.config.mjs': 'function broken() { return () => { throw new Error("boom") } }\nexport default {remarkPlugins: [broken]}'
    })
    await expect(check({root})).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/`remarkPlugins\[0\]` \(broken\) failed on .*2025-03-14-x\.md: boom/)
    })
  })

  it('refuse what is not a plugin, by key', async () => {
    const root = await project({'content/a.md': validEntry(), 'bounceback.config.mjs': "export default {rehypePlugins: ['rehype-slug']}"})
    await expect(check({root})).rejects.toMatchObject({code: 'CONFIG_INVALID', message: expect.stringContaining('`rehypePlugins[0]` is not a plugin')})
  })
})
