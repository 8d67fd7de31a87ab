export {build, type BuildOptions, type BuildResult} from './build.js'
export {check, type CheckOptions, type CheckResult} from './check.js'
export {defineConfig, loadConfig, type LoadConfigOptions} from './config/load.js'
export {resolveConfig} from './config/resolve.js'
export {defaultSections, type SectionPresence, type SectionSpec} from './config/sections.js'
export type {ResolvedConfig, RuleLevel, RuleSetting, SiteInfo, UserConfig} from './config/types.js'
export {BouncebackError, type ErrorCode} from './errors.js'
export {formatText, type TextReportOptions} from './report/text.js'
export type {
  BasePageData,
  EntryCard,
  EntryPageData,
  HomePageData,
  Layout,
  LayoutContext,
  LayoutName,
  NotFoundPageData,
  PageDataByKind
} from './render/page-data.js'
export type {Cause, Cost, Diagnostic, Entry, EntryMeta, EntryResult, Outcome, Section, Severity} from './types.js'
