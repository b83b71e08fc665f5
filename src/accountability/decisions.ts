import { z } from 'zod';
import { parseCalendarDate } from '../core/calendar.js';
import { isObject, makeIssue, typeName, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import { ValidationError } from '../core/validation-error.js';
import { fromZodIssues } from '../core/zod-issues.js';
import { DEFAULT_ORGANIZATION_FORMS, DEFAULT_PERSON_FORMS, uniqueFormIds } from '../model/accountability.js';
import { decisionIssues } from './decision-checks.js';
import { formAt, formIndex } from './forms.js';
import { eligibilityOf } from './propose.js';
import type { AssessmentResult, AuditEntry, Finding, FindingForm, FormDefinition } from './types.js';

/** A person's decision on one proposed finding. */
export interface Decision {
  readonly finding: string;
  readonly action: 'confirm' | 'waive' | 'change';
  /** For `change`: the form decided (an id on the subject's ladder). */
  readonly form?: string;
  /** Who decided (a name or an id). */
  readonly by: string;
  /** When, YYYY-MM-DD. */
  readonly at: string;
  /** Why; required to waive or change. */
  readonly reason?: string;
}

/**
 * Options for {@link applyDecisions}.
 *
 * Refused (a `ValidationError`, subject `options`, listing every problem, in the options'
 * language, else the result's): options that are not an object (`null`, a text); a name not
 * listed here, in the options or in `forms` (`{ forms: { persons: [...] } }`: a typo would
 * otherwise leave the result's ladder in force); a ladder that is not a list of forms
 * `{ id, title, titleEn? }` with text values (`person: 'x'`, `[{ id: 1 }]`, a form with another
 * field), or that lists a form id twice (`duplicate-form-id`); a `lang` other than `zh` or `en`.
 */
export interface ApplyDecisionsOptions {
  /**
   * The language of the problems reported (default: the result's). The result keeps its own
   * language: a changed form's title and the recomputed eligibility text are in the result's.
   */
  readonly lang?: Lang;
  /**
   * Ladders to decide on, overriding those the result was proposed on (`result.forms`). Everything
   * is put on the ladder in force: each finding's form (and base form) and the eligibility line
   * `ineligibleFrom` take their severity from their id's place on it, and the returned result's
   * `forms` is that ladder. A ladder that lacks one of those ids is refused (`ladder-lacks-line`,
   * `ladder-lacks-form`, at the form's path under `result`).
   */
  readonly forms?: { readonly organization?: readonly FormDefinition[]; readonly person?: readonly FormDefinition[] };
}

const LadderSchema = (which: 'organization' | 'person') =>
  z.array(z.strictObject({ id: z.string(), title: z.string(), titleEn: z.string().optional() })).superRefine(uniqueFormIds(`forms.${which}`));

/**
 * The options of {@link applyDecisions}, checked: `lang` and the `forms` ladders, nothing else.
 *
 * @example
 * ApplyDecisionsOptionsSchema.parse({ forms: { person: [{ id: 'talk', title: '谈话提醒' }] } });
 */
export const ApplyDecisionsOptionsSchema = z.strictObject({
  lang: LangOptionSchema.optional(),
  forms: z.strictObject({ organization: LadderSchema('organization').optional(), person: LadderSchema('person').optional() }).optional(),
});

type Ladder = readonly { readonly id: string; readonly title: string; readonly titleEn?: string | undefined }[];

type LadderType = 'organization' | 'person';

const copyLadder = (ladder: Ladder): FormDefinition[] => ladder.map((f) => ({ id: f.id, title: f.title, ...(f.titleEn !== undefined ? { titleEn: f.titleEn } : {}) }));

// The ladders the result was proposed on, unless the caller overrides them.
function ladderOf(result: AssessmentResult, type: LadderType, options: ApplyDecisionsOptions): Ladder {
  return type === 'organization'
    ? (options.forms?.organization ?? result.forms?.organization ?? DEFAULT_ORGANIZATION_FORMS)
    : (options.forms?.person ?? result.forms?.person ?? DEFAULT_PERSON_FORMS);
}

// A form put on a ladder: its severity becomes its 1-based place there, its title is kept.
function placed(form: FindingForm, ladder: Ladder): FindingForm {
  return { ...form, severity: ladder.findIndex((f) => f.id === form.id) + 1 };
}

/**
 * A ladder given in the options replaces the result's: every form the result places on it — the
 * eligibility line, each finding's form and base form — must be on it, or its severity cannot be
 * told. Each missing id at its path under `result`.
 */
function overrideIssues(result: AssessmentResult, options: ApplyDecisionsOptions, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const lacks = (ladder: Ladder, id: string): boolean => !ladder.some((f) => f.id === id);
  const person = options.forms?.person;
  if (person && result.ineligibleFrom && lacks(person, result.ineligibleFrom.id)) {
    issues.push(makeIssue('ladder-lacks-line', ['result', 'ineligibleFrom', 'id'], { id: result.ineligibleFrom.id, ladder: 'person' }, lang));
  }
  result.findings.forEach((finding, i) => {
    const type = finding.subject.type;
    const ladder = options.forms?.[type];
    if (!ladder) return;
    if (lacks(ladder, finding.form.id)) issues.push(makeIssue('ladder-lacks-form', ['result', 'findings', i, 'form', 'id'], { id: finding.form.id, finding: finding.id, ladder: type }, lang));
    // A finding made by hand may lack its base form; one that has it must be placeable too.
    const base = finding.baseForm as FindingForm | undefined;
    if (base && typeof base.id === 'string' && base.id !== finding.form.id && lacks(ladder, base.id)) {
      issues.push(makeIssue('ladder-lacks-form', ['result', 'findings', i, 'baseForm', 'id'], { id: base.id, finding: finding.id, ladder: type }, lang));
    }
  });
  return issues;
}

// Every form of a finding placed on an overriding ladder (none given: the finding as it is).
function onLadderInForce(finding: Finding, options: ApplyDecisionsOptions): Finding {
  const ladder = options.forms?.[finding.subject.type];
  if (!ladder) return finding;
  const base = finding.baseForm as FindingForm | undefined;
  const form = placed(finding.form, ladder);
  // An earlier change's decided form is the finding's form.
  const decided = finding.decision?.form;
  return {
    ...finding,
    form,
    ...(base && typeof base.id === 'string' ? { baseForm: placed(base, ladder) } : {}),
    ...(finding.decision && decided && decided.id === form.id ? { decision: { ...finding.decision, form } } : {}),
  };
}

const FormShape = z.object({ id: z.string(), title: z.string(), severity: z.number() });
const AuditEntryShape = z.object({
  finding: z.string(),
  action: z.enum(['confirm', 'waive', 'change']),
  by: z.string(),
  at: z.string(),
  reason: z.string().optional(),
  from: z.string(),
  to: z.string(),
});
const LadderShape = z.array(z.object({ id: z.string(), title: z.string(), titleEn: z.string().optional() }));

/**
 * What {@link applyDecisions} reads of a result, checked before it reads it (other members are let
 * through): each finding's id, status, form (its place on the ladder decides eligibility) and
 * subject (its type picks the ladder); the ladders and the eligibility line when there are any;
 * the people, whose grades eligibility reads; an earlier audit, which is carried on. A result
 * edited by hand or built in plain JavaScript would otherwise fail with a TypeError, or decide
 * eligibility on a severity given as a text.
 */
const DecidableResultSchema = z.object({
  findings: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['proposed', 'confirmed', 'waived', 'changed']),
      form: FormShape,
      subject: z.object({ type: z.enum(['organization', 'person']), id: z.string(), name: z.string() }),
    }),
  ),
  people: z.array(z.object({ id: z.string(), grade: z.object({ rank: z.number() }).nullable().optional() })).optional(),
  ineligibleFrom: FormShape.nullable().optional(),
  forms: z.object({ organization: LadderShape, person: LadderShape }).nullable().optional(),
  // An earlier audit is carried into the result, where the reports read each entry.
  audit: z.array(AuditEntryShape).optional(),
});

