// The public API of zerenzhi, by name. Nothing else is exported.

export type { Lang } from './core/lang.js';
export { DEFAULT_LANG } from './core/lang.js';
export type { Issue } from './core/issue.js';
export { formatIssues, localizeIssue } from './core/issue.js';
export type { IssuePath } from './core/path.js';
export { formatPath } from './core/path.js';
export { ValidationError, type SafeParseResult } from './core/validation-error.js';
export { formatMessage, messageCodes } from './core/messages.js';
export { formatCalendarDate, parseCalendarDate } from './core/calendar.js';

export {
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
export { graphJsonSchema } from './model/json-schema.js';

export type { Graph, GraphIndex } from './graph/types.js';
export { parseGraph, safeParseGraph, DEFAULT_GRAPH_LIMITS, type GraphLimits, type ParseGraphOptions } from './graph/parse.js';
export { ancestorsOf, childrenOf, depthOf, descendantsOf, isAncestorOf, parentOf } from './graph/queries.js';
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
export { formatChainText, formatCoverageText } from './report/graph-text.js';
