import type {Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import {unified, type Pluggable, type Processor} from 'unified'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/types.js'
import {BouncebackError} from '../errors.js'

/**
 * The config's own unified plugins, applied where Astro and MDX apply them: remark plugins on
 * the Markdown tree before it is checked, rehype plugins on the HTML tree before it is
 * sanitised (so they cannot add what sanitising removes). Plugins are trusted code; one that
 * throws stops the run with a message naming it.
 */
export interface ConfigPlugins {
  remark(tree: Root, file: VFile): Promise<void>
  rehype(tree: HastRoot, file: VFile): Promise<void>
}

const built = new WeakMap<ResolvedConfig, ConfigPlugins>()

/** Whether the config brings plugins of its own: then an entry is read asynchronously, as they may be. */
export function hasPlugins(config: Pick<ResolvedConfig, 'remarkPlugins' | 'rehypePlugins'>): boolean {
  return config.remarkPlugins.length > 0 || config.rehypePlugins.length > 0
}

export function configPlugins(config: ResolvedConfig): ConfigPlugins {
  let plugins = built.get(config)
  if (!plugins) built.set(config, (plugins = {remark: runner('remarkPlugins', config.remarkPlugins), rehype: runner('rehypePlugins', config.rehypePlugins)}))
  return plugins
}

function runner<T extends Root | HastRoot>(key: string, list: readonly Pluggable[]): (tree: T, file: VFile) => Promise<void> {
  if (list.length === 0) return async () => {}
  const processors = list.map((plugin, index) => {
    const name = pluginName(key, index, plugin)
    try {
      return {name, processor: unified().use([plugin]).freeze() as unknown as Processor}
    } catch (error) {
      throw new BouncebackError('CONFIG_INVALID', `${name} could not be set up: ${error instanceof Error ? error.message : String(error)}`, {cause: error})
    }
  })
  return async (tree, file) => {
    for (const {name, processor} of processors) {
      try {
        await processor.run(tree as never, file)
      } catch (error) {
        throw new BouncebackError('CONFIG_INVALID', `${name} failed on ${file.path}: ${error instanceof Error ? error.message : String(error)}`, {cause: error})
      }
    }
  }
}

function pluginName(key: string, index: number, plugin: Pluggable): string {
  const fn = Array.isArray(plugin) ? plugin[0] : plugin
  const name = typeof fn === 'function' && fn.name ? ` (${fn.name})` : ''
  return `\`${key}[${index}]\`${name}`
}
