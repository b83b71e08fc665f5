import { z } from 'zod';
import { likelyTypoOf } from '../core/edit-distance.js';
import { AccountabilitySchema } from './accountability.js';
import { WhereSchema } from './attribute-map.js';
import { ORGANIZATION_KINDS, POST_ROLES } from './graph.js';
import { MeasureSchema, ScoringSchema } from './measures.js';
import { Amount, CalendarDateSchema, IdSchema } from './primitives.js';
import { RESPONSIBILITY_KINDS } from './responsibility.js';

const Title = z.string().min(1).max(500);
const TitleEn = z.string().min(1).max(500).optional();

const Year = z.int().min(1900).max(2999);
const Half = z.int().min(1).max(2);
const Quarter = z.int().min(1).max(4);
const Month = z.int().min(1).max(12);

// Each field a period may have, and what it takes; a period uses one form of them (PeriodSchema).
const PERIOD_FIELDS: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ['year', Year],
  ['half', Half],
  ['quarter', Quarter],
  ['month', Month],
  ['start', CalendarDateSchema],
  ['end', CalendarDateSchema],
]);
const PARTS = ['half', 'quarter', 'month'];
const DATES = ['start', 'end'];

/** The period field `given` is likely a typo of (the testing kit's didYouMean rule), if any. */
function periodFieldLike(given: string): string | undefined {
  return likelyTypoOf(given, PERIOD_FIELDS.keys());
}

/**
 * What is wrong with a period that fits none of its forms, said plainly where zod's union would
 * name the closest form only (a `half` beside a `quarter` as an "unknown field", `{}` as a missing
 * `year`): the forms mixed (`period-mixed-forms`), no form at all (`period-empty`), each field no
 * form has (`unknown-field`, with the field it is likely a typo of), each value wrong for its
 * field, each field the form begun still needs. Undefined when the form is clear and only its
 * values or fields are wrong: zod's own issues say that as they always have.
 */
function periodProblems(value: Record<string, unknown>): z.core.$ZodRawIssue[] | undefined {
  const keys = Object.keys(value);
  const known = keys.filter((key) => PERIOD_FIELDS.has(key));
  const parts = PARTS.filter((key) => known.includes(key));
  const dates = DATES.filter((key) => known.includes(key));
  const yearSide = ['year', ...PARTS].filter((key) => known.includes(key));
  const mixed = (dates.length > 0 && yearSide.length > 0) || parts.length > 1;
  const unknown = keys.filter((key) => !PERIOD_FIELDS.has(key));
  if (!mixed && known.length > 0 && unknown.length === 0) return undefined;
  const out: z.core.$ZodRawIssue[] = [];
  if (mixed) {
    const fields = dates.length > 0 ? [...yearSide, ...dates] : parts;
    out.push({ code: 'custom', path: [], input: value, params: { code: 'period-mixed-forms', fields: fields.join(', ') } });
  } else if (known.length === 0) {
    out.push({ code: 'custom', path: [], input: value, params: { code: 'period-empty' } });
  }
  for (const key of keys) {
    const schema = PERIOD_FIELDS.get(key);
    if (schema === undefined) {
      const suggestion = periodFieldLike(key);
      out.push({ code: 'custom', path: [key], input: value[key], params: { code: 'unknown-field', field: key, ...(suggestion === undefined ? {} : { suggestion }) } });
      continue;
    }
    const checked = schema.safeParse(value[key], { reportInput: true });
    if (!checked.success) for (const issue of checked.error.issues) out.push({ ...issue, path: [key, ...issue.path] } as z.core.$ZodRawIssue);
  }
  // The fields still needed by the form begun; none when the forms are mixed, save a year for a part.
  const needed = dates.length > 0 ? (mixed ? [] : DATES) : parts.length > 0 ? ['year'] : [];
  for (const key of needed) {
    if (!keys.includes(key)) out.push({ code: 'invalid_type', expected: key === 'year' ? 'number' : 'string', path: [key], input: undefined });
  }
  return out;
}

/**
 * z.int() bounds a number by the safe integers besides the field's own range: 1e308 for a year
 * was "≤ 9007199254740991" and "≤ 2999" at once. The wider bound gives way to the field's own at
 * the same path (issues are changed in place).
 */
