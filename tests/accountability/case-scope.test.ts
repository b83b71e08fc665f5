// 问责条例 Arts. 17–19: grounds to waive (免责), lighten (减轻) or make heavier (加重) belong to one
// act in one case. A person's circumstance or waiver record that names an organization applies only
// to the findings whose case is at that organization; one that names none, to all the person's
// findings under its rule. A waiver for an organization (no person) applies to nothing and is
// warned of. Graph: helpers.ts — p-tm (张委员, team member of cm) oversees b1 and b2.
//
// Two cases: c1 vetoes b1, c2 vetoes b2. Rule `serious` reaches the overseer at 通报批评
// (circulated-criticism, place 2 of 0..5), so p-tm has two findings, one per case:
//   serious:o:b1>p:p-tm and serious:o:b2>p:p-tm.
import { describe, expect, it } from 'vitest';
import { caseOrganizations } from '../../src/accountability/circumstances.js';
import { indexRetained } from '../../src/accountability/retained-index.js';
import { parseGraph, type RecordInput } from '../../src/index.js';
import type { EvidenceRecord } from '../../src/model/record.js';
import { finding, graphInput, ind, prec, rec, rule, ruleSet, run } from './helpers.js';

const veto = ind({ id: 'case', veto: { recordTypes: ['case'] } });
const rules = [
  rule('serious', { type: 'veto' }, [{ to: 'overseer', form: { person: 'circulated-criticism' } }]),
  // An incident recorded on a person alone: the hit is on the person, the case at their seat.
  rule('inc', { type: 'incident', recordTypes: ['inc'] }, [{ to: 'self', form: { person: 'written-inspection' } }]),
];
const CASES: RecordInput[] = [rec('c1', 'case', 'b1', '2022-05-01'), rec('c2', 'case', 'b2', '2022-06-01')];
const B1 = 'serious:o:b1>p:p-tm';
const B2 = 'serious:o:b2>p:p-tm';

/** A circumstance or waiver record of p-tm for `serious`, at `organization` when given. */
const of = (id: string, type: string, organization: string | undefined, attributes: Record<string, string> = {}): RecordInput =>
  prec(id, type, 'p-tm', '2022-09-01', { attributes: { rule: 'serious', ...attributes }, ...(organization === undefined ? {} : { organization }) });
const assessWith = (...records: RecordInput[]) => run(ruleSet([veto], { rules }), [...CASES, ...records]);
const formsOf = (result: ReturnType<typeof run>): string[] => [finding(result, B1).form.id, finding(result, B2).form.id];
const otherCase = (result: ReturnType<typeof run>) => result.warnings.filter((w) => w.code === 'warning-circumstance-other-case');

describe('a record naming an organization applies to the case there only', () => {
  it('a waiver filed for the case at b1: only that finding carries it', () => {
    const result = assessWith(of('w', 'accountability-waiver', 'b1', { reason: 'force-majeure' }));
    expect(finding(result, B1).waiver?.recordIds).toEqual(['w']);
    expect(finding(result, B2).waiver).toBeUndefined();
    expect(finding(result, B2).explanation).not.toContain('免予问责');
    expect(otherCase(result)).toEqual([]);
  });

  it('a mitigating record at b1: 通报批评 − 1 = 责令书面检查 at b1; b2 stays 通报批评', () => {
    const result = assessWith(of('m', 'prompt-remedy', 'b1'));
    expect(formsOf(result)).toEqual(['written-inspection', 'circulated-criticism']);
    expect(finding(result, B1).circumstances).toEqual([{ kind: 'mitigating', step: -1, recordIds: ['m'], clamped: false }]);
    expect(finding(result, B2).circumstances).toEqual([]);
  });

  it('an aggravating record at b2: 通报批评 + 1 = 诫勉 at b2; b1 stays 通报批评', () => {
    const result = assessWith(of('a', 'aggravating-circumstance', 'b2'));
    expect(formsOf(result)).toEqual(['circulated-criticism', 'admonishment']);
    expect(finding(result, B1).circumstances).toEqual([]);
  });

  it('records for both cases: each finding moves for its own', () => {
    const result = assessWith(of('m', 'prompt-remedy', 'b1'), of('a', 'aggravating-circumstance', 'b2'));
    expect(formsOf(result)).toEqual(['written-inspection', 'admonishment']);
  });
});

describe('a record naming no organization applies to every case of the person under its rule', () => {
  it('waiver, mitigating and aggravating alike', () => {
    const waived = assessWith(of('w', 'accountability-waiver', undefined, { reason: 'reform-trial' }));
    expect([finding(waived, B1).waiver?.recordIds, finding(waived, B2).waiver?.recordIds]).toEqual([['w'], ['w']]);
    expect(formsOf(assessWith(of('m', 'prompt-remedy', undefined)))).toEqual(['written-inspection', 'written-inspection']);
    expect(formsOf(assessWith(of('a', 'aggravating-circumstance', undefined)))).toEqual(['admonishment', 'admonishment']);
  });
});

