import {slugify} from '../extract/slug.js'
import type {Entry} from '../../types.js'
import type {LessonTheme} from './themes.js'

/** A tag, shared by entries (frontmatter `tags`) and lessons (`#hashtags`). */
export interface Tag {
  name: string
  slug: string
  url: string
  /** Slugs of entries with this tag, newest first. */
  entries: string[]
  /** Ids of lesson themes with this hashtag. */
  themes: string[]
}

/** Every tag, most used first. Tags whose slugs are equal (`Side Project`, `side-project`) are one. */
export function collectTags(entries: readonly Entry[], themes: readonly LessonTheme[]): Tag[] {
  const bySlug = new Map<string, Tag>()
  const tagFor = (name: string) => {
    const slug = slugify(name) || 'tag'
    let tag = bySlug.get(slug)
    if (!tag) bySlug.set(slug, (tag = {name, slug, url: `/tags/${slug}/`, entries: [], themes: []}))
    return tag
  }
  for (const entry of entries) for (const name of entry.meta.tags) push(tagFor(name).entries, entry.slug)
  for (const theme of themes) for (const name of theme.hashtags) push(tagFor(name).themes, theme.id)
  return [...bySlug.values()].sort((a, b) => b.entries.length + b.themes.length - (a.entries.length + a.themes.length) || (a.slug < b.slug ? -1 : 1))
}

function push(list: string[], value: string): void {
  if (list.at(-1) !== value) list.push(value)
}