function dropSafeIntegerBounds(issues: z.core.$ZodRawIssue[]): void {
  const samePath = (a: z.core.$ZodRawIssue, b: z.core.$ZodRawIssue): boolean => (a.path ?? []).join('\u0000') === (b.path ?? []).join('\u0000');
  const wide = (issue: z.core.$ZodRawIssue): boolean =>
    (issue.code === 'too_big' && Number(issue.maximum) === Number.MAX_SAFE_INTEGER) || (issue.code === 'too_small' && Number(issue.minimum) === Number.MIN_SAFE_INTEGER);
  for (let i = issues.length - 1; i >= 0; i--) {
    const issue = issues[i] as z.core.$ZodRawIssue;
    // A union's complaint holds each form's issues: the closest form's are the ones reported.
    if (issue.code === 'invalid_union' && Array.isArray(issue.errors)) for (const errors of issue.errors) dropSafeIntegerBounds(errors as z.core.$ZodRawIssue[]);
    if (wide(issue) && issues.some((other) => other !== issue && other.code === issue.code && !wide(other) && samePath(other, issue))) issues.splice(i, 1);
  }
}

/** The period assessed: a year, a half, a quarter, a month, or explicit dates. */
export const PeriodSchema = z
  .union([
    z.strictObject({ year: Year, quarter: Quarter }),
    z.strictObject({ year: Year, half: Half }),
    z.strictObject({ year: Year, month: Month }),
    z.strictObject({ year: Year }),
    z.strictObject({ start: CalendarDateSchema, end: CalendarDateSchema }),
  ])
  // Only when no form fits (a valid period parses as it always has): the union's complaint — the
  // closest form's, or the one form zod could not rule out — gives way to what is wrong with the
  // period as written. The input is read from that complaint: the payload may hold the form's
  // output by now, the fields it does not know dropped.
  .superRefine(
    (_, ctx) => {
      dropSafeIntegerBounds(ctx.issues);
      const input: unknown = ctx.issues.find((issue) => (issue.path ?? []).length === 0 && (issue.code === 'invalid_union' || issue.code === 'unrecognized_keys'))?.input;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return;
      const problems = periodProblems(input as Record<string, unknown>);
      if (problems === undefined) return;
      // Every issue here is the union's (a property's payload starts empty): all give way.
      ctx.issues.splice(0);
      for (const problem of problems) ctx.addIssue(problem as Parameters<typeof ctx.addIssue>[0]);
    },
    { when: (payload) => payload.issues.length > 0 },
  );

/** Whom something applies to: organizations of some kinds, or people holding some posts. */
export const AppliesToSchema = z.union([
  z.strictObject({ organizations: z.array(z.enum(ORGANIZATION_KINDS)).min(1) }),
  z.strictObject({
    posts: z.array(z.enum(POST_ROLES)).min(1),
    in: z.array(z.enum(ORGANIZATION_KINDS)).min(1).optional().meta({ description: '任职组织的类型 / kinds of the organizations the post is in' }),
  }),
]);

/** 加分: points for records such as awards, capped per indicator. */
export const BonusSchema = z.strictObject({
  recordTypes: z.array(IdSchema).min(1),
  where: WhereSchema.optional(),
  each: Amount.positive().optional().meta({ description: '每条记录加分 / points per record' }),
  byAttribute: z
    .strictObject({ attribute: z.string().min(1), points: z.array(z.strictObject({ value: z.string(), points: Amount.positive() })).min(1) })
    .optional()
    .meta({ description: '按属性取值加分（如奖项级别）/ points by an attribute’s value (e.g. award level)' }),
  cap: Amount.positive(),
});

/** 一票否决: any matching record sets the subject's grade to the lowest, whatever its score. */
export const VetoSchema = z.strictObject({
  recordTypes: z.array(IdSchema).min(1),
  where: WhereSchema.optional(),
  scope: z.enum(['self', 'organization', 'subtree']).optional().meta({
    description:
      'self：本组织或本人的记录；organization：（对人员）本人任职（符合 appliesTo 的职务）所在党组织的记录；subtree：再加其所有下级组织 / self: the organization’s or the person’s own records; organization (people only): the records of the organizations where the person holds the post; subtree: those and every organization below',
  }),
});