/** At most this many problems with a result are listed, then how many there were. */
const RESULT_ISSUES_SHOWN = 100;

// What a caller in plain JavaScript may give for the result that would fail deep inside, or be
// read wrong: every problem at its path under `result`, the first hundred.
function resultShapeIssues(result: unknown, lang: Lang): Issue[] {
  if (!isObject(result)) return [makeIssue('invalid-type', ['result'], { expected: 'object', received: typeName(result) }, lang)];
  const shape = DecidableResultSchema.safeParse(result, { reportInput: true });
  const issues = shape.success ? [] : fromZodIssues(shape.error.issues, ['result'], lang);
  if (shape.success && isObject(result['ineligibleFrom']) && result['people'] === undefined) issues.push(makeIssue('required', ['result', 'people'], { field: 'people' }, lang));
  if (shape.success) {
    // One decision would decide every finding of an id: a result lists each once.
    const first = new Map<string, number>();
    shape.data.findings.forEach((f, i) => {
      const seen = first.get(f.id);
      if (seen === undefined) first.set(f.id, i);
      else issues.push(makeIssue('duplicate-id', ['result', 'findings', i, 'id'], { id: f.id, first: `findings[${seen}]` }, lang));
    });
  }
  if (issues.length <= RESULT_ISSUES_SHOWN) return issues;
  return [...issues.slice(0, RESULT_ISSUES_SHOWN), makeIssue('too-many-issues', [], { shown: RESULT_ISSUES_SHOWN, count: issues.length }, lang)];
}

