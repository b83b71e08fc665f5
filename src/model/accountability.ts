import { z } from 'zod';
import { Amount, IdSchema } from './primitives.js';

/**
 * Default forms for a party organization (问责条例): 检查, 通报, 改组 — lightest first.
 *
 * @example
 * DEFAULT_ORGANIZATION_FORMS.map((f) => f.title); // ['检查', '通报', '改组']
 */
export const DEFAULT_ORGANIZATION_FORMS = [
  { id: 'inspection', title: '检查', titleEn: 'ordered self-examination' },
  { id: 'circulation', title: '通报', titleEn: 'circulated notice' },
  { id: 'reorganization', title: '改组', titleEn: 'reorganization' },
] as const;

/**
 * Default forms for a person (local implementing rules' finer ladder), lightest first.
 *
 * @example
 * DEFAULT_PERSON_FORMS[3].title; // '诫勉'
 */
export const DEFAULT_PERSON_FORMS = [
  { id: 'criticism', title: '批评教育', titleEn: 'criticism and education' },
  { id: 'written-inspection', title: '责令书面检查', titleEn: 'ordered written self-criticism' },
  { id: 'circulated-criticism', title: '通报批评', titleEn: 'circulated criticism' },
  { id: 'admonishment', title: '诫勉', titleEn: 'admonishment' },
  { id: 'organizational-handling', title: '组织调整或处理', titleEn: 'organizational adjustment or handling' },
  { id: 'disciplinary-sanction', title: '纪律处分', titleEn: 'disciplinary sanction' },
] as const;

/**
 * Waiver grounds of 问责条例 Art. 17 (不予问责 / 免予问责).
 *
 * @example
 * WAIVER_REASONS.map((w) => w.id); // ['reform-trial', 'recorded-objection', 'force-majeure']
 */
export const WAIVER_REASONS = [
  { id: 'reform-trial', title: '在推进改革中因缺乏经验、先行先试出现失误，尚无明确限制或禁止性规定', titleEn: 'a mistake in reform or trial without experience or a rule against it' },
  { id: 'recorded-objection', title: '在集体决策中对错误决策提出明确反对意见或保留意见', titleEn: 'recorded objection to the collective decision' },
  { id: 'force-majeure', title: '在决策实施中已经履职尽责，但因不可抗力、难以预见等因素造成损失', titleEn: 'duty done, the harm came from force majeure or the unforeseeable' },
] as const;

const FormSchema = z.strictObject({ id: IdSchema, title: z.string().min(1), titleEn: z.string().min(1).optional() });

/**
 * A check for a ladder of forms (lightest first): an id listed twice is refused
 * (`duplicate-form-id`, at the second one's id, naming the first at `where[i]`) — a form's
 * severity is its place, and a form with two places has none.
 *
 * @example
 * z.array(FormSchema).superRefine(uniqueFormIds('accountability.forms.person'));
 */
export function uniqueFormIds(where: string): (forms: readonly { readonly id: string }[], ctx: z.RefinementCtx) => void {
  return (forms, ctx) => {
    const first = new Map<string, number>();
    forms.forEach((form, i) => {
      const at = first.get(form.id);
      if (at === undefined) first.set(form.id, i);
      else ctx.addIssue({ code: 'custom', path: [i, 'id'], input: form.id, params: { code: 'duplicate-form-id', id: form.id, first: `${where}[${at}]` } });
    });
  };
}

const LadderSchema = (which: 'organization' | 'person') => z.array(FormSchema).min(1).superRefine(uniqueFormIds(`accountability.forms.${which}`));

/** What sets off an accountability rule. */
export const TriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('veto') }),
  z.strictObject({ type: z.literal('lowest-grade'), ladder: IdSchema.optional() }),
  z.strictObject({ type: z.literal('shortfall'), indicator: IdSchema, atLeast: Amount.positive().optional() }),
  z.strictObject({ type: z.literal('deadline-open'), indicator: IdSchema.optional() }),
  z.strictObject({
    type: z.literal('incident'),
    recordTypes: z.array(IdSchema).min(1),
    minSeverity: Amount.optional(),
    severityAttribute: z.string().min(1).optional(),
  }),
  z.strictObject({ type: z.literal('verdict'), verdicts: z.array(z.enum(['derelict', 'incompetent', 'undetermined'])).min(1) }),
  z.strictObject({ type: z.literal('repeat'), rule: IdSchema }),
  z.strictObject({ type: z.literal('formalism'), recordTypes: z.array(IdSchema).min(1), attribute: z.string().min(1).optional() }),
]);

