import { z } from 'zod';
import { WhereSchema } from './attribute-map.js';
import { Amount, CalendarDateSchema, IdSchema } from './primitives.js';

const RecordTypes = z.array(IdSchema).min(1).meta({ description: '计入的记录类型 / record types that count' });

/** Fields shared by every measure that reads records. */
const RecordSelection = {
  recordTypes: RecordTypes,
  where: WhereSchema.optional(),
  by: z.enum(['organization', 'person']).optional().meta({
    description:
      'organization：按党组织的记录（人员对象取其任职组织的记录）；person：按记录上的责任人 / whose records: the organization’s (for a person, those of the organizations where they hold the post) or the person’s own',
  }),
  scope: z.enum(['self', 'subtree']).optional().meta({ description: 'self：本组织；subtree：本组织及下级 / the organization alone, or with everything below it' }),
  requireAttributes: z.array(z.string().min(1)).optional().meta({ description: '须附佐证材料的属性（如会议记录）/ supporting material each record must carry' }),
};

const Positive = Amount.positive();
const NonNegative = Amount.nonnegative();
const Share = z.number().min(0).max(1);

/** 计数：period total of records, at least `atLeast`. */
export const CountMeasureSchema = z.strictObject({ type: z.literal('count'), ...RecordSelection, atLeast: z.int().positive() });
/** 频次：at least `atLeast` records in every month / quarter / half-year / year. */
export const CadenceMeasureSchema = z.strictObject({
  type: z.literal('cadence'),
  ...RecordSelection,
  every: z.enum(['month', 'quarter', 'half-year', 'year']),
  atLeast: z.int().positive().optional(),
});
/** 时间窗口：records dated from `from` to `to` inclusive. */
export const WindowMeasureSchema = z.strictObject({
  type: z.literal('window'),
  ...RecordSelection,
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  atLeast: z.int().positive().optional(),
});
/** 时限：tasks done by their due date; late, or still open at the end of the period. */
export const DeadlineMeasureSchema = z.strictObject({
  type: z.literal('deadline'),
  ...RecordSelection,
  due: CalendarDateSchema.optional().meta({ description: '统一期限；记录的 completed 缺省时取记录日期 / one due date for all; a record’s date is its completion' }),
  expected: z.int().positive().optional().meta({ description: '应完成的事项数（与 due 合用）/ tasks expected, with due' }),
  dueSoonDays: z.int().nonnegative().optional(),
  openWeight: Positive.optional().meta({ description: '逾期未完成按几次不足计 / shortfalls per overdue open task' }),
});
/** 比率：Σ numerator / Σ denominator over the period, at least `atLeast`. */
export const RatioMeasureSchema = z.strictObject({
  type: z.literal('ratio'),
  ...RecordSelection,
  numerator: z.string().min(1),
  denominator: z.string().min(1),
  atLeast: Share,
});
/** 测评：raters’ scores, mean or trimmed mean (drops the highest and the lowest). */
export const RatingMeasureSchema = z.strictObject({
  type: z.literal('rating'),
  ...RecordSelection,
  score: z.string().min(1).optional(),
  rater: z.string().min(1).optional(),
  aggregate: z.enum(['mean', 'trimmed-mean']),
  scale: Positive,
  minRaters: z.int().positive().optional(),
  atLeast: NonNegative.optional(),
});
/** 组织结构：a fact read off the graph. */
export const StructureMeasureSchema = z.strictObject({
  type: z.literal('structure'),
  fact: z.enum([
    'secretary-in-post',
    'officer-staffed',
    'liaison-present',
    'overseen',
    'team-size',
    'has-oversight-area',
    'has-liaison-point',
  ]),
  atLeast: z.int().positive().optional(),
  maxOfficerPosts: z.int().positive().optional().meta({
    description: 'officer-staffed：一人兼任党务工作者超过此数视为应付配备（默认3）/ an officer in more organizations than this is staffed for show (default 3)',
  }),
});
/** Where a roll-up reads results from. */
export const RollUpSourceSchema = z.strictObject({
  source: z.enum(['children', 'subtree', 'oversight', 'liaison', 'led-organizations', 'self']),
  weight: Positive,
  of: z.union([z.literal('total'), z.array(IdSchema).min(1)]).optional(),
});
/** 汇总（一级抓一级）：weighted mean of the results of the organizations a subject answers for. */
export const RollUpMeasureSchema = z.strictObject({
  type: z.literal('roll-up'),
  from: z.array(RollUpSourceSchema).min(1),
  atLeast: Share.optional(),
});
/** 评分：scores entered by assessor groups, combined under weights. */
export const ManualMeasureSchema = z.strictObject({
  type: z.literal('manual'),
  recordType: IdSchema.optional(),
  groups: z.array(z.strictObject({ id: IdSchema, title: z.string().optional(), weight: Positive })).min(1),
  scale: Positive,
  missingGroup: z.enum(['insufficient', 'reweight']).optional(),
  atLeast: NonNegative.optional(),
});

/** Every measure, told apart by `type`. */
export const MeasureSchema = z.discriminatedUnion('type', [
  CountMeasureSchema,
  CadenceMeasureSchema,
  WindowMeasureSchema,
  DeadlineMeasureSchema,
  RatioMeasureSchema,
  RatingMeasureSchema,
  StructureMeasureSchema,
  RollUpMeasureSchema,
  ManualMeasureSchema,
]);

export type CountMeasure = z.output<typeof CountMeasureSchema>;
export type CadenceMeasure = z.output<typeof CadenceMeasureSchema>;
export type WindowMeasure = z.output<typeof WindowMeasureSchema>;
export type DeadlineMeasure = z.output<typeof DeadlineMeasureSchema>;
export type RatioMeasure = z.output<typeof RatioMeasureSchema>;
export type RatingMeasure = z.output<typeof RatingMeasureSchema>;
export type StructureMeasure = z.output<typeof StructureMeasureSchema>;
export type RollUpMeasure = z.output<typeof RollUpMeasureSchema>;
export type RollUpSource = z.output<typeof RollUpSourceSchema>;
export type ManualMeasure = z.output<typeof ManualMeasureSchema>;
/** A measure spec as parsed. */
export type Measure = z.output<typeof MeasureSchema>;
/** A measure's `type`. */
export type MeasureType = Measure['type'];

/** Scoring methods: how a measured result becomes points. */
export const ScoringSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('all-or-nothing') }),
  z.strictObject({ method: z.literal('proportional') }),
  z.strictObject({ method: z.literal('deduct'), perShortfall: Positive, maxDeduction: Positive.optional() }),
  z.strictObject({
    method: z.literal('steps'),
    on: z.enum(['value', 'ratio']).optional(),
    steps: z.array(z.strictObject({ atLeast: Amount, points: NonNegative })).min(1),
  }),
]);
/** A scoring method as parsed. */
export type Scoring = z.output<typeof ScoringSchema>;
