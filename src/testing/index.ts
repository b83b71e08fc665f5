// zerenzhi/testing: the kit for testing rule sets (考核细则) like code. Builders for small
// graphs and records, scenarios with short accessors, matchers whose failures say why, and
// property checks. Vitest is never imported here: matchers are registered with setupMatchers.

export { graph, GraphBuilder, type OrganizationOptions, type PersonOptions } from './graph-builder.js';
export {
  records,
  RecordsBuilder,
  type BusinessOptions,
  type ManualOptions,
  type MonthlyOptions,
  type QuarterlyOptions,
  type RatingsOptions,
  type RecordOptions,
  type RecordSubject,
  type TaskOptions,
} from './records-builder.js';
export {
  scenario,
  isScenario,
  Scenario,
  type GraphSource,
  type RecordSelector,
  type RecordsSource,
  type RuleSetSource,
  type ScenarioOptions,
} from './scenario.js';
export { filterFindings, type FindingFilter } from './finding-filter.js';
export type { VerdictName } from './expected.js';
export { describeFindings, describeLine, describeSubject } from './explain.js';
export { matchers, type MatcherContext, type MatcherOutcome, type PropertyMatcherOptions } from './matchers.js';
export { setupMatchers, type ExpectLike, type ZerenzhiMatchers } from './setup.js';
export { checkResultBounds, type PropertyFailure, type PropertyName, type PropertyReport } from './bounds.js';
export { checkRuleSetProperties, formatPropertyFailures, type PropertyOptions } from './properties.js';
export type { DetailCode, DetailMessage, DetailParams, DetailSubject, DetailTitled, DetailValue } from './detail.js';
export { seededRandom, type Random } from './prng.js';
export { testingMessageCodes } from './messages.js';
