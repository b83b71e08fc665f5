// A measure field that has no effect where it is written is refused with its path, not ignored
// (docs/rules.md §2): `by` on an organization's indicator, `scope` on a person's indicator that
// reads the person's own records, structure options read by another fact.
import { describe, expect, it } from 'vitest';
import { safeParseRuleSet } from '../../src/index.js';
import { ind, ruleSet } from './assess/helpers.js';

const count = { type: 'count' as const, recordTypes: ['pub'], atLeast: 1 };
const scoring = { method: 'all-or-nothing' as const };
const secretaries = { posts: ['secretary' as const] };

function problems(indicators: Parameters<typeof ind>[0][], lang: 'zh' | 'en' = 'zh') {
  const parsed = safeParseRuleSet(ruleSet(indicators.map(ind)), { lang });
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
}

describe('by and scope where they have no effect', () => {
  it('by (either value) on an organization indicator is refused at measure.by', () => {
    for (const by of ['organization', 'person'] as const) {
      const found = problems([{ id: 'pub', points: 5, measure: { ...count, by }, scoring }]);
      expect(found.map((p) => [p.code, p.path])).toEqual([['measure-by-organization-subject', 'indicators.0.measure.by']]);
    }
  });

  it('scope on a person indicator reading their own records is refused at measure.scope; every problem at once', () => {
    const found = problems([
      { id: 'org', points: 5, measure: { ...count, by: 'organization' }, scoring },
      { id: 'own', points: 5, appliesTo: secretaries, measure: { ...count, scope: 'subtree' }, scoring },
      { id: 'own-person', points: 5, appliesTo: secretaries, measure: { ...count, by: 'person', scope: 'self' }, scoring },
    ]);
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ['measure-by-organization-subject', 'indicators.0.measure.by'],
      ['measure-scope-person', 'indicators.1.measure.scope'],
      ['measure-scope-person', 'indicators.2.measure.scope'],
    ]);
    expect(found[1]?.message).toBe('指标「own」考核人员并读本人的记录，measure 的 scope 不起作用：要读本人任职党组织的记录，写 by: "organization"，再用 scope: "subtree" 连同其下级组织；否则删去 scope');
  });

  it('the messages in English', () => {
    const [by] = problems([{ id: 'pub', points: 5, measure: { ...count, by: 'organization' }, scoring }], 'en');
    expect(by?.message).toMatch(/^indicator "pub" applies to organizations: measure "by" is for indicators that apply to people/);
  });

  it('where they mean something they pass: by on a person, scope on an organization, both with by organization', () => {
    expect(
      problems([
        { id: 'a', points: 5, appliesTo: secretaries, measure: { ...count, by: 'person' }, scoring },
        { id: 'b', points: 5, measure: { ...count, scope: 'subtree' }, scoring },
        { id: 'c', points: 5, appliesTo: secretaries, measure: { ...count, by: 'organization', scope: 'subtree' }, scoring },
      ]),
    ).toEqual([]);
  });
});

describe('structure options read by one fact only', () => {
  it('atLeast off team-size and maxOfficerPosts off officer-staffed are refused; on their fact they pass', () => {
    const found = problems([
      { id: 's1', points: 5, measure: { type: 'structure', fact: 'secretary-in-post', atLeast: 2, maxOfficerPosts: 2 }, scoring },
      { id: 's2', points: 5, measure: { type: 'structure', fact: 'team-size', atLeast: 5 }, scoring },
      { id: 's3', points: 5, measure: { type: 'structure', fact: 'officer-staffed', maxOfficerPosts: 2 }, scoring },
    ]);
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ['structure-option-unused', 'indicators.0.measure.atLeast'],
      ['structure-option-unused', 'indicators.0.measure.maxOfficerPosts'],
    ]);
    expect(found[0]?.message).toBe('组织结构事实「secretary-in-post」不使用 atLeast（只用于 team-size），请删去');
  });
});
