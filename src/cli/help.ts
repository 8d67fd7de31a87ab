export const commandHelp: Record<string, string> = {
  main: `bounceback: turn post-mortems into a body of knowledge

Usage
  bounceback <command> [options]

Commands
  build    Check every entry, then render the site into dist/
  check    Check every entry and report problems; writes nothing
  lessons  Print the lesson themes, recurring first (--json for data)

Options
  --root DIR     Project folder (default: the current directory)
  -h, --help     Show help (also: bounceback <command> --help)
  -v, --version  Show the version

Exit codes: 0 fine, 1 an entry has errors or the build failed, 2 bad usage.`,
  build: `bounceback build: check every entry, then render the site

Usage
  bounceback build [--root DIR]

Reads content/ (or the config's \`content\`), checks every entry, and when no entry has an
error writes the site to dist/ (or the config's \`output\`) in one atomic step. With errors,
nothing is written and the previous dist/ stays as it was. Drafts are checked, not published.

Options
  --root DIR   Project folder (default: the current directory)
  -h, --help   Show this help`,
  check: `bounceback check: report every problem in every entry

Usage
  bounceback check [--root DIR]

Prints each problem as \`line:column  error|warning  message  rule-id\`, grouped by file,
then a summary. Exits 1 when any entry has an error, else 0. Writes nothing.

Options
  --root DIR   Project folder (default: the current directory)
  -h, --help   Show this help`,
  lessons: `bounceback lessons: what you have learned, recurring lessons first

Usage
  bounceback lessons [--json] [--root DIR]

Groups the lessons of every published entry into themes (by shared #hashtag, then by similar
wording) and prints each theme with its count and dates; recurring themes list every entry
they came from. Exits 1 when an entry has an error (its problems go to stderr).

Options
  --json       Print the themes as JSON, in the shape of data.json's \`lessons\`
  --root DIR   Project folder (default: the current directory)
  -h, --help   Show this help`
}
