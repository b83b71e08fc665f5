import { formatCalendarDate } from '../core/calendar.js';
import { joinText } from '../core/explain.js';
import { byCodeUnit } from '../core/order.js';
import type { Lang } from '../core/lang.js';
import { formatMessage, type MessageParams } from '../core/messages.js';
import type { ScoredRun } from '../engine/assess.js';
import type { SubjectResult, Warning } from '../engine/result.js';
import type { Graph } from '../graph/types.js';
import type { AccountabilityRule, Reach } from '../model/accountability.js';
import { RESPONSIBILITY_LABELS } from '../model/responsibility.js';
import { organizationWaiverWarnings, otherCaseWarnings } from './circumstance-warnings.js';
import { caseOrganizations, circumstanceClauses, circumstancesOf, circumstanceTypes, namedIds, recordTitles, unknownRuleWarnings, waiverOf } from './circumstances.js';
import { formAt, formIndex, formLadders } from './forms.js';
import { keyOf, previousHitsOf } from './hits.js';
import { pressureOf, supervisionFindings } from './pressure.js';
import { reachOf, type ReachedSubject } from './reach.js';
import { indexRetained } from './retained-index.js';
import { evaluateTrigger, type TriggerHit } from './triggers.js';
import { LIABILITY_LABELS, type Liability, type AssessmentResult, type Eligibility, type Finding, type FindingForm, type FindingSubject, type RuleHit } from './types.js';

function subjectOf(graph: Graph, type: 'organization' | 'person', id: string): FindingSubject {
  const name = (type === 'organization' ? graph.organizations.get(id)?.name : graph.people.get(id)?.name) ?? id;
  return { type, id, name };
}

/** What an explanation reads beside the finding: the hit, the records' titles, a vacant secretary post. */
interface ExplainContext {
  readonly hit: TriggerHit;
  readonly titles: (ids: readonly string[]) => readonly string[];
  /** The organization whose secretary post is vacant, when a presiding deputy secretary was reached as its secretary. */
  readonly vacantAt?: string | undefined;
}

function explain({ hit, titles, vacantAt }: ExplainContext, finding: Omit<Finding, 'explanation'>, lang: Lang): string {
  const say = (code: string, params: MessageParams = {}): string => formatMessage(code, params, lang);
  const basis = finding.basis === 'direct' ? say('finding-basis-direct') : RESPONSIBILITY_LABELS[finding.basis][lang];
  const parts = [say('finding-trigger', { rule: finding.ruleTitle, subject: hit.subject.name, explanation: hit.explanation[lang] })];
  if (vacantAt !== undefined) parts.push(say('finding-secretary-vacant', { organization: vacantAt, subject: finding.subject.name }));
  parts.push(say('finding-proposal', { subject: finding.subject.name, liability: LIABILITY_LABELS[finding.liability][lang], basis, form: finding.form.title }));
  parts.push(...circumstanceClauses(finding.circumstances, lang, titles));
  if (finding.waiver) parts.push(say('finding-waiver', { title: finding.waiver.title }));
  return joinText(parts, 'clause', lang);
}

/** Repeat rules read the hits of the rule they repeat: evaluate every rule after the one it names. */
function evaluationOrder(rules: readonly AccountabilityRule[]): AccountabilityRule[] {
  const done = new Set<string>();
  const order: AccountabilityRule[] = [];
  while (order.length < rules.length) {
    const before = order.length;
    for (const rule of rules) {
      if (done.has(rule.id)) continue;
      const needs = rule.trigger.type === 'repeat' ? rule.trigger.rule : undefined;
      if (needs === undefined || done.has(needs) || !rules.some((r) => r.id === needs)) {
        done.add(rule.id);
        order.push(rule);
      }
    }
    // A repeat cycle is refused when the rule set is parsed (repeat-cycle); should one get here,
    // take the rest as listed rather than stall.
    if (order.length === before) order.push(...rules.filter((r) => !done.has(r.id)));
  }
  return order;
}

