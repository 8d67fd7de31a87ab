// The speed goals (issue 19), each against the value this run measured: one table at the top
// of bench/results.md, so whether a goal holds is read off the same run as everything else.

/** Rows of `| measure | measured | goal | holds |`. */
export function goalRows({compare, watch, large}) {
  const row = (size) => compare.rows.find((r) => r.size === size)
  const watchAt = (size) => watch.rows.find((r) => r.size === size)
  const ratio = (a, b) => (a && b ? a.seconds / b.seconds : undefined)
  const rows = []
  const add = (measure, value, shown, goal, limit) =>
    rows.push({
      measure,
      shown: value === undefined ? 'n/a' : shown(value),
      goal,
      holds: value === undefined ? 'n/a' : limit === undefined ? '—' : value <= limit ? 'yes' : 'no'
    })
  const times = (v) => `${v.toFixed(2)}×`
  add('cold, 100 entries, / Eleventy', ratio(row(100)?.cold, row(100)?.eleventy), times, '≤ 1.0×', 1.0)
  add('cold, 100 entries, bare unified floor / Eleventy (for comparison)', ratio(row(100)?.floor, row(100)?.eleventy), times, '—')
  for (const size of [1000, 5000])
    add(`one entry changed, ${size} entries, / Eleventy`, ratio(row(size)?.oneChanged, row(size)?.eleventy), times, '≤ 0.25×', 0.25)
  for (const [size, limit] of [
    [1000, 50],
    [5000, 100]
  ])
    add(`watch, save → reload event, ${size} entries`, watchAt(size)?.median, (v) => `${v.toFixed(0)} ms`, `≤ ${limit} ms`, limit)
  for (const size of [1000, 5000]) add(`cold, ${size} entries, / bare unified floor`, ratio(row(size)?.cold, row(size)?.floor), times, '≤ 1.3×', 1.3)
  add(`peak memory, ${large?.size ?? 10000} entries cold`, large?.cold.mb, (v) => `${v.toFixed(0)} MB`, '≤ 400 MB', 400)
  return rows
}

export function goalTable(input) {
  return [
    '| measure | this run | goal | holds |',
    '| --- | ---: | ---: | :---: |',
    ...goalRows(input).map((r) => `| ${r.measure} | ${r.shown} | ${r.goal} | ${r.holds} |`)
  ]
}