/** One line of the scoring sheet (考核指标). */
export const IndicatorSchema = z.strictObject({
  id: IdSchema,
  title: Title,
  titleEn: TitleEn,
  section: z.string().min(1).max(200).optional().meta({ description: '所属板块，如“落实基层党建工作责任制” / the block of the sheet' }),
  responsibility: z.enum(RESPONSIBILITY_KINDS),
  appliesTo: AppliesToSchema,
  points: Amount.nonnegative(),
  measure: MeasureSchema.optional(),
  scoring: ScoringSchema.optional(),
  onInsufficientEvidence: z.enum(['shortfall', 'exclude', 'zero']).optional(),
  bonus: BonusSchema.optional(),
  veto: VetoSchema.optional(),
});

/** One grade of a ladder: scores from `min` (inclusive) up to the next grade's `min`. */
export const GradeSchema = z.strictObject({
  id: IdSchema,
  title: Title,
  titleEn: TitleEn,
  min: Amount,
  max: Amount.optional().meta({ description: '上限（不含），可省略 / exclusive upper bound, optional' }),
});

/** A grade ladder (等次), highest grade first. */
export const LadderSchema = z.strictObject({
  id: IdSchema,
  title: Title,
  titleEn: TitleEn,
  appliesTo: AppliesToSchema,
  grades: z.array(GradeSchema).min(1),
  excludeProbationary: z.boolean().optional().meta({ description: '预备党员不评定等次 / probationary members are not graded' }),
});

/** A share written as a fraction: "1/3" (a denominator of 0 is none). */
const FRACTION = /^\d{1,6}\/[1-9]\d{0,5}$/;

/** A cap on how many of a peer group may hold a grade (e.g. 优秀 at most 20%). */
export const QuotaSchema = z.strictObject({
  ladder: IdSchema,
  grade: IdSchema,
  maxShare: z
    .union([
      z.number().min(0).max(1),
      // A check of its own, not .regex(): zod would say "invalid format (regex)" of "1/0".
      z
        .string()
        .refine((text) => FRACTION.test(text), { params: { code: 'invalid-share' } })
        .meta({ pattern: FRACTION.source }),
    ])
    .optional()
    .meta({ description: '最高等次所占比例上限：小数（0.2）或分数（"1/3"）/ share of the peer group: a decimal or a fraction such as "1/3"' }),
  maxCount: z.int().nonnegative().optional(),
  peerGroup: z.enum(['all', 'kind', 'parent']).optional(),
});

/** A source of records; a complete source with no records of a type means zero, not unknown. */
export const SourceSchema = z.strictObject({
  id: IdSchema,
  title: z.string().optional(),
  complete: z.boolean(),
  recordTypes: z.array(IdSchema).min(1),
});

/** A known record type, with its display title. */
export const RecordTypeSchema = z.strictObject({ id: IdSchema, title: Title, titleEn: TitleEn });

/** 两张皮: combine the party-building score with a business score under weights. */
export const CompositeSchema = z.strictObject({
  recordType: IdSchema.optional().meta({ description: '业务考核得分记录类型，默认 business-score / default business-score' }),
  scale: Amount.positive().optional(),
  partyWeight: Amount.positive(),
  businessWeight: Amount.positive(),
  gradeOn: z.enum(['party', 'composite']).optional(),
});

/**
 * A rule set (考核细则): the period, the scale, grade ladders and quotas, and the indicators.
 *
 * @example
 * const rules = defineRuleSet({
 *   id: 'demo', title: '示例细则', version: '1', period: { year: 2022 }, scale: 100,
 *   ladders: [{ id: 'org', title: '等次', appliesTo: { organizations: ['branch'] }, grades: [
 *     { id: 'good', title: '好', min: 90 }, { id: 'fair', title: '较好', min: 80 },
 *     { id: 'average', title: '一般', min: 60 }, { id: 'poor', title: '差', min: 0 }] }],
 *   indicators: [{ id: 'day', title: '主题党日每月开展', responsibility: 'principal',
 *     appliesTo: { organizations: ['branch'] }, points: 100,
 *     measure: { type: 'cadence', recordTypes: ['theme-day'], every: 'month' },
 *     scoring: { method: 'deduct', perShortfall: 10 } }],
 * });
 */