describe('a record naming an organization where no case of the person is', () => {
  it('applies to nothing, and is warned of with its records, in either language', () => {
    // cm is where p-tm sits, not where either case is.
    const records = [of('w', 'accountability-waiver', 'cm', { reason: 'force-majeure' }), of('m', 'prompt-remedy', 'cm')];
    const result = assessWith(...records);
    expect(formsOf(result)).toEqual(['circulated-criticism', 'circulated-criticism']);
    expect([finding(result, B1).waiver, finding(result, B2).waiver]).toEqual([undefined, undefined]);
    expect(otherCase(result)).toEqual([
      {
        code: 'warning-circumstance-other-case',
        params: { count: 2, records: 'm, w' },
        message:
          '2条情节或免责记录写明的党组织不是该人员被提出问责的案件所在的党组织，未计入（记录 m, w）：写了 organization 的，只对在该党组织的案件生效；对该人员在该规则下的所有问责建议生效的，不写 organization',
      },
    ]);
    const en = run(ruleSet([veto], { rules }), [...CASES, ...records], { lang: 'en' });
    expect(otherCase(en)[0]?.message).toBe(
      "2 circumstance or waiver record(s) name an organization where none of the person's cases under the rule is, and were not applied (records m, w): a record naming an organization applies to the cases at that organization; to apply to all the person's findings under the rule, name no organization",
    );
  });

  it('is not warned of when the person has no finding under its rule (nothing it could apply to)', () => {
    // p-b3-sec has no finding at all.
    const result = assessWith(prec('x', 'prompt-remedy', 'p-b3-sec', '2022-09-01', { organization: 'b1', attributes: { rule: 'serious' } }));
    expect(otherCase(result)).toEqual([]);
  });
});

describe('a trigger on a person: the case is at their seat', () => {
  // i1 names p-b1-sec alone: the hit is on the person; self → 责令书面检查 (1). Their seat is b1.
  const incident = prec('i1', 'inc', 'p-b1-sec', '2022-04-01');
  const remedy = (id: string, organization: string): RecordInput => prec(id, 'prompt-remedy', 'p-b1-sec', '2022-09-01', { organization, attributes: { rule: 'inc' } });
  const INC = 'inc:p:p-b1-sec>p:p-b1-sec';

  it('a record at the seat applies (责令书面检查 − 1 = 批评教育); one elsewhere does not, and is warned of', () => {
    expect(finding(assessWith(incident, remedy('r', 'b1')), INC).form.id).toBe('criticism');
    const elsewhere = assessWith(incident, remedy('r', 'b2'));
    expect(finding(elsewhere, INC).form.id).toBe('written-inspection');
    expect(otherCase(elsewhere).map((w) => w.params)).toEqual([{ count: 1, records: 'r' }]);
  });
});

describe('caseOrganizations', () => {
  const graph = parseGraph(graphInput());
  const record = (id: string, organization?: string, person?: string): EvidenceRecord => ({
    id,
    type: 'case',
    ...(organization === undefined ? {} : { organization }),
    ...(person === undefined ? {} : { person }),
    day: 19143,
    date: '2022-05-31',
    status: 'approved',
    attributes: new Map(),
  });
  const retained = indexRetained([record('at-b1', 'b1'), record('at-b2', 'b2', 'p-tm'), record('own', undefined, 'p-tm')]);
  const org = (id: string) => ({ type: 'organization' as const, id, name: id });
  const person = (id: string) => ({ type: 'person' as const, id, name: id });
  const sorted = (set: ReadonlySet<string>): string[] => [...set].sort();

  it('on an organization: it, and the organizations its records name (a veto over a subtree)', () => {
    expect(sorted(caseOrganizations(graph, retained, { subject: org('b1'), recordIds: ['at-b1'] }))).toEqual(['b1']);
    expect(sorted(caseOrganizations(graph, retained, { subject: org('cm'), recordIds: ['at-b1'] }))).toEqual(['b1', 'cm']);
    expect(sorted(caseOrganizations(graph, retained, { subject: org('b2'), recordIds: [] }))).toEqual(['b2']);
  });

  it('on a person: the organizations their records name, else their seats (where they lead, else any post)', () => {
    expect(sorted(caseOrganizations(graph, retained, { subject: person('p-tm'), recordIds: ['at-b2'] }))).toEqual(['b2']);
    // A record naming no organization, or none: the seat — p-tm leads at cm only.
    expect(sorted(caseOrganizations(graph, retained, { subject: person('p-tm'), recordIds: ['own'] }))).toEqual(['cm']);
    expect(sorted(caseOrganizations(graph, retained, { subject: person('p-b1-m'), recordIds: [] }))).toEqual(['b1']);
    expect(sorted(caseOrganizations(graph, retained, { subject: person('nobody'), recordIds: [] }))).toEqual([]);
  });
});

describe('a waiver for an organization (no person)', () => {
  it('applies to nothing, and is warned of: 免责只适用于个人', () => {
    // Two such records, given out of order; the team of b1 is reached as well.
    const section = { rules: [rule('serious', { type: 'veto' }, [{ to: 'team' }, { to: 'overseer' }])] };
    const records = [...CASES, rec('wz', 'accountability-waiver', 'b1', '2022-09-01', { attributes: { reason: 'reform-trial' } }), rec('wa', 'accountability-waiver', 'b2', '2022-09-01')];
    const result = run(ruleSet([veto], section), records);
    expect(result.findings.filter((f) => f.waiver !== undefined)).toEqual([]);
    expect(result.warnings.filter((w) => w.code === 'warning-waiver-organization')).toEqual([
      {
        code: 'warning-waiver-organization',
        params: { count: 2, records: 'wa, wz' },
        message: '2条免责记录只写了党组织、没有写人员，未计入：免责（问责条例第十七条）只适用于个人，对党组织的问责建议不附免责建议（记录 wa, wz）',
      },
    ]);
    const en = run(ruleSet([veto], section), records, { lang: 'en' });
    expect(en.warnings.find((w) => w.code === 'warning-waiver-organization')?.message).toBe(
      '2 waiver record(s) name an organization and no person and were not applied: a waiver (Art. 17) applies to a person, not to a party organization (records wa, wz)',
    );
  });

  it('a waiver naming a person gives no such warning', () => {
    expect(assessWith(of('w', 'accountability-waiver', 'b1')).warnings.map((w) => w.code)).not.toContain('warning-waiver-organization');
  });
});
