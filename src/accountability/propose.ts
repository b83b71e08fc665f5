import { joinText } from '../core/explain.js';
import type { Lang } from '../core/lang.js';
import { formatMessage, type MessageParams } from '../core/messages.js';
import type { ScoredRun } from '../engine/assess.js';
import type { SubjectResult } from '../engine/result.js';
import type { Graph } from '../graph/types.js';
import { WAIVER_REASONS, type Accountability, type AccountabilityRule, type Reach } from '../model/accountability.js';
import type { EvidenceRecord } from '../model/record.js';
import { RESPONSIBILITY_LABELS } from '../model/responsibility.js';
import { formAt, formIndex, formLadders } from './forms.js';
import { pressureOf, supervisionFindings } from './pressure.js';
import { reachOf, type ReachedSubject } from './reach.js';
import { indexRetained, type RetainedIndex } from './retained-index.js';
import { evaluateTrigger, type TriggerHit } from './triggers.js';
import { LIABILITY_LABELS, type Liability, type AssessmentResult, type Circumstance, type Eligibility, type Finding, type FindingForm, type FindingSubject } from './types.js';

const keyOf = (s: { type: string; id: string }): string => `${s.type}\u0000${s.id}`;

function subjectOf(graph: Graph, type: 'organization' | 'person', id: string): FindingSubject {
  const name = (type === 'organization' ? graph.organizations.get(id)?.name : graph.people.get(id)?.name) ?? id;
  return { type, id, name };
}

/** Records of some types naming a subject, for this rule or for every rule (no `rule` attribute). */
function recordsNaming(retained: RetainedIndex, types: ReadonlySet<string>, subject: { type: string; id: string }, rule: string): EvidenceRecord[] {
  const candidates = subject.type === 'person' ? retained.byPerson(subject.id) : retained.byOrganization(subject.id).filter((r) => r.person === undefined);
  return candidates.filter((r) => {
    if (!types.has(r.type)) return false;
    const forRule = r.attributes.get('rule');
    return forRule === undefined || forRule === null || forRule === rule;
  });
}

interface Settings {
  readonly section: Accountability;
  readonly aggravating: ReadonlySet<string>;
  readonly mitigating: ReadonlySet<string>;
  readonly waiver: ReadonlySet<string>;
}

function circumstancesOf(settings: Settings, retained: RetainedIndex, subject: FindingSubject, rule: string, repeated: boolean, start: number, last: number): { circumstances: Circumstance[]; index: number } {
  const moves: { kind: Circumstance['kind']; step: 1 | -1; recordIds: string[] }[] = [];
  if (repeated) moves.push({ kind: 'repeat', step: 1, recordIds: [] });
  const heavier = recordsNaming(retained, settings.aggravating, subject, rule);
  if (heavier.length > 0) moves.push({ kind: 'aggravating', step: 1, recordIds: heavier.map((r) => r.id) });
  const lighter = recordsNaming(retained, settings.mitigating, subject, rule);
  if (lighter.length > 0) moves.push({ kind: 'mitigating', step: -1, recordIds: lighter.map((r) => r.id) });
  // The moves add up first and the ladder's ends cut the sum once: a heavier and a lighter
  // circumstance cancel wherever the form stands, at the ends too.
  const wanted = start + moves.reduce((sum, m) => sum + m.step, 0);
  const index = Math.min(last, Math.max(0, wanted));
  const clamped = wanted !== index;
  return { circumstances: moves.map((m) => ({ ...m, clamped: clamped && Math.sign(wanted - index) === m.step })), index };
}

function waiverOf(settings: Settings, retained: RetainedIndex, subject: FindingSubject, rule: string, lang: Lang): Finding['waiver'] {
  const records = recordsNaming(retained, settings.waiver, subject, rule);
  if (records.length === 0) return undefined;
  const given = records[0]?.attributes.get('reason');
  // A record without a reason keeps the id `unspecified`, titled in the result's language.
  if (given === undefined || given === null) return { reason: 'unspecified', title: formatMessage('waiver-reason-unspecified', {}, lang), recordIds: records.map((r) => r.id) };
  const reason = String(given);
  const known = WAIVER_REASONS.find((w) => w.id === reason);
  return { reason, title: known ? (lang === 'en' ? known.titleEn : known.title) : reason, recordIds: records.map((r) => r.id) };
}

const CIRCUMSTANCE_CODES: Readonly<Record<Circumstance['kind'], string>> = {
  repeat: 'finding-circumstance-repeat',
  aggravating: 'finding-circumstance-aggravating',
  mitigating: 'finding-circumstance-mitigating',
};

