import { z } from 'zod';
import { LIABILITY_LABELS, RESPONSIBILITY_KINDS, type AssessmentResult, type Finding, type Issue, type Lang, type Liability, type ResponsibilityKind, type RuleSet } from '../index.js';
import { checkFindingsArgument, kitLang } from './arguments.js';
import { didYouMean, kitIssue, listed, schemaIssues, throwIssues } from './issues.js';

/**
 * Which findings to pick. Every field given must match; a field the filter does not have is an
 * error, not a filter that matches everything.
 *
 * @example
 * const filter: FindingFilter = { subject: 'p4', rule: 'serious-case', liability: 'direct', form: 'admonishment' };
 */
export interface FindingFilter {
  /** The id of the organization or person the finding is about. */
  readonly subject?: string;
  /** The finding's `liability`: `overall-leadership`, `principal-leadership`, `important-leadership` or `direct`. */
  readonly liability?: Liability;
  /** The finding's `basis`: the responsibility it rests on (`first`, `dual`, `supervision`…) or `direct`. */
  readonly basis?: ResponsibilityKind | 'direct';
  /** Either of the two: the liability or the basis. */
  readonly kind?: Liability | ResponsibilityKind | 'direct';
  /** The proposed form's id (`admonishment`) or title, in Chinese or English (`诫勉`, `admonishment`). */
  readonly form?: string;
  /** The accountability rule's id. */
  readonly rule?: string;
  /** The id of the subject that set the rule off. */
  readonly trigger?: string;
  readonly status?: Finding['status'];
}

const LIABILITIES = Object.keys(LIABILITY_LABELS) as Liability[];
const BASES: readonly (ResponsibilityKind | 'direct')[] = [...RESPONSIBILITY_KINDS, 'direct'];
const KINDS = [...new Set<string>([...LIABILITIES, ...BASES])];

const FindingFilterSchema = z.strictObject({
  subject: z.string().optional(),
  liability: z.enum(LIABILITIES as [Liability, ...Liability[]]).optional(),
  basis: z.enum(BASES as [string, ...string[]]).optional(),
  kind: z.enum(KINDS as [string, ...string[]]).optional(),
  form: z.string().optional(),
  rule: z.string().optional(),
  trigger: z.string().optional(),
  status: z.enum(['proposed', 'confirmed', 'waived', 'changed']).optional(),
});

/**
 * What a filter's ids are checked against: the subjects there are, the rules and the forms of
 * the rule set (each left out when not known, as for a result without its rule set).
 *
 * @example
 * const known: FindingContext = { subjects: new Set(['b1', 'p4']), rules: new Set(['derelict']) };
 */
export interface FindingContext {
  readonly subjects: ReadonlySet<string>;
  readonly rules?: ReadonlySet<string>;
  readonly forms?: readonly { readonly id: string; readonly title: string; readonly titleEn?: string | undefined }[];
}

/**
 * What a filter's ids are checked against for a scenario's result, or a result alone: the
 * graph's subjects (else the result's), the rule set's rules (with the supervision rule) when
 * the rule set is known, and the forms in force.
 *
 * @example
 * findingContext(s.result, { rules: s.rules, subjects: [...s.graph.organizations.keys(), ...s.graph.people.keys()] });
 */
export function findingContext(result: Partial<Pick<AssessmentResult, 'findings' | 'forms'>> & { readonly organizations: readonly { id: string }[]; readonly people: readonly { id: string }[] }, known: { readonly rules?: RuleSet; readonly subjects?: Iterable<string> } = {}): FindingContext {
  const subjects = new Set<string>(known.subjects ?? [...result.organizations, ...result.people].map((s) => s.id));
  if (known.subjects === undefined) for (const f of result.findings ?? []) subjects.add(f.subject.id).add(f.trigger.subject.id);
  const section = known.rules?.accountability;
  const rules = known.rules === undefined ? undefined : new Set([...(section?.rules ?? []).map((r) => r.id), ...(section?.supervision ? [section.supervision.id] : [])]);
  const forms = result.forms === undefined ? undefined : result.forms === null ? [] : [...result.forms.organization, ...result.forms.person];
  return { subjects, ...(rules ? { rules } : {}), ...(forms ? { forms } : {}) };
}

