import {createHash} from 'node:crypto'

const datePrefix = /^\d{4}-\d{2}-\d{2}(?:[-_ .]+|$)/
const reserved = /^(?:con|prn|aux|nul|com\d|lpt\d)$/
const maxLength = 80

/**
 * A URL- and file-system-safe slug: NFKD-normalised so composed and decomposed spellings
 * agree, accents dropped, then only `[a-z0-9-]`. Never empty, never a Windows device name.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '')
  return reserved.test(slug) ? `${slug}-entry` : slug
}

/** The slug of an entry: its file name without extension or date prefix, else its title. */
export function entrySlug(source: string, title: string | undefined): string {
  const base = source.slice(source.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '')
  const fromName = slugify(base.replace(datePrefix, ''))
  if (fromName) return unreserved(fromName)
  const fromTitle = title ? slugify(title) : ''
  if (fromTitle) return unreserved(fromTitle)
  return digestSlug(source)
}

/** A year's archive is paginated at `/2025/page/2/`: no entry of that year may be its `page`. */
const unreserved = (slug: string) => (slug === 'page' ? 'page-entry' : slug)

/** A slug for text with nothing to make one of (`日本語`, `!!`): from a digest of it. */
export function digestSlug(text: string): string {
  return `entry-${createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 8)}`
}

/** Entry pages live under their year: `/2025/newsletter-launch/`. */
export function entryUrl(date: string | undefined, slug: string): string {
  const year = date?.slice(0, 4)
  return year && /^\d{4}$/.test(year) ? `/${year}/${slug}/` : `/${slug}/`
}
