// The public API of zerenzhi, by name. Nothing else is exported.

export type { Lang } from './core/lang.js';
export { DEFAULT_LANG } from './core/lang.js';
export type { Issue } from './core/issue.js';
export { formatIssues, formatMessage, formatPath, localizeIssue } from './core/public-format.js';
export type { IssuePath } from './core/path.js';
export { ValidationError, type SafeParseResult } from './core/validation-error.js';
export { messageCodes } from './core/messages.js';
export { formatCalendarDate, parseCalendarDate } from './core/calendar.js';

export {
  CHILD_KINDS,
  ELECTED_ROLES,
  GRASSROOTS_KINDS,
  GraphInputSchema,
  LEADERSHIP_ROLES,
  ORGANIZATION_KINDS,
  ORGANIZATION_KIND_LABELS,
  POST_ROLES,
  POST_ROLE_LABELS,
  type GraphInput,
  type Liaison,
  type LiaisonInput,
  type Organization,
  type OrganizationInput,
  type OrganizationKind,
  type Oversight,
  type OversightInput,
  type Person,
  type PersonInput,
  type Post,
  type PostInput,
  type PostRole,
} from './model/graph.js';
export { RESPONSIBILITY_KINDS, RESPONSIBILITY_LABELS, type ResponsibilityKind } from './model/responsibility.js';
export { graphJsonSchema, recordJsonSchema, ruleSetJsonSchema } from './model/json-schema.js';

export type { Graph, GraphIndex } from './graph/types.js';
export { parseGraph, safeParseGraph, DEFAULT_GRAPH_LIMITS, type GraphLimits, type ParseGraphOptions } from './graph/parse.js';
export { ancestorsOf, childrenOf, depthOf, descendantsOf, isAncestorOf, parentOf } from './graph/queries.js';
export type { QueryOptions } from './graph/lookup.js';
export {
  chainOf,
  responsibilitiesFor,
  type ChainHolder,
  type ChainLink,
  type DualResponsibility,
  type Responsibilities,
  type TeamResponsibility,
} from './graph/responsibilities.js';
export { dutiesOf, type Duty, type PersonDuties } from './graph/duties.js';
export { coverage, type CoverageGap, type CoverageOptions, type CoverageReport, type Severity } from './graph/coverage.js';
export { toGraphInput } from './graph/serialize.js';
export { formatChainText, formatCoverageText, formatDutiesText } from './report/graph-text.js';
export { toMarkdown, toMarkdownChunks, type MarkdownOptions } from './report/markdown.js';
export { toCsv, toCsvChunks, type CsvChunks, type CsvOptions, type CsvReport } from './report/csv.js';
export { jsonChunks, type JsonChunkOptions } from './core/json-chunks.js';
export { toMermaid, type MermaidOptions } from './report/mermaid.js';
export { resultJsonSchema } from './report/result-schema.js';

export {
  RuleSetSchema,
  defineRuleSet,
  type AppliesTo,
  type Bonus,
  type Composite,
  type Grade,
  type Indicator,
  type Ladder,
  type Period,
  type Quota,
  type RuleSet,
  type RuleSetInput,
  type Source,
  type Veto,
} from './model/rules.js';
export type { Measure, MeasureType, Scoring } from './model/measures.js';
export { RECORD_STATUSES, RecordInputSchema, type AttributeValue, type EvidenceRecord, type RecordInput, type RecordStatus } from './model/record.js';
export { normalizeRecord, type NormalizeResult } from './evidence/normalize.js';
export { isColumnProblem, isReaderItem, type ReaderItem } from './evidence/reader-item.js';
export { parseRuleSet, safeParseRuleSet, type ParseRuleSetOptions } from './engine/parse-rules.js';
export { openAssessment, type AssessInput, type AssessStreamInput, type AssessmentSession, type ScoredRun } from './engine/assess.js';
export type { PartialState } from './engine/partial.js';
export { readPartialState } from './engine/read-partial.js';
export { partialStateJsonSchema } from './engine/partial-schema.js';
export { readJsonObject, type ReadJsonObjectOptions } from './evidence/read-json-object.js';
export { assess, assessParallel, assessStream, withFindings, type AssessOptions, type WithFindingsOptions, type AssessParallelOptions, type AssessStreamOptions } from './accountability/assess.js';
export { MIN_SHARD_BYTES, scoreFilesInParallel, type ParallelInput } from './engine/parallel.js';
export type {
  ScoreResult,
  GradeAward,
  IndicatorLine,
  LineRecords,
  LineStatus,
  SubjectResult,
  Verdict,
  Warning,
} from './engine/result.js';
export type { EvidenceStats } from './engine/accumulate.js';
export { resolvePeriod, bucketsOf, type Bucket, type ResolvedPeriod } from './engine/period.js';
export { ENGINE_VERSION } from './version.js';
export { lintRuleSet, type LintFinding, type LintOptions } from './engine/lint.js';
export { readNdjson, readNdjsonSync } from './evidence/read-ndjson.js';
export { readJsonArray } from './evidence/read-json.js';
export { readCsv, readCsvSync, CSV_HEADERS, CSV_STATUS_VALUES, CSV_ATTRIBUTE_TYPES } from './evidence/read-csv.js';
export { readRecordsFile, type ReadRecordsFileOptions, type RecordsFormat } from './evidence/read-file.js';
export type { ReaderInput, ReaderOptions } from './evidence/reader-common.js';
export {
  LIABILITY_LABELS,
  type AssessmentResult,
  type AuditEntry,
  type Circumstance,
  type Eligibility,
  type Finding,
  type FindingDecision,
  type FindingForm,
  type FindingPathStep,
  type FindingSubject,
  type Liability,
  type Pressure,
  type RuleHit,
} from './accountability/types.js';
export {
  DEFAULT_ORGANIZATION_FORMS,
  DEFAULT_PERSON_FORMS,
  REACH_TARGETS,
  WAIVER_REASONS,
  type Accountability,
  type AccountabilityRule,
  type Reach,
  type ReachTarget,
  type Trigger,
} from './model/accountability.js';
export { applyDecisions, type ApplyDecisionsOptions, type Decision } from './accountability/decisions.js';