/** At most this many rules are named by title in the warning about provisional hits. */
const RULES_NAMED = 10;

const LIABILITY_RANK: Readonly<Record<Liability, number>> = { direct: 4, 'principal-leadership': 3, 'important-leadership': 2, 'overall-leadership': 1 };
const BASIS_RANK: Readonly<Record<string, number>> = { direct: 6, first: 5, dual: 4, principal: 3, liaison: 2, supervision: 1 };

/**
 * Everyone a rule reaches for one hit, each once, in the heaviest capacity they are reached in
 * (direct, then principal, important, overall leadership; on a tie 第一责任 before 一岗双责 before
 * 主体责任, 包抓包联 and 一级抓一级) — so the order of the reach steps never changes the outcome.
 * In order of first reach.
 */
function strongestReach(graph: Graph, rule: AccountabilityRule, hit: TriggerHit): { target: ReachedSubject; reach: Reach }[] {
  const best = new Map<string, { target: ReachedSubject; reach: Reach }>();
  for (const reach of rule.reach) {
    for (const target of reachOf(graph, reach, hit)) {
      const key = keyOf(target);
      const current = best.get(key);
      const stronger =
        !current ||
        LIABILITY_RANK[target.liability] > LIABILITY_RANK[current.target.liability] ||
        (target.liability === current.target.liability && (BASIS_RANK[target.basis] ?? 0) > (BASIS_RANK[current.target.basis] ?? 0));
      if (stronger) best.set(key, { target, reach });
    }
  }
  return [...best.values()];
}

/**
 * Proposes accountability findings from a scored run: evaluates each rule's trigger, follows its
 * reach along the responsibility chain, sets the form from the rule and moves it for a repeat
 * (+1), aggravating (+1) and mitigating (−1) circumstances within the ladder, records Art. 17
 * waiver grounds without dropping the finding — a person's circumstance or waiver record that
 * names an organization only for the case there (see `caseOrganizations`), one that names none
 * for all their findings under its rule; a record that so applies to none of them, and a waiver
 * for an organization (Art. 17 waives people), are warned of — then adds supervision findings,
 * eligibility and pressure. Every finding is `proposed`. Every subject a rule set off is kept in `hits`, with how
 * many findings it gave: repeats next period, supervision and pressure read those, not the
 * findings, so a subject the rule reached nobody from still counts. While the period is still
 * running at `asOf`, a hit that may yet change (see {@link evaluateTrigger}) gives no finding: it
 * is kept in `hits` as `provisional`, with its explanation, is not counted by supervision,
 * pressure or next period's repeats, and a warning (`warning-findings-provisional`) says how many
 * there are. The run's warnings come back with those about the records the rules read added.
 *
 * @example
 * const { findings, hits } = proposeFindings(run, previous, 'zh');
 */
