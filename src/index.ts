export {build, type BuildOptions, type BuildResult} from './build.js'
export {check, type CheckOptions, type CheckResult} from './check.js'
export {defineConfig, loadConfig, type LoadConfigOptions} from './config/load.js'
export {resolveConfig} from './config/resolve.js'
export {defaultSections, type SectionPresence, type SectionSpec} from './config/sections.js'
export type {ResolvedConfig, RuleLevel, RuleSetting, SiteInfo, UserConfig} from './config/types.js'
export {BouncebackError, type ErrorCode} from './errors.js'
export {formatText, type TextReportOptions} from './report/text.js'
export type {
  ActionsPageData,
  ArchivePageData,
  BasePageData,
  EntryCard,
  EntryLesson,
  EntryPageData,
  GrowthEntry,
  GrowthPageData,
  GrowthPeriod,
  HomePageData,
  Layout,
  LayoutContext,
  LayoutName,
  LessonsPageData,
  LessonThemePageData,
  NotFoundPageData,
  PageDataByKind,
  Pagination,
  SearchPageData,
  SiteSummary,
  TagPageData,
  TagsPageData,
  YearLink
} from './pipeline/render/page-data.js'
export type {BodyNotes, NotedBody} from './pipeline/render/body-notes.js'
export type {Chart, ChartData, Series} from './pipeline/render/charts/chart.js'
export type {Commitment} from './pipeline/aggregate/commitments.js'
export type {Growth, GrowthSummary, PeriodFigures, Share} from './pipeline/aggregate/growth.js'
export type {Period} from './pipeline/aggregate/periods.js'
export type {LessonOccurrence, LessonTheme} from './pipeline/aggregate/themes.js'
export type {Site} from './pipeline/aggregate/site.js'
export type {Tag} from './pipeline/aggregate/tags.js'
export type {Action, Cause, Cost, Diagnostic, Entry, EntryAsset, EntryMeta, EntryResult, FileUse, Lesson, Outcome, Section, Severity} from './types.js'