function explain(rule: AccountabilityRule, hit: TriggerHit, finding: Omit<Finding, 'explanation'>, lang: Lang): string {
  const say = (code: string, params: MessageParams = {}): string => formatMessage(code, params, lang);
  const basis = finding.basis === 'direct' ? say('finding-basis-direct') : RESPONSIBILITY_LABELS[finding.basis][lang];
  const ruleTitle = lang === 'en' ? (rule.titleEn ?? rule.title) : rule.title;
  const parts = [
    say('finding-trigger', { rule: ruleTitle, subject: hit.subject.name, explanation: hit.explanation[lang] }),
    say('finding-proposal', { subject: finding.subject.name, liability: LIABILITY_LABELS[finding.liability][lang], basis, form: finding.form.title }),
  ];
  for (const c of finding.circumstances) {
    const move = c.clamped ? 'finding-circumstance-clamped' : c.step > 0 ? 'finding-circumstance-heavier' : 'finding-circumstance-lighter';
    parts.push(`${say(CIRCUMSTANCE_CODES[c.kind])}${say(move)}`);
  }
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
 * waiver grounds without dropping the finding, then adds supervision findings, eligibility and
 * pressure. Every finding is `proposed`.
 */
export function proposeFindings(run: ScoredRun, previous: AssessmentResult | undefined, lang: Lang): Pick<AssessmentResult, 'findings' | 'eligibility' | 'pressure' | 'ineligibleFrom' | 'forms'> {
  const { plan, result } = run;
  const retained = indexRetained(run.retained);
  const section = plan.rules.accountability;
  if (!section) return { findings: [], eligibility: [], pressure: [], ineligibleFrom: null, forms: null };
  const settings: Settings = {
    section,
    aggravating: new Set(section.circumstances?.aggravating ?? ['aggravating-circumstance']),
    mitigating: new Set(section.circumstances?.mitigating ?? ['prompt-remedy']),
    waiver: new Set(section.circumstances?.waiver ?? ['accountability-waiver']),
  };
  const ladders = formLadders(section);
  const previousHits = new Map<string, Set<string>>();
  const previousFindings = new Set<string>();
  for (const f of previous?.findings ?? []) {
    const hits = previousHits.get(f.rule) ?? new Set<string>();
    hits.add(keyOf(f.trigger.subject));
    previousHits.set(f.rule, hits);
    previousFindings.add(`${f.rule}\u0000${keyOf(f.subject)}`);
  }
  const currentHits = new Map<string, TriggerHit[]>();
  for (const rule of evaluationOrder(section.rules)) currentHits.set(rule.id, evaluateTrigger(rule, { plan, result, retained, previousHits, currentHits, lang }));

  const findings: Finding[] = [];
  for (const rule of section.rules) {
    for (const hit of currentHits.get(rule.id) ?? []) {
      for (const { target, reach } of strongestReach(plan.graph, rule, hit)) {
        const id = `${rule.id}:${hit.subject.type[0]}:${hit.subject.id}>${target.type[0]}:${target.id}`;
        const ladder = ladders[target.type];
        const base = Math.max(0, formIndex(ladder, reach.form?.[target.type] ?? rule.form?.[target.type]));
        const subject = subjectOf(plan.graph, target.type, target.id);
        const repeated = previousFindings.has(`${rule.id}\u0000${keyOf(subject)}`);
        const { circumstances, index } = circumstancesOf(settings, retained, subject, rule.id, repeated, base, ladder.forms.length - 1);
        const waiver = target.type === 'person' ? waiverOf(settings, retained, subject, rule.id, lang) : undefined;
        // Made with its explanation's place, filled once the rest is known: a copy made by
        // `{ ...draft, explanation }` would get a hidden class of its own on Node 20 (see
        // SubjectDraft in engine/evaluate-subjects.ts).
        const finding: Finding = {
          id,
          rule: rule.id,
          ruleTitle: lang === 'en' && rule.titleEn !== undefined ? rule.titleEn : rule.title,
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
        (finding as { explanation: string }).explanation = explain(rule, hit, finding, lang);
        findings.push(finding);
      }
    }
  }
  findings.push(...supervisionFindings(plan.graph, section, findings, ladders.organization, lang));
  // A custom ladder without 诫勉 and no ineligibleFrom sets no line: nobody is barred.
  const lineIndex = formIndex(ladders.person, section.ineligibleFrom ?? 'admonishment');
  const line = lineIndex < 0 ? null : formAt(ladders.person, lineIndex, lang);
  return {
    findings,
    eligibility: line ? eligibilityOf(findings, result.people, line, lang) : [],
    pressure: pressureOf(plan.graph, findings),
    ineligibleFrom: line,
    forms: { organization: [...ladders.organization.forms], person: [...ladders.person.forms] },
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
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
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