export function proposeFindings(run: ScoredRun, previous: AssessmentResult | undefined, lang: Lang): Pick<AssessmentResult, 'findings' | 'hits' | 'eligibility' | 'pressure' | 'ineligibleFrom' | 'forms' | 'warnings'> {
  const { plan, result } = run;
  const retained = indexRetained(run.retained);
  const section = plan.rules.accountability;
  if (!section) return { findings: [], hits: [], eligibility: [], pressure: [], ineligibleFrom: null, forms: null, warnings: result.warnings };
  const types = circumstanceTypes(section);
  const ladders = formLadders(section);
  const previousHits = previousHitsOf(previous);
  const previousFindings = new Set<string>();
  // A finding waived last period (问责条例 Art. 17: not held accountable) makes nothing heavier now.
  for (const f of previous?.findings ?? []) if (f.status !== 'waived') previousFindings.add(`${f.rule}\u0000${keyOf(f.subject)}`);
  // A circumstance or waiver record naming an organization belongs to the case there (`at`).
  const moved = (subject: FindingSubject, rule: string, base: number, last: number, at?: ReadonlySet<string>): ReturnType<typeof circumstancesOf> =>
    circumstancesOf(types, retained, subject, rule, previousFindings.has(`${rule}\u0000${keyOf(subject)}`), base, last, at);
  const titles = recordTitles(retained, plan.rules.recordTypes, lang);
  const warnings: Warning[] = [];
  const warn = (code: string, params: MessageParams): void => {
    warnings.push({ code, params, message: formatMessage(code, params, lang) });
  };
  const currentHits = new Map<string, TriggerHit[]>();
  for (const rule of evaluationOrder(section.rules)) currentHits.set(rule.id, evaluateTrigger(rule, { plan, result, retained, previousHits, currentHits, lang, warn }));

  const findings: Finding[] = [];
  const hits: RuleHit[] = [];
  // A hit that gave no finding because the period is still running, kept with what a finding's
  // trigger would have said of it.
  const early = (rule: string, ruleTitle: string, subject: FindingSubject, trigger: Pick<Finding['trigger'], 'indicators' | 'recordIds'>, explanation: string): RuleHit =>
    ({ rule, subject, reached: 0, provisional: true, ruleTitle, indicators: trigger.indicators, recordIds: trigger.recordIds, explanation });
  for (const rule of section.rules) {
    const ruleTitle = lang === 'en' && rule.titleEn !== undefined ? rule.titleEn : rule.title;
    for (const hit of currentHits.get(rule.id) ?? []) {
      if (hit.provisional) {
        // The period is still running and the hit may yet go away: no finding is proposed from
        // it, and it is kept with its reason, so that a mid-period check shows what would be.
        hits.push(early(rule.id, ruleTitle, hit.subject, hit, hit.explanation[lang]));
        continue;
      }
      const before = findings.length;
      const at = caseOrganizations(plan.graph, retained, hit);
      for (const { target, reach } of strongestReach(plan.graph, rule, hit)) {
        const id = `${rule.id}:${hit.subject.type[0]}:${hit.subject.id}>${target.type[0]}:${target.id}`;
        const ladder = ladders[target.type];
        const base = Math.max(0, formIndex(ladder, reach.form?.[target.type] ?? rule.form?.[target.type]));
        const subject = subjectOf(plan.graph, target.type, target.id);
        const { circumstances, index } = moved(subject, rule.id, base, ladder.forms.length - 1, at);
        const waiver = target.type === 'person' ? waiverOf(types, retained, subject, rule.id, lang, at) : undefined;
        // Made with its explanation's place, filled once the rest is known: a copy made by
        // `{ ...draft, explanation }` would get a hidden class of its own on Node 20 (see
        // SubjectDraft in engine/evaluate-subjects.ts).
        const finding: Finding = {
          id,
          rule: rule.id,
          ruleTitle,
          status: 'proposed',
          subject,
          liability: target.liability,
          basis: target.basis,
          form: formAt(ladder, index, lang),
          baseForm: formAt(ladder, base, lang),
          circumstances,
          ...(waiver ? { waiver } : {}),
          trigger: { type: rule.trigger.type, subject: hit.subject, indicators: hit.indicators, recordIds: hit.recordIds },
          path: target.path,
          explanation: '',
        };
        const vacantAt = target.presiding === undefined ? undefined : (plan.graph.organizations.get(target.presiding)?.name ?? target.presiding);
        (finding as { explanation: string }).explanation = explain({ hit, titles, vacantAt }, finding, lang);
        findings.push(finding);
      }
      hits.push({ rule: rule.id, subject: hit.subject, reached: findings.length - before });
    }
  }
  // Supervision and pressure count what set a rule off for certain: not provisional hits.
  const settled = hits.some((h) => h.provisional) ? hits.filter((h) => !h.provisional) : hits;
  const supervise = (from: readonly RuleHit[]): ReturnType<typeof supervisionFindings> =>
    supervisionFindings(plan.graph, section, from, ladders.organization, lang, (subject, rule, base) => moved(subject, rule, base, ladders.organization.forms.length - 1), titles);
  const supervision = supervise(settled);
  findings.push(...supervision.findings);
  hits.push(...supervision.hits);
  if (settled !== hits) {
    settled.push(...supervision.hits);
    // What supervision would add if the provisional hits stood at the period's end: early warnings too.
    const proposed = new Set(supervision.findings.map((f) => keyOf(f.subject)));
    for (const f of supervise(hits.filter((h) => h.rule !== section.supervision?.id)).findings) {
      if (!proposed.has(keyOf(f.subject))) hits.push(early(f.rule, f.ruleTitle, f.subject, f.trigger, f.explanation));
    }
  }
  // Hits are in rule order, supervision last: their rules in that order.
  const held = hits.filter((h) => h.provisional);
  if (held.length > 0) {
    const rules = [...new Set(held.map((h) => h.rule))];
    // Named by their titles in the result's language, as the findings name them; `rules` keeps the ids.
    const titleOf = new Map(held.map((h) => [h.rule, h.ruleTitle ?? h.rule]));
    const named = rules.slice(0, RULES_NAMED).map((id) => formatMessage('accountability-rule-named', { title: titleOf.get(id) ?? id }, lang));
    const titled = joinText(rules.length > RULES_NAMED ? [...named, '…'] : named, 'list', lang);
    warn('warning-findings-provisional', { count: held.length, rules: namedIds(rules), titles: titled, asOf: formatCalendarDate(plan.context.asOf), end: formatCalendarDate(plan.period.end) });
  }
  // A custom ladder without 诫勉 and no ineligibleFrom sets no line: nobody is barred.
  const lineIndex = formIndex(ladders.person, section.ineligibleFrom ?? 'admonishment');
  const line = lineIndex < 0 ? null : formAt(ladders.person, lineIndex, lang);
  const known = new Set([...section.rules.map((r) => r.id), ...(section.supervision ? [section.supervision.id] : [])]);
  return {
    findings,
    hits,
    eligibility: line ? eligibilityOf(findings, result.people, line, lang) : [],
    pressure: pressureOf(plan.graph, settled),
    ineligibleFrom: line,
    forms: { organization: [...ladders.organization.forms], person: [...ladders.person.forms] },
    warnings: [
      ...result.warnings,
      ...warnings,
      ...unknownRuleWarnings(types, retained.all, known, lang),
      ...organizationWaiverWarnings(types, retained.all, lang),
      ...otherCaseWarnings(types, retained.all, findings, lang),
    ],
  };
}

/**
 * People not eligible for the top grade or awards (评优评先) because of a finding at or above the
 * line (default 诫勉). Waived findings do not count; proposed ones do, pending decision.
 *
 * @example
 * eligibilityOf(findings, result.people, line, 'zh').map((e) => e.person);
 */
export function eligibilityOf(findings: readonly Finding[], people: readonly SubjectResult[], line: FindingForm, lang: Lang): Eligibility[] {
  const byPerson = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.subject.type !== 'person' || f.status === 'waived' || f.form.severity < line.severity) continue;
    const list = byPerson.get(f.subject.id) ?? [];
    list.push(f);
    byPerson.set(f.subject.id, list);
  }
  const subjects = new Map(people.map((p) => [p.id, p]));
  return [...byPerson.entries()]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([person, list]) => {
      const forms = joinText([...new Set(list.map((f) => f.form.title))], 'list', lang);
      return {
        person,
        name: list[0]?.subject.name ?? person,
        eligible: false as const,
        findings: list.map((f) => f.id),
        holdsTopGrade: subjects.get(person)?.grade?.rank === 1,
        reason: formatMessage('finding-ineligible', { forms, line: line.title }, lang),
      };
    });
}
