/** What a rule is, declared once beside its check; everything else about rules derives from it. */
export interface RuleDeclaration {
  /** Its level unless the config says otherwise; `always` for a problem nothing turns off. */
  level: 'error' | 'warn' | 'info' | 'always'
  /**
   * Whether one entry may set its own level (`rules:` in its frontmatter, or a
   * `bounceback-disable` comment). Frontmatter rules may not: what a page is made of (its title,
   * its date, its URL) is the project's decision, not one entry's.
   */
  entry: boolean
  /** Whether its errors are warnings in a draft (an unfinished draft is expected to be unfinished). */
  drafts?: 'warn'
  /** What it reports, in one line: the README's rule tables show it (a test compares them). */
  doc: string
  /** What to do about it, in one line: the text report names it once per rule, under the count. */
  fix?: string
}

/** An identity function for types: the ids stay literal, so `RuleId` is their union. */
export function declareRules<const T extends Record<string, RuleDeclaration>>(rules: T): T {
  return rules
}