/**
 * Whom a finding reaches along the chain, starting from the subject that triggered it.
 *
 * @example
 * const reach: Reach = { to: 'secretary', form: { person: 'admonishment' } };
 */
export const REACH_TARGETS = ['direct', 'self', 'team', 'secretary', 'overseer', 'team-members', 'liaison', 'supervision'] as const;

/** Forms by kind of subject. */
const FormChoiceSchema = z.strictObject({ organization: IdSchema.optional(), person: IdSchema.optional() });

/** One step of a rule's reach. */
export const ReachSchema = z.strictObject({
  to: z.enum(REACH_TARGETS),
  levels: z.int().positive().max(50).optional().meta({ description: 'supervision：向上几级（默认1）/ levels up (default 1)' }),
  form: FormChoiceSchema.optional(),
});

/** An accountability rule: trigger, reach and base forms. */
export const AccountabilityRuleSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  trigger: TriggerSchema,
  reach: z.array(ReachSchema).min(1),
  form: FormChoiceSchema.optional(),
});

/** The accountability section of a rule set. */
export const AccountabilitySchema = z.strictObject({
  forms: z.strictObject({ organization: LadderSchema('organization').optional(), person: LadderSchema('person').optional() }).optional(),
  /** From this person form up, a person is not eligible for the top grade or awards (默认 诫勉). */
  ineligibleFrom: IdSchema.optional(),
  rules: z.array(AccountabilityRuleSchema).min(1),
  circumstances: z
    .strictObject({
      aggravating: z.array(IdSchema).optional().meta({ description: '从重情节记录类型（默认 aggravating-circumstance）' }),
      mitigating: z.array(IdSchema).optional().meta({ description: '从轻情节记录类型，如及时整改（默认 prompt-remedy）' }),
      waiver: z.array(IdSchema).optional().meta({ description: '免责记录类型（默认 accountability-waiver），属性 reason' }),
    })
    .optional(),
  supervision: z
    .strictObject({ id: IdSchema, title: z.string().min(1), titleEn: z.string().min(1).optional(), minShare: z.number().gt(0).max(1), form: IdSchema.optional() })
    .optional()
    .meta({ description: '下级多数被问责时，上级组织因一级抓一级不力一并提出 / flag an organization most of whose children are flagged' }),
});

/**
 * What sets off an accountability rule (parsed).
 *
 * @example
 * const trigger: Trigger = { type: 'verdict', verdicts: ['derelict'] };
 */
export type Trigger = z.output<typeof TriggerSchema>;
/**
 * Whom a reach step targets along the chain.
 *
 * @example
 * const to: ReachTarget = 'overseer';
 */
export type ReachTarget = (typeof REACH_TARGETS)[number];
/**
 * One step of a rule's reach (parsed).
 *
 * @example
 * const reach: Reach = { to: 'supervision', levels: 1, form: { organization: 'inspection' } };
 */
export type Reach = z.output<typeof ReachSchema>;
/**
 * An accountability rule (parsed).
 *
 * @example
 * const rule: AccountabilityRule = { id: 'derelict', title: '不抓党建工作是失职', trigger: { type: 'verdict', verdicts: ['derelict'] }, reach: [{ to: 'self' }] };
 */
export type AccountabilityRule = z.output<typeof AccountabilityRuleSchema>;
/**
 * The accountability section of a rule set (parsed).
 *
 * @example
 * rules.accountability?.rules.length;
 */
export type Accountability = z.output<typeof AccountabilitySchema>;

/** Record types an accountability section reads directly, beside the assessment result. */
export function accountabilityRecordTypes(section: Accountability | undefined): string[] {
  if (!section) return [];
  const types = new Set<string>();
  for (const rule of section.rules) {
    if (rule.trigger.type === 'incident' || rule.trigger.type === 'formalism') for (const t of rule.trigger.recordTypes) types.add(t);
  }
  const c = section.circumstances;
  for (const t of c?.aggravating ?? ['aggravating-circumstance']) types.add(t);
  for (const t of c?.mitigating ?? ['prompt-remedy']) types.add(t);
  for (const t of c?.waiver ?? ['accountability-waiver']) types.add(t);
  return [...types].sort();
}