export const RuleSetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: IdSchema,
    title: Title,
    titleEn: TitleEn,
    version: z.string().min(1).max(100),
    period: PeriodSchema,
    scale: Amount.positive().optional(),
    recordTypes: z.array(RecordTypeSchema).optional(),
    sources: z.array(SourceSchema).optional(),
    ladders: z.array(LadderSchema).optional(),
    quotas: z.array(QuotaSchema).optional(),
    verdicts: z.strictObject({ incompetentBelow: Amount.nonnegative() }).optional(),
    bonusCap: Amount.nonnegative().optional(),
    composite: CompositeSchema.optional(),
    onInsufficientEvidence: z.enum(['shortfall', 'exclude', 'zero']).optional(),
    indicators: z.array(IndicatorSchema).min(1),
    accountability: AccountabilitySchema.optional(),
  })
  .meta({ title: 'zerenzhi rule set', description: '党建工作责任制考核细则 / a party-building assessment rule set' });

/** A rule set as written (JSON or TypeScript). */
export type RuleSetInput = z.input<typeof RuleSetSchema>;
/** A rule set after validation. */
export type RuleSet = z.output<typeof RuleSetSchema>;
/**
 * One line of the scoring sheet (parsed).
 *
 * @example
 * rules.indicators.find((i: Indicator) => i.id === 'br-theme-day')?.points;
 */
export type Indicator = z.output<typeof IndicatorSchema>;
/**
 * A grade ladder (parsed).
 *
 * @example
 * rules.ladders?.[0]?.grades.map((g) => g.title); // ['好', '较好', '一般', '差']
 */
export type Ladder = z.output<typeof LadderSchema>;
/**
 * One grade of a ladder (parsed).
 *
 * @example
 * const good: Grade = { id: 'good', title: '好', min: 90 };
 */
export type Grade = z.output<typeof GradeSchema>;
/**
 * A cap on a grade (parsed).
 *
 * @example
 * const quota: Quota = { ladder: 'organization', grade: 'good', maxShare: '1/3' };
 */
export type Quota = z.output<typeof QuotaSchema>;
/**
 * Whom an indicator or ladder applies to (parsed).
 *
 * @example
 * const appliesTo: AppliesTo = { posts: ['secretary'], in: ['branch'] };
 */
export type AppliesTo = z.output<typeof AppliesToSchema>;
/**
 * The period assessed (parsed).
 *
 * @example
 * const period: Period = { year: 2023, quarter: 3 };
 */
export type Period = z.output<typeof PeriodSchema>;
/**
 * A bonus (加分) on an indicator (parsed).
 *
 * @example
 * const bonus: Bonus = { recordTypes: ['award'], each: 1, cap: 3 };
 */
export type Bonus = z.output<typeof BonusSchema>;
/**
 * A one-vote veto (一票否决) on an indicator (parsed).
 *
 * @example
 * const veto: Veto = { recordTypes: ['disciplinary-case'], where: { severity: 'serious' } };
 * // 所在党组织发生严重违纪案件的，书记不得评为好 (on an indicator for secretaries):
 * const ofTheirBranch: Veto = { recordTypes: ['disciplinary-case'], where: { severity: 'serious' }, scope: 'organization' };
 */
export type Veto = z.output<typeof VetoSchema>;
/**
 * The combination with business results (parsed).
 *
 * @example
 * const composite: Composite = { partyWeight: 0.6, businessWeight: 0.4 };
 */
export type Composite = z.output<typeof CompositeSchema>;
/**
 * A source of records (parsed).
 *
 * @example
 * const source: Source = { id: 'zhdj', complete: true, recordTypes: ['theme-day'] };
 */
export type Source = z.output<typeof SourceSchema>;

/**
 * Types a rule set written in TypeScript, with completion, and returns it unchanged; validate
 * it with `parseRuleSet` (the engine does so too).
 *
 * @example
 * export default defineRuleSet({ id: 'r', title: '细则', version: '1', period: { year: 2022 }, indicators: [] as never });
 */
export function defineRuleSet<const T extends RuleSetInput>(rules: T): T {
  return rules;
}
