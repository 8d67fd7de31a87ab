export const commandHelp: Record<string, string> = {
  main: `bounceback: turn post-mortems into a body of knowledge

Usage
  bounceback <command> [options]

Commands
  build    Check every entry, then render the site into dist/
  check    Check every entry and report problems; writes nothing
  lessons  Print the lesson themes, recurring first (--json for data)
  watch    Build, serve at http://127.0.0.1:4321/ and rebuild as you save
  init     Create a ready project: config, an example entry, .gitignore, package.json
  new      Start a new entry: bounceback new "Title" [--date YYYY-MM-DD] [--tags a,b]
  schema   Print the JSON Schema of entry frontmatter

Options
  --root DIR     Project folder (default: the current directory)
  -h, --help     Show help (also: bounceback <command> --help)
  -v, --version  Show the version

Exit codes: 0 fine, 1 an entry has errors or the build failed, 2 bad usage.`,
  build: `bounceback build: check every entry, then render the site

Usage
  bounceback build [--base PATH] [--root DIR]

Reads content/ (or the config's \`content\`), checks every entry, and when no entry has an
error writes the site to dist/ (or the config's \`output\`) in one atomic step. With errors,
nothing is written and the previous dist/ stays as it was. Drafts are checked, not published.
The output folder is replaced only when it is new, empty, or written by bounceback before.

Options
  --base PATH  Serve the site under a sub-path (\`/lessons/\`) or at a URL
               (\`https://user.github.io/lessons/\`); wins over the config's \`base\`
  --jobs N     Worker threads for reading entries (default: one per core)
  --quiet      Print errors only; --verbose adds the cache and the time taken
  --no-cache   Read every entry afresh (the cache is in node_modules/.cache/bounceback/)
  --cache-dir D  Keep the cache in D instead (a new or empty folder, or one it made before)
  --replace-output  Replace the output folder even when it holds files bounceback did not
               write (never the project, its content, theme or cache, the home folder,
               the current folder, a system folder or /)
  --root DIR   Project folder (default: the current directory)
  -h, --help   Show this help`,
  check: `bounceback check: report every problem in every entry

Usage
  bounceback check [--format text|json|github] [--max-warnings N] [--root DIR]

Prints each problem as \`line:column  error|warning  message  rule-id\`, grouped by file,
then a summary. Exits 1 when any entry has an error, else 0. Writes nothing.

Options
  --format F          text (default); json: one document of every message; github:
                      GitHub Actions annotations (::error file=…,line=…,col=…::…)
  --max-warnings N    Also exit 1 when there are more than N warnings
  --no-cache          Read every entry afresh; --cache-dir D keeps the cache in D
  --quiet             Errors only; --verbose adds the cache and the time taken
  --root DIR          Project folder (default: the current directory)
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
  -h, --help   Show this help`,
  watch: `bounceback watch: rebuild as you write, with a live preview

Usage
  bounceback watch [--port N] [--host HOST] [--open] [--base PATH] [--root DIR]

Builds once, serves dist/ at http://127.0.0.1:4321/ and rebuilds on every save: only the pages
that depend on what changed are written, and open pages reload by themselves. A broken entry
keeps its last good page; its problems are printed here and shown over the page until fixed.
A change to the config or the theme rebuilds everything. Stop with Ctrl+C.

Options
  --port N      First port to try (default 4321); a busy port moves to the next free one
  --host HOST   Interface to listen on (default 127.0.0.1). Anything else makes the site
                readable from other machines: use it only on a network you trust
  --open        Open the site in the default browser
  --base PATH   As for build
  --replace-output  As for build
  --root DIR    Project folder (default: the current directory)
  -h, --help    Show this help`,
  init: `bounceback init: a ready project

Usage
  bounceback init [folder]

Creates bounceback.config.mjs, content/ with one example entry, .gitignore and a package.json
with build, check and watch scripts, in the folder (default: the current one). It never
overwrites a file that is already there, and says what it created and what it kept.`,
  new: `bounceback new: start a post-mortem

Usage
  bounceback new "Title" [--date YYYY-MM-DD] [--tags a,b] [--root DIR]

Creates content/<date>-<slug>.md with the frontmatter filled in and every section's heading,
each with a short prompt as an HTML comment. Comments count as empty: \`check\` passes once
every section is answered. Refuses to overwrite an existing file, and prints the new file's path.

Options
  --date D     The entry's date (default: today)
  --tags a,b   Tags, separated by commas`,
  schema: `bounceback schema: the JSON Schema of entry frontmatter

Usage
  bounceback schema > frontmatter.schema.json

The same schema ships in the package as schema/frontmatter.schema.json, for editors and
tools that check YAML frontmatter as you type.`
}
