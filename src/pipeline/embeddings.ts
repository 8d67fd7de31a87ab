import {createHash} from 'node:crypto'
import path from 'node:path'
import {readCacheFile} from '../cache/read-cache-file.js'
import {saveJson} from '../cache/save-json.js'
import type {ResolvedConfig} from '../config/types.js'
import {BouncebackError} from '../errors.js'

const format = 'bounceback-embeddings/1'

/** Texts sent to `embed` in one call, at most. */
const batchSize = 256

/**
 * Lesson vectors from the config's `lessons.embed`, cached by a digest of each text (and of the
 * function's source: another model, other vectors). A build asks `embed` only for wordings it has
 * not seen; what it returns is checked (one vector per text, all one length, finite numbers).
 */
export class Embeddings {
  private stored = new Map<string, number[]>()
  private changed = false

  private constructor(
    private readonly embed: (texts: string[]) => Promise<number[][]> | number[][],
    private readonly file: string | undefined,
    private readonly salt: string
  ) {}

  static async open(config: ResolvedConfig): Promise<Embeddings | undefined> {
    const embed = config.lessons.embed
    if (!embed) return undefined
    const salt = digest(String(embed))
    const file = config.cacheDir === undefined ? undefined : path.join(config.cacheDir, 'embeddings.json')
    const embeddings = new Embeddings(embed, file, salt)
    const text = file ? await readCacheFile(file) : undefined
    if (text) {
      try {
        const data = JSON.parse(text) as {format?: unknown; salt?: unknown; vectors?: Record<string, unknown>}
        if (data.format === format && data.salt === salt && data.vectors && typeof data.vectors === 'object') {
          for (const [key, vector] of Object.entries(data.vectors)) if (isVector(vector)) embeddings.stored.set(key, vector)
        }
      } catch {
        // A cache that cannot be read is made again.
      }
    }
    return embeddings
  }

  /** The vector of every text, from the cache or from `embed`. */
  async vectors(texts: readonly string[]): Promise<Map<string, number[]>> {
    const missing = [...new Set(texts)].filter((t) => !this.stored.has(digest(t)))
    for (let i = 0; i < missing.length; i += batchSize) {
      const batch = missing.slice(i, i + batchSize)
      const vectors = await this.call(batch)
      for (const [j, text] of batch.entries()) this.stored.set(digest(text), vectors[j]!)
      this.changed = true
    }
    const result = new Map<string, number[]>()
    for (const text of texts) result.set(text, this.stored.get(digest(text))!)
    return result
  }

  async save(): Promise<void> {
    if (!this.file || !this.changed) return
    await saveJson(this.file, {format, salt: this.salt}, {key: 'vectors', members: this.stored})
    this.changed = false
  }

  private async call(batch: string[]): Promise<number[][]> {
    let vectors: unknown
    try {
      vectors = await this.embed([...batch])
    } catch (error) {
      throw new BouncebackError(
        'CONFIG_INVALID',
        `\`lessons.embed\` failed on ${batch.length} lesson${batch.length === 1 ? '' : 's'}: ${error instanceof Error ? error.message : String(error)}`,
        {cause: error}
      )
    }
    const length = Array.isArray(vectors) && isVector(vectors[0]) ? vectors[0].length : 0
    if (!Array.isArray(vectors) || vectors.length !== batch.length || length === 0 || !vectors.every((v) => isVector(v) && v.length === length)) {
      throw new BouncebackError(
        'CONFIG_INVALID',
        `\`lessons.embed\` returned ${describe(vectors)} for ${batch.length} texts, expected ${batch.length} vectors of one length (lists of finite numbers)`
      )
    }
    const before = this.width()
    if (before !== undefined && length !== before) {
      throw new BouncebackError('CONFIG_INVALID', `\`lessons.embed\` returned vectors of ${length} numbers, expected ${before} as before`)
    }
    return vectors as number[][]
  }

  private width(): number | undefined {
    for (const v of this.stored.values()) return v.length
    return undefined
  }
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((n) => typeof n === 'number' && Number.isFinite(n))
}

function describe(value: unknown): string {
  return Array.isArray(value) ? `a list of ${value.length}` : value === null ? 'null' : typeof value
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}
