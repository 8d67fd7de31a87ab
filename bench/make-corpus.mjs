#!/usr/bin/env node
// Writes N realistic, valid post-mortems for benchmarks and scale tests, deterministically.
//
//   node bench/make-corpus.mjs --count 5000 --out DIR [--seed 7]
//
// Each entry has frontmatter with every field, the eight sections (in both heading spellings),
// a lessons list in which lessons recur across entries in other words, a task list of
// commitments with due dates, and feedback: about 4.5 KB, like the shared corpus.
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

const args = Object.fromEntries(process.argv.slice(2).flatMap((word, i, all) => (word.startsWith('--') ? [[word.slice(2), all[i + 1]]] : [])))
const count = Number(args.count ?? 1000)
const out = args.out ?? 'corpus'
let state = Number(args.seed ?? 7) >>> 0
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (list) => list[Math.floor(random() * list.length)]
const between = (low, high) => low + Math.floor(random() * (high - low + 1))
const some = (list, low, high) => Array.from({length: between(low, high)}, () => pick(list))

const projects = [
  'newsletter launch',
  'pricing change',
  'conference talk',
  'hiring round',
  'mobile release',
  'database migration',
  'team offsite',
  'onboarding redesign',
  'marathon training',
  'side business',
  'book proposal',
  'client workshop',
  'grant application',
  'product demo',
  'open-source release'
]
const verbs = ['missed its deadline', 'lost money', 'fell flat', 'shipped late', 'went over budget', 'did not convert', 'broke in production']
const tags = [
  'work',
  'money',
  'health',
  'writing',
  'leadership',
  'engineering',
  'sales',
  'planning',
  'communication',
  'estimation',
  'feedback',
  'hiring',
  'launch',
  'learning'
]
const people = ['manager', 'teammates', 'customers', 'mentor', 'friend', 'reviewers', 'partner']
const words =
  'the plan assumed we had more time than we did and nobody checked the numbers before we committed to the date so the scope kept growing ' +
  'while the budget stayed flat and the feedback arrived too late to change course we measured the wrong thing and celebrated early the ' +
  'signup form was confusing the estimate ignored review time the vendor changed terms a key person was out sick our customers wanted ' +
  'something simpler the first draft was strong the demo worked on the day'.split(' ')
const lessons = [
  ['Add a buffer of at least a fifth to every estimate. #estimation', 'Estimates need a 20% buffer.', 'Pad the estimate for review time.'],
  ['Ask a customer before building the feature.', 'Talk to customers before writing code.', 'Validate the idea with one real customer first.'],
  ['Write the success metric down before starting.', 'Decide how success is measured up front.', 'Agree on the metric before the work begins.'],
  ['Ask for feedback early, not at the end. #feedback', 'Get feedback in the first week.', 'Show drafts to reviewers early.'],
  ['Check the budget every week.', 'Review spending weekly.', 'Track money spent against money earned each week.'],
  ['Freeze scope once the plan is agreed.', 'Say no to scope added after the plan is fixed.', 'New scope waits for the next round.'],
  ['Name one owner for every commitment.', 'Every action needs an owner.', 'Give each task exactly one owner.'],
  ['Rehearse the launch once.', 'Do a dry run before going live.', 'Test the launch path end to end.']
]
const headings = [
  ['What was the goal?', 'Goal'],
  ['How am I measuring the success/failure of this project?', 'How am I measuring success?'],
  ['What went really well?', 'What went well?'],
  ['What went as planned?', 'What went as planned?'],
  ['What went really poorly?', 'What went poorly?'],
  ["What didn't go as planned?", 'What did not go as planned?'],
  ['Did the plan make sense as a strategy for achieving the goal?', 'Did the plan make sense?'],
  ['What did I learn from this that will impact future decisions/goals?', 'What did I learn?']
]
const pad = (n) => String(n).padStart(2, '0')
const sentence = () => {
  const text = some(words, 8, 22).join(' ')
  return `${text[0].toUpperCase()}${text.slice(1)}.`
}
const paragraph = () => {
  let text = Array.from({length: between(2, 5)}, sentence).join(' ')
  if (random() < 0.3) text = text.replace(/ the (\w+)/, ' the **$1**')
  if (random() < 0.2) text += ' See [the notes](https://example.com/notes).'
  return text
}

mkdirSync(out, {recursive: true})
const start = Date.UTC(2021, 0, 1)
for (let i = 0; i < count; i++) {
  const day = new Date(start + Math.floor((i / count) * 5 * 365 + random() * 3) * 86400000)
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`
  const spent = between(0, 5000)
  const due = new Date(day.getTime() + between(14, 200) * 86400000).toISOString().slice(0, 10)
  const front = [
    '---',
    `title: "The ${pick(projects)} that ${pick(verbs)} (#${i + 1})"`,
    `date: ${date}`,
    `tags: [${[...new Set(some(tags, 1, 3))].join(', ')}]`,
    `outcome: ${pick(['failed', 'failed', 'mixed', 'succeeded'])}`,
    `cause: ${pick(['information', 'application', 'circumstances'])}`,
    `cost: {spent: ${spent}, earned: ${between(0, spent)}, currency: USD}`,
    `feedback: [${[...new Set(some(people, 1, 3))].join(', ')}]`,
    ...(random() < 0.3 ? [`revisit: ${due}`] : []),
    '---'
  ]
  const learned = [...new Set(some([0, 1, 2, 3, 4, 5, 6, 7], 2, 4))].map((l) => `- ${pick(lessons[l])}`).join('\n')
  const actions = Array.from({length: between(1, 3)}, () => `- [${random() < 0.5 ? 'x' : ' '}] ${sentence()}${random() < 0.5 ? ` (due ${due})` : ''}`).join(
    '\n'
  )
  const bodies = [
    paragraph(),
    `${paragraph()}\n\n- Money spent: $${spent}\n- Deadline met: ${random() < 0.3 ? 'yes' : 'no'}`,
    paragraph(),
    paragraph(),
    `${paragraph()}\n\n${paragraph()}`,
    paragraph(),
    paragraph(),
    learned
  ]
  const sections = bodies.map((body, index) => `## ${pick(headings[index])}\n\n${body}\n`)
  const text = `${front.join('\n')}\n\n${sections.join('\n')}\n## How will I do better?\n\n${actions}\n\n## Feedback\n\n${paragraph()}\n`
  writeFileSync(join(out, `${date}-${String(i + 1).padStart(5, '0')}.md`), text)
}
console.log(`wrote ${count} entries to ${out}`)