function idIssues(filter: FindingFilter, known: FindingContext, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  for (const field of ['subject', 'trigger'] as const) {
    const id = filter[field];
    if (id !== undefined && !known.subjects.has(id)) {
      issues.push(kitIssue('no-subject-id', [field], { id, hint: didYouMean(id, known.subjects, lang), have: listed(known.subjects) }, lang));
    }
  }
  if (filter.rule !== undefined && known.rules && !known.rules.has(filter.rule)) {
    issues.push(kitIssue('no-rule', ['rule'], { id: filter.rule, hint: didYouMean(filter.rule, known.rules, lang), have: listed(known.rules) }, lang));
  }
  if (filter.form !== undefined && known.forms && formIds(filter.form, known.forms).size === 0) {
    const names = known.forms.flatMap((f) => [f.id, ...titlesOf(f)]);
    const have = listed(new Set(known.forms.map((f) => (lang === 'zh' ? `${f.id}（${titlesOf(f).join(' / ')}）` : `${f.id} (${titlesOf(f).join(' / ')})`))));
    issues.push(kitIssue('no-form', ['form'], { value: filter.form, hint: didYouMean(filter.form, names, lang), have }, lang));
  }
  return issues;
}

type Form = NonNullable<FindingContext['forms']>[number];

const titlesOf = (form: Form): string[] => [form.title, ...(form.titleEn !== undefined ? [form.titleEn] : [])];

function formIds(form: string, forms: readonly Form[]): Set<string> {
  return new Set(forms.filter((f) => f.id === form || f.title === form || f.titleEn === form).map((f) => f.id));
}

/**
 * The findings matching a filter, in result order, after checking the filter: a field it does
 * not have (`liabilty`), or a value outside a field's choices, is a `ValidationError` (subject
 * `query`) listing every problem and the fields there are — not a filter that matches everything.
 *
 * @throws {ValidationError} naming each problem.
 * @example
 * filterFindings(result.findings, { rule: 'derelict' }).map((f) => f.subject.id);
 * filterFindings(result.findings, { subject: 'p1', liability: 'direct' }, 'en');
 */
export function filterFindings(findings: readonly Finding[], filter: FindingFilter = {}, lang: Lang = 'zh'): Finding[] {
  const language = kitLang(lang);
  checkFindingsArgument(findings, language);
  return selectFindings(findings, filter, language);
}

/**
 * {@link filterFindings}, with the ids checked too when `known` is given: a subject, rule or
 * form that does not exist is an error — a filter that can match nothing would make `.not`
 * pass whatever the result. A form is matched by id or by title in either language.
 *
 * @throws {ValidationError} naming each problem and what there is.
 * @example
 * selectFindings(s.result.findings, { subject: 'p-4' }, 'zh', scenarioFindingContext(s)); // throws: no p-4 (did you mean p4?)
 */
export function selectFindings(findings: readonly Finding[], filter: FindingFilter, lang: Lang, known?: FindingContext): Finding[] {
  const issues = schemaIssues(FindingFilterSchema, filter, [], lang);
  throwIssues('query', issues.length === 0 && known ? idIssues(filter, known, lang) : issues, lang);
  // Past the check, a form named with forms known is one of them: matched by id or by either title.
  const forms = filter.form !== undefined && known?.forms ? formIds(filter.form, known.forms) : undefined;
  return findings.filter(
    (f) =>
      (filter.subject === undefined || f.subject.id === filter.subject) &&
      (filter.liability === undefined || f.liability === filter.liability) &&
      (filter.basis === undefined || f.basis === filter.basis) &&
      (filter.kind === undefined || f.liability === filter.kind || f.basis === filter.kind) &&
      (filter.form === undefined || (forms ? forms.has(f.form.id) : f.form.id === filter.form || f.form.title === filter.form)) &&
      (filter.rule === undefined || f.rule === filter.rule) &&
      (filter.trigger === undefined || f.trigger.subject.id === filter.trigger) &&
      (filter.status === undefined || f.status === filter.status),
  );
}
