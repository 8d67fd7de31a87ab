/** Whether a section must be there (error), should be there (warning), or may be left out. */
export type SectionPresence = 'required' | 'recommended' | 'optional'

export interface SectionSpec {
  id: string
  /** Headings that introduce this section, as written in the README; matched loosely. */
  headings: string[]
  presence: SectionPresence
  /**
   * The heading depths it is recognised at (default `[2]`, a `##` heading). A section at depth 3
   * ends its parent's own text: `### What went well` under `## Lessons Learned` is a section of
   * its own, shown on the page, and its items are not lessons.
   */
  depths?: readonly number[]
}

/** The eight review questions, then the two recommended extras. */
export const defaultSections: readonly SectionSpec[] = [
  {id: 'goal', presence: 'required', headings: ['What was the goal?', 'Goal']},
  {
    id: 'measure',
    presence: 'required',
    headings: ['How am I measuring the success/failure of this project?', 'How am I measuring success?', 'Measuring success', 'Success criteria']
  },
  {id: 'went-well', presence: 'required', headings: ['What went really well?', 'What went well?']},
  {id: 'as-planned', presence: 'required', headings: ['What went as planned?']},
  {
    id: 'went-poorly',
    presence: 'required',
    headings: ['What went really poorly?', 'What went poorly?', 'What went wrong?']
  },
  {
    id: 'not-as-planned',
    presence: 'required',
    headings: ["What didn't go as planned?", 'What did not go as planned?']
  },
  {
    id: 'plan-review',
    presence: 'required',
    headings: ['Did the plan make sense as a strategy for achieving the goal?', 'Did the plan make sense?']
  },
  {
    id: 'lessons',
    presence: 'required',
    headings: ['What did I learn from this that will impact future decisions/goals?', 'What did I learn?', 'Lessons learned', 'Lessons']
  },
  {
    id: 'actions',
    presence: 'recommended',
    headings: ['How will I do better?', 'How I will do better', 'Next steps', 'Action items']
  },
  {id: 'feedback', presence: 'recommended', headings: ['Feedback']}
]

/**
 * Reduce a heading to the form headings are compared in: case, surrounding and repeated
 * white space, trailing `?`/`:` and curly apostrophes do not matter.
 */
export function normalizeHeading(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?:]+$/, '')
    .toLowerCase()
}
