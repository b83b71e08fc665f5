// The JSON Schema of an assessment result, written by hand: the result is produced by the
// engine, not parsed by zod, so there is no zod schema to generate it from. A test checks that
// real results (Chinese, English, with a previous period, with decisions) validate against it,
// key set by key set.
import { ORGANIZATION_KINDS, POST_ROLES } from '../model/graph.js';
import { RESPONSIBILITY_KINDS } from '../model/responsibility.js';

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const int = { type: 'integer', minimum: 0 } as const;
const bool = { type: 'boolean' } as const;
const strings = { type: 'array', items: str } as const;
const ref = (name: string): { $ref: string } => ({ $ref: `#/$defs/${name}` });
const nullable = (schema: object): object => ({ anyOf: [schema, { type: 'null' }] });

/** An object with exactly these properties, `optional` ones allowed to be missing. */
function object(properties: Record<string, object>, optional: readonly string[] = []): object {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    additionalProperties: false,
  };
}

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

const DEFS = {
  FindingSubject: object({ type: { enum: ['organization', 'person'] }, id: str, name: str }),
  FindingForm: object({ id: str, title: str, severity: { type: 'integer', minimum: 1 } }),
  FormDefinition: object({ id: str, title: str, titleEn: str }, ['titleEn']),
  LineRecords: object({ reported: int, counted: int, ids: strings, pending: int, rejected: int, unsupported: int, bonusIds: strings, vetoIds: strings }),
  IndicatorLine: object(
    {
      indicator: str,
      title: str,
      section: str,
      responsibility: { enum: [...RESPONSIBILITY_KINDS] },
      status: { enum: ['met', 'shortfall', 'in-progress', 'insufficient-evidence', 'excluded', 'vetoed'] },
      points: num,
      max: num,
      value: num,
      target: nullable(num),
      shortfalls: num,
      ratio: num,
      facts: { type: 'object', additionalProperties: num },
      bonus: num,
      veto: bool,
      records: ref('LineRecords'),
      explanation: str,
    },
    ['section', 'facts'],
  ),
  GradeAward: object(
    {
      ladder: str,
      id: str,
      title: str,
      reason: { enum: ['score', 'veto', 'quota'] },
      rank: { type: 'integer', minimum: 1 },
      grades: { type: 'integer', minimum: 1 },
      earned: str,
    },
    ['earned'],
  ),
  SubjectResult: object(
    {
      type: { enum: ['organization', 'person'] },
      id: str,
      name: str,
      kind: { enum: [...ORGANIZATION_KINDS] },
      posts: { type: 'array', items: object({ organization: str, role: { enum: [...POST_ROLES] } }) },
      score: num,
      max: num,
      scaled: num,
      bonus: num,
      total: num,
      composite: nullable(object({ business: nullable(num), value: nullable(num) })),
      grade: nullable(ref('GradeAward')),
      vetoes: { type: 'array', items: object({ indicator: str, recordIds: strings }) },
      verdict: { enum: ['fulfilled', 'derelict', 'incompetent', 'undetermined'] },
      lines: { type: 'array', items: ref('IndicatorLine') },
      previous: object({ total: num, grade: nullable(str), delta: num }),
    },
    ['kind', 'posts', 'verdict', 'previous'],
  ),
  Warning: object({ code: str, params: { type: 'object', additionalProperties: { type: ['string', 'number'] } }, message: str }),
  Circumstance: object({ kind: { enum: ['repeat', 'aggravating', 'mitigating'] }, step: { enum: [1, -1] }, recordIds: strings, clamped: bool }),
  FindingDecision: object(
    { action: { enum: ['confirm', 'waive', 'change'] }, by: str, at: str, reason: str, form: ref('FindingForm') },
    ['reason', 'form'],
  ),
  Finding: object(
    {
      id: str,
      rule: str,
      ruleTitle: str,
      status: { enum: ['proposed', 'confirmed', 'waived', 'changed'] },
      subject: ref('FindingSubject'),
      liability: { enum: ['overall-leadership', 'principal-leadership', 'important-leadership', 'direct'] },
      basis: { enum: [...RESPONSIBILITY_KINDS, 'direct'] },
      form: ref('FindingForm'),
      baseForm: ref('FindingForm'),
      circumstances: { type: 'array', items: ref('Circumstance') },
      waiver: object({ reason: str, title: str, recordIds: strings }),
      trigger: object({ type: str, subject: ref('FindingSubject'), indicators: strings, recordIds: strings }),
      path: {
        type: 'array',
        items: object({ distance: int, organization: str, kind: { enum: [...RESPONSIBILITY_KINDS, 'direct'] } }),
      },
      explanation: str,
      decision: ref('FindingDecision'),
    },
    ['waiver', 'decision'],
  ),
  RuleHit: object({ rule: str, subject: ref('FindingSubject'), reached: int, provisional: { const: true }, ruleTitle: str, indicators: strings, recordIds: strings, explanation: str }, ['provisional', 'ruleTitle', 'indicators', 'recordIds', 'explanation']),
  Eligibility: object({ person: str, name: str, eligible: { const: false }, findings: strings, holdsTopGrade: bool, reason: str }),
  Pressure: object({ person: str, name: str, answersFor: int, flagged: int, share: { type: 'number', minimum: 0, maximum: 1 }, flaggedOrganizations: strings }),
  AuditEntry: object(
    { finding: str, action: { enum: ['confirm', 'waive', 'change'] }, by: str, at: str, reason: str, from: str, to: str },
    ['reason'],
  ),
};

const SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'zerenzhi assessment result',
  description: '考核评估结果（assess / assessStream 的输出）/ the result of assess or assessStream',
  ...object(
    {
      schemaVersion: { const: 1 },
      engine: object({ name: { const: 'zerenzhi' }, version: str }),
      ruleSet: object({ id: str, version: str, title: str }),
      period: object({ start: date, end: date, asOf: nullable(date), label: str }),
      lang: { enum: ['zh', 'en'] },
      fingerprint: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
      organizations: { type: 'array', items: ref('SubjectResult') },
      people: { type: 'array', items: ref('SubjectResult') },
      warnings: { type: 'array', items: ref('Warning') },
      evidence: object({
        received: int,
        duplicates: int,
        conflicts: int,
        outOfPeriod: int,
        pending: int,
        rejected: int,
        unusedType: int,
        unknownSubject: int,
        unknownReference: int,
        unassignedScore: int,
      }),
      findings: { type: 'array', items: ref('Finding') },
      hits: { type: 'array', items: ref('RuleHit') },
      eligibility: { type: 'array', items: ref('Eligibility') },
      pressure: { type: 'array', items: ref('Pressure') },
      ineligibleFrom: nullable(ref('FindingForm')),
      forms: nullable(object({ organization: { type: 'array', items: ref('FormDefinition') }, person: { type: 'array', items: ref('FormDefinition') } })),
      audit: { type: 'array', items: ref('AuditEntry') },
    },
    ['audit'],
  ),
  $defs: DEFS,
};

/**
 * The JSON Schema (draft 2020-12) of an assessment result, for consumers of
 * `zerenzhi assess --format json` in other languages and for checking stored results. Objects
 * are closed (`additionalProperties: false`): a field added to the result must be added here,
 * which the schema test enforces. Returns a fresh copy.
 *
 * @example
 * fs.writeFileSync('result.schema.json', JSON.stringify(resultJsonSchema(), null, 2));
 */
export function resultJsonSchema(): Record<string, unknown> {
  return structuredClone(SCHEMA) as Record<string, unknown>;
}
