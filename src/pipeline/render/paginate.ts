import type {Pagination} from './page-data.js'

/** One page of a list: its URL, its output path, its share of the items and where it stands. */
export interface ListPage<T> {
  url: string
  path: string
  items: T[]
  pagination: Pagination
}

/**
 * The URL of page `n` of the list at `first`: the list's own URL, then `page/2/`, `page/3/`…
 * below it. Entries live at `/YYYY/slug/` and no slug is `page`, so no page of a list is ever
 * an entry's URL (a year's archive is `/2025/`, its pages `/2025/page/2/`).
 */
export function pageUrl(first: string, n: number): string {
  return n === 1 ? first : `${first}page/${n}/`
}

export const pathOf = (url: string) => `${url.slice(1)}index.html`

/** Split a list into pages of `size` items; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], size: number, first: string): ListPage<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size))
  const urls = Array.from({length: pages}, (_, i) => pageUrl(first, i + 1))
  return urls.map((url, i) => {
    const pagination: Pagination = {page: i + 1, pages, urls}
    if (i > 0) pagination.previous = urls[i - 1]!
    if (i < pages - 1) pagination.next = urls[i + 1]!
    return {url, path: pathOf(url), items: items.slice(i * size, (i + 1) * size), pagination}
  })
}
