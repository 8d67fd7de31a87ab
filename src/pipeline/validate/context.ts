import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Position} from 'unist'
import type {ResolvedConfig} from '../../config/types.js'
import type {FrontmatterParse} from '../parse/frontmatter.js'
import type {RawAction} from '../parse/actions.js'
import type {LessonsRead} from '../parse/lessons.js'
import type {OtherHeading, RawSection} from '../parse/sections.js'
import type {Inspection} from '../../schema/fields.js'
import type {RuleId} from '../../rules.js'
import type {Fallback} from '../extract/fallback.js'

/** Everything a rule may look at for one entry. Rules only read it. */
export interface RuleContext {
  file: VFile
  tree: Root
  frontmatter: FrontmatterParse
  fields: Inspection
  sections: RawSection[]
  /** Headings that start no recognised section, for near-miss hints. */
  others: OtherHeading[]
  /** Lessons of the first `lessons` section, if there is one. */
  lessons: LessonsRead | undefined
  /** Items of the first `actions` section. */
  actions: RawAction[]
  config: ResolvedConfig
  /** Turn offsets in the file into a place. */
  place(start: number, end: number): Position
  /** Where a missing field or section is reported: the frontmatter block, else the file's start. */
  frontmatterPlace: Position
  /** What the title and date fall back to when the frontmatter has none. */
  fallback: Fallback
}

/** Report one problem. The wrapper, not the rule, decides whether it is an error or a warning. */
export type Report<Id extends RuleId = RuleId> = (ruleId: Id, reason: string, place: Position) => void

/** A rule looks, then reports, under the ids its module declares; it never throws and never prints. */
export type Rule<Id extends RuleId = RuleId> = (context: RuleContext, report: Report<Id>) => void