/**
 * Records people's decisions on proposed findings — confirm, waive, or change the form — and
 * returns the audited result: each decided finding carries its decision, `audit` lists every
 * decision in order, and eligibility is recomputed from what was decided (a waived finding no
 * longer bars anyone; a changed form counts at its new level). Findings left undecided stay
 * `proposed`. Bad decisions (an unknown finding, a second decision on one finding, a change
 * without a form or reason, a form not on the ladder, a field a decision does not have) are all
 * reported at once.
 *
 * Ladders given in `options.forms` replace the result's, and every severity is re-read on them:
 * with a lighter form added at the bottom, 诫勉 and everything above it move up one place together,
 * so a form below the line stays below it. A ladder that lacks the line's form or a finding's form
 * is refused. The text the result gains — a changed form's title, each eligibility reason — is in
 * the result's own language (`result.lang`), like every explanation already in it; `options.lang`
 * only sets the language of the problems reported.
 *
 * @throws {ValidationError} listing every problem with its path: subject `options` for options
 * {@link ApplyDecisionsOptions} refuses, else subject `decisions` (a result that is not an object
 * with a `findings` list is one too, at `result`, as is a form of the result missing from a ladder
 * given in the options).
 * @example
 * const final = applyDecisions(result, [
 *   { finding: result.findings[0]!.id, action: 'confirm', by: '局党委', at: '2023-01-20' },
 * ]);
 */
export function applyDecisions(result: AssessmentResult, decisions: readonly Decision[], options: ApplyDecisionsOptions = {}): AssessmentResult {
  const resultLang: Lang = typeof result === 'object' && result !== null && result.lang === 'en' ? 'en' : 'zh';
  try {
    checkOptions(ApplyDecisionsOptionsSchema, options);
  } catch (error) {
    // Options that name no language are answered in the result's, as everything else here is.
    const named = typeof options === 'object' && options !== null && (options as { lang?: unknown }).lang !== undefined;
    throw error instanceof ValidationError && !named && error.lang !== resultLang ? error.inLanguage(resultLang) : error;
  }
  // Problems are told in the options' language; what the result says stays in its own.
  const lang = options.lang ?? resultLang;
  const resultIssues = resultShapeIssues(result, lang);
  if (resultIssues.length > 0) throw new ValidationError('decisions', resultIssues, lang);
  if (!Array.isArray(decisions)) throw new ValidationError('decisions', [makeIssue('invalid-type', ['decisions'], { expected: 'array', received: typeName(decisions) }, lang)], lang);
  const issues = [...overrideIssues(result, options, lang), ...decisionIssues(result, decisions, (type) => ladderOf(result, type, options), lang)];
  if (issues.length > 0) throw new ValidationError('decisions', issues, lang);
  const byFinding = new Map(decisions.map((d) => [d.finding, d]));
  const audit: AuditEntry[] = [...(result.audit ?? [])];
  const findings = result.findings.map((proposed): Finding => {
    const finding = onLadderInForce(proposed, options);
    const d = byFinding.get(finding.id);
    if (!d) return finding;
    let form: FindingForm = finding.form;
    if (d.action === 'change') {
      // The form was checked to be on the ladder in force (check).
      const forms = ladderOf(result, finding.subject.type, options);
      form = formAt({ forms }, formIndex({ forms }, d.form), resultLang);
    }
    const status = d.action === 'confirm' ? 'confirmed' : d.action === 'waive' ? 'waived' : 'changed';
    return {
      ...finding,
      status,
      form,
      decision: { action: d.action, by: d.by, at: d.at, ...(d.reason !== undefined ? { reason: d.reason } : {}), ...(d.action === 'change' ? { form } : {}) },
    };
  });
  // The audit follows the order the decisions were given in, not the order of the findings.
  const decidedById = new Map(findings.map((f) => [f.id, f]));
  const proposedById = new Map(result.findings.map((f) => [f.id, f]));
  for (const d of decisions) {
    const before = proposedById.get(d.finding) as Finding;
    const after = decidedById.get(d.finding) as Finding;
    audit.push({ finding: d.finding, action: d.action, by: d.by, at: d.at, ...(d.reason !== undefined ? { reason: d.reason } : {}), from: before.form.id, to: d.action === 'waive' ? 'none' : after.form.id });
  }
  // The eligibility line on the person ladder in force, its text in the result's language.
  const line = result.ineligibleFrom && options.forms?.person ? placed(result.ineligibleFrom, options.forms.person) : result.ineligibleFrom;
  const eligibility = line ? eligibilityOf(findings, result.people, line, resultLang) : [];
  // The result now keeps the ladders it was decided on (a result without accountability stays without).
  const overridden = options.forms !== undefined && (options.forms.organization !== undefined || options.forms.person !== undefined);
  const forms = overridden && (result.forms != null || result.findings.length > 0) ? { organization: copyLadder(ladderOf(result, 'organization', options)), person: copyLadder(ladderOf(result, 'person', options)) } : result.forms;
  return { ...result, findings, eligibility, ineligibleFrom: line, forms, audit };
}
