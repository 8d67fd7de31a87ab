import {defaultSections, type SectionSpec} from './sections.js'

/**
 * A preset is the shape of a post-mortem template: its sections (with the heading depths each is
 * found at), and which section gives the one-sentence summary. Whatever the preset, lessons are
 * read from the section with id `lessons` and commitments from the one with id `actions`; every
 * other section is shown on the page and checked for presence, never counted.
 */
export interface Preset {
  name: PresetName
  /** One line for the README and `--help`. */
  doc: string
  sections: readonly SectionSpec[]
  /** The section whose first sentence is the entry's summary when the frontmatter has none. */
  summary: string
}

export const presetNames = ['questions', 'sre-book', 'pagerduty', 'atlassian'] as const
export type PresetName = (typeof presetNames)[number]

/** Template sections are often `###` under a `##` of their own: found at either depth. */
const either = [2, 3] as const

const sreBook: SectionSpec[] = [
  {id: 'summary', presence: 'required', depths: either, headings: ['Summary']},
  {id: 'impact', presence: 'required', depths: either, headings: ['Impact']},
  {id: 'root-causes', presence: 'required', depths: either, headings: ['Root Causes', 'Root Cause']},
  {id: 'trigger', presence: 'recommended', depths: either, headings: ['Trigger']},
  {id: 'resolution', presence: 'required', depths: either, headings: ['Resolution']},
  {id: 'detection', presence: 'recommended', depths: either, headings: ['Detection']},
  {id: 'actions', presence: 'required', depths: either, headings: ['Action Items', 'Action items and follow-ups']},
  {id: 'lessons', presence: 'required', depths: either, headings: ['Lessons Learned', 'Lessons']},
  {id: 'went-well', presence: 'recommended', depths: [3, 4], headings: ['What went well']},
  {id: 'went-wrong', presence: 'recommended', depths: [3, 4], headings: ['What went wrong']},
  {id: 'lucky', presence: 'optional', depths: [3, 4], headings: ['Where we got lucky']},
  {id: 'timeline', presence: 'recommended', depths: either, headings: ['Timeline']},
  {id: 'supporting', presence: 'optional', depths: either, headings: ['Supporting information', 'Supporting info']}
]

const pagerDuty: SectionSpec[] = [
  {id: 'overview', presence: 'required', depths: either, headings: ['Overview']},
  {id: 'what-happened', presence: 'required', depths: either, headings: ['What Happened']},
  {id: 'contributing-factors', presence: 'required', depths: either, headings: ['Contributing Factors', 'Root Causes', 'Root Cause']},
  {id: 'resolution', presence: 'required', depths: either, headings: ['Resolution']},
  {id: 'impact', presence: 'required', depths: either, headings: ['Impact']},
  {id: 'responders', presence: 'optional', depths: either, headings: ['Responders']},
  {id: 'timeline', presence: 'recommended', depths: either, headings: ['Timeline']},
  {id: 'how-did-we-do', presence: 'recommended', depths: either, headings: ["How'd We Do?", 'How did we do?']},
  {id: 'went-well', presence: 'optional', depths: [3, 4], headings: ['What went well?']},
  {id: 'went-poorly', presence: 'optional', depths: [3, 4], headings: ["What didn't go so well?", 'What did not go so well?']},
  {id: 'actions', presence: 'required', depths: either, headings: ['Action Items']},
  {id: 'lessons', presence: 'recommended', depths: either, headings: ['Lessons Learned', 'Lessons']},
  {id: 'messaging', presence: 'optional', depths: either, headings: ['Messaging']}
]

const atlassian: SectionSpec[] = [
  {id: 'summary', presence: 'required', depths: either, headings: ['Incident summary', 'Summary']},
  {id: 'leadup', presence: 'recommended', depths: either, headings: ['Leadup', 'Lead-up']},
  {id: 'fault', presence: 'recommended', depths: either, headings: ['Fault']},
  {id: 'impact', presence: 'required', depths: either, headings: ['Impact']},
  {id: 'detection', presence: 'recommended', depths: either, headings: ['Detection']},
  {id: 'response', presence: 'recommended', depths: either, headings: ['Response']},
  {id: 'recovery', presence: 'recommended', depths: either, headings: ['Recovery']},
  {id: 'timeline', presence: 'recommended', depths: either, headings: ['Timeline']},
  {id: 'five-whys', presence: 'optional', depths: either, headings: ['Five whys', '5 whys']},
  {id: 'root-cause', presence: 'required', depths: either, headings: ['Root cause', 'Root causes']},
  {id: 'backlog-check', presence: 'optional', depths: either, headings: ['Backlog check']},
  {id: 'recurrence', presence: 'optional', depths: either, headings: ['Recurrence']},
  {id: 'lessons', presence: 'required', depths: either, headings: ['Lessons learned', 'Lessons']},
  {id: 'actions', presence: 'required', depths: either, headings: ['Corrective actions', 'Action items']}
]

export const presets: Readonly<Record<PresetName, Preset>> = {
  questions: {
    name: 'questions',
    doc: 'The eight review questions (the default): goal, measure, what went well and poorly, the plan, and what you learned.',
    sections: defaultSections,
    summary: 'goal'
  },
  'sre-book': {
    name: 'sre-book',
    doc:
      "The Google SRE book's template: Summary, Impact, Root Causes, Trigger, Resolution and Detection (`##` or `###`), an Action Items " +
      'table, Lessons Learned with What went well / What went wrong / Where we got lucky below it, Timeline.',
    sections: sreBook,
    summary: 'summary'
  },
  pagerduty: {
    name: 'pagerduty',
    doc:
      "PagerDuty's template: Overview, What Happened, Contributing Factors, Resolution, Impact, Responders, Timeline, How'd We Do?, " +
      'Action Items, Messaging; it has no lessons section, so add a `## Lessons Learned` (recommended).',
    sections: pagerDuty,
    summary: 'overview'
  },
  atlassian: {
    name: 'atlassian',
    doc:
      "Atlassian's incident post-mortem: Incident summary, Leadup, Fault, Impact, Detection, Response, Recovery, Timeline, Five whys, " +
      'Root cause, Backlog check, Recurrence, Lessons learned, Corrective actions.',
    sections: atlassian,
    summary: 'summary'
  }
}

/** The depths a section is found at. */
export function depthsOf(spec: SectionSpec): readonly number[] {
  return spec.depths ?? [2]
}
