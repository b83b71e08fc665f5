import { describe, expect, it } from 'vitest';
import { coverage, parseGraph, ValidationError, type CoverageGap, type CoverageOptions, type Graph, type GraphInput } from '../../src/index.js';
import { bureauCoverageOptions, bureauGraph } from './helpers.js';

const bureau = bureauGraph();
const bureauOptions = bureauCoverageOptions() as CoverageOptions;

/** code / severity / organization / person of each gap (the message is checked separately). */
const where = (gaps: readonly CoverageGap[]): Omit<CoverageGap, 'message'>[] =>
  gaps.map(({ message: _message, ...rest }) => rest);

const person = (id: string, name: string, partyMember = true): GraphInput['people'][number] => ({ id, name, partyMember });

describe('the bureau example with coverage.json', () => {
  it('has exactly the two deliberate gaps', () => {
    const report = coverage(bureau, bureauOptions);
    expect(report.gaps).toEqual([
      { code: 'coverage-no-secretary', severity: 'error', organization: 'br-retired', message: '离退休干部党支部（br-retired）没有书记' },
      {
        code: 'coverage-officer-spread-thin',
        severity: 'warning',
        person: 'p-zhou-ting',
        message: '周婷（p-zhou-ting）同时在 4 个党组织任党务工作者（上限 3），存在配备应付之嫌',
      },
    ]);
  });

  it('counts: 9 organizations, 8 inside an oversight area (all but bureau), 7 with a secretary (not br-retired, grp-center-1a)', () => {
    const report = coverage(bureau, bureauOptions);
    expect(report.organizations).toBe(9);
    expect(report.overseen).toBe(8);
    expect(report.withSecretary).toBe(7);
  });

  it('in English', () => {
    const report = coverage(bureau, { ...bureauOptions, lang: 'en' });
    expect(report.gaps.map((g) => g.message)).toEqual([
      '离退休干部党支部 (br-retired) has no secretary',
      '周婷 (p-zhou-ting) is party-affairs officer in 4 organizations (limit 3): staffed for show?',
    ]);
  });

  it('the defaults give the same two gaps (every branch has a liaison and an officer anyway)', () => {
    expect(where(coverage(bureau).gaps)).toEqual(where(coverage(bureau, bureauOptions).gaps));
  });
});

describe('options change what is required (bureau)', () => {
  it('a higher officer limit drops the spread-thin gap', () => {
    expect(where(coverage(bureau, { ...bureauOptions, maxOfficerPostsPerPerson: 4 }).gaps)).toEqual([
      { code: 'coverage-no-secretary', severity: 'error', organization: 'br-retired' },
    ]);
  });

  it('requiring a secretary of party groups adds grp-center-1a, in preorder', () => {
    expect(where(coverage(bureau, { secretaryRequiredFor: ['branch', 'group'], maxOfficerPostsPerPerson: 4 }).gaps)).toEqual([
      { code: 'coverage-no-secretary', severity: 'error', organization: 'br-retired' },
      { code: 'coverage-no-secretary', severity: 'error', organization: 'grp-center-1a' },
    ]);
  });

  it('requiring areas of general-branch team members finds p-wei-dong and p-xue-qin', () => {
    const report = coverage(bureau, { areaRequiredFor: ['general-branch'], maxOfficerPostsPerPerson: 4 });
    expect(where(report.gaps)).toEqual([
      { code: 'coverage-no-secretary', severity: 'error', organization: 'br-retired' },
      { code: 'coverage-member-without-area', severity: 'warning', organization: 'gb-center', person: 'p-wei-dong' },
      { code: 'coverage-member-without-area', severity: 'warning', organization: 'gb-center', person: 'p-xue-qin' },
    ]);
    expect(report.gaps[1]?.message).toBe('班子成员 魏东（p-wei-dong）在市某某事业发展中心党总支没有分管领域');
  });

  it('requiring oversight of committees and groups: bureau is outside every area, the group inside one', () => {
    expect(where(coverage(bureau, { oversightRequiredFor: ['committee', 'group'], secretaryRequiredFor: [], maxOfficerPostsPerPerson: 4 }).gaps)).toEqual([
      { code: 'coverage-not-overseen', severity: 'warning', organization: 'bureau' },
    ]);
  });

  it('requiring officers of committees', () => {
    expect(where(coverage(bureau, { officerRequiredFor: ['committee'], secretaryRequiredFor: [], maxOfficerPostsPerPerson: 4 }).gaps)).toEqual([
      { code: 'coverage-no-officer', severity: 'warning', organization: 'bureau' },
    ]);
  });

  it('a liaison can be required of general branches and branches only: a group or committee could never have one (contact points are grassroots)', () => {
    const refused = (() => {
      try {
        coverage(bureau, { liaisonRequiredFor: ['group', 'branch', 'committee'] as never, lang: 'en' });
      } catch (error) {
        return error as ValidationError;
      }
      throw new Error('expected a refusal');
    })();
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.subject).toBe('options');
    expect(refused.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ['invalid-value', ['liaisonRequiredFor', 0], 'invalid value "group"; allowed: general-branch, branch'],
      ['invalid-value', ['liaisonRequiredFor', 2], 'invalid value "committee"; allowed: general-branch, branch'],
    ]);
  });

  it('requiring nothing finds nothing', () => {
    const nothing: CoverageOptions = { secretaryRequiredFor: [], oversightRequiredFor: [], areaRequiredFor: [], maxOfficerPostsPerPerson: 100 };
    expect(coverage(bureau, nothing).gaps).toEqual([]);
  });
});

describe('each gap on a small graph', () => {
  it('coverage-no-secretary: committees and branches by default, not groups', () => {
    const graph = parseGraph({
      organizations: [
        { id: 'c', name: '局党委', kind: 'committee' },
        { id: 'b', name: '支部', kind: 'branch', parent: 'c' },
        { id: 'g', name: '小组', kind: 'group', parent: 'b' },
        { id: 'b2', name: '二支部', kind: 'branch', parent: 'c' },
      ],
      people: [person('p1', '王一')],
      posts: [{ person: 'p1', organization: 'b2', role: 'secretary' }],
    });
    const report = coverage(graph, { oversightRequiredFor: [], lang: 'en' });
    expect(report.gaps).toEqual([
      { code: 'coverage-no-secretary', severity: 'error', organization: 'c', message: '局党委 (c) has no secretary' },
      { code: 'coverage-no-secretary', severity: 'error', organization: 'b', message: '支部 (b) has no secretary' },
    ]);
    expect(report.withSecretary).toBe(1);
    expect(where(coverage(graph, { oversightRequiredFor: [], secretaryRequiredFor: ['group'] }).gaps)).toEqual([
      { code: 'coverage-no-secretary', severity: 'error', organization: 'g' },
    ]);
  });

  // c ─┬─ gb (general branch, overseen by p2) ── b1 (branch)
  //    └─ b2 (branch, not overseen)
  const overseenGraph = (): Graph =>
    parseGraph({
      organizations: [
        { id: 'c', name: '局党委', kind: 'committee' },
        { id: 'gb', name: '中心党总支', kind: 'general-branch', parent: 'c' },
        { id: 'b1', name: '中心支部', kind: 'branch', parent: 'gb' },
        { id: 'b2', name: '机关支部', kind: 'branch', parent: 'c' },
      ],
      people: [person('p1', '王一'), person('p2', '李二')],
      posts: [
        { person: 'p1', organization: 'c', role: 'secretary' },
        { person: 'p2', organization: 'c', role: 'team-member' },
      ],
      oversight: [{ person: 'p2', organization: 'gb', area: '中心' }],
    });

  it('coverage-not-overseen; a branch inside an overseen general branch IS covered', () => {
    const report = coverage(overseenGraph(), { secretaryRequiredFor: [] });
    expect(report.gaps).toEqual([
      { code: 'coverage-not-overseen', severity: 'warning', organization: 'b2', message: '机关支部（b2）不在任何班子成员的分管范围内（一岗双责未覆盖）' },
    ]);
    expect(report.overseen).toBe(2);
    expect(coverage(overseenGraph(), { secretaryRequiredFor: [], lang: 'en' }).gaps[0]?.message).toBe("机关支部 (b2) is inside no team member's oversight area");
  });

  it('coverage-member-without-area: deputy secretaries and team members, not the secretary, of a committee with organizations below', () => {
    const graph = parseGraph({
      organizations: [
        { id: 'c', name: '局党委', kind: 'committee' },
        { id: 'b', name: '支部', kind: 'branch', parent: 'c' },
        { id: 'lone', name: '独立党委', kind: 'committee' },
      ],
      people: [person('p1', '王一'), person('p2', '李二'), person('p3', '张三'), person('p4', '赵四')],
      posts: [
        { person: 'p1', organization: 'c', role: 'secretary' },
        { person: 'p2', organization: 'c', role: 'team-member' },
        { person: 'p3', organization: 'c', role: 'deputy-secretary' },
        { person: 'p4', organization: 'lone', role: 'team-member' }, // nothing below lone: no area needed
      ],
      oversight: [{ person: 'p2', organization: 'b' }],
    });
    const report = coverage(graph, { secretaryRequiredFor: [], lang: 'en' });
    expect(report.gaps).toEqual([
      { code: 'coverage-member-without-area', severity: 'warning', organization: 'c', person: 'p3', message: 'team member 张三 (p3) of 局党委 oversees no area' },
    ]);
    expect(coverage(graph, { secretaryRequiredFor: [] }).gaps[0]?.message).toBe('班子成员 张三（p3）在局党委没有分管领域');
  });

  it('coverage-member-without-area: an area under another committee does not count for this one', () => {
    // p sits on both committees' teams but oversees only b2, under c2; c1 has b1 below it and
    // p oversees nothing there.
    const graph = parseGraph({
      organizations: [
        { id: 'c1', name: '一党委', kind: 'committee' },
        { id: 'c2', name: '二党委', kind: 'committee' },
        { id: 'b1', name: '一支部', kind: 'branch', parent: 'c1' },
        { id: 'b2', name: '二支部', kind: 'branch', parent: 'c2' },
      ],
      people: [person('p', '王一')],
      posts: [
        { person: 'p', organization: 'c1', role: 'team-member' },
        { person: 'p', organization: 'c2', role: 'team-member' },
      ],
      oversight: [{ person: 'p', organization: 'b2' }],
    });
    expect(where(coverage(graph, { secretaryRequiredFor: [], oversightRequiredFor: [] }).gaps)).toEqual([
      { code: 'coverage-member-without-area', severity: 'warning', organization: 'c1', person: 'p' },
    ]);
  });

  it('coverage-no-liaison: only where required', () => {
    const graph = overseenGraph();
    expect(coverage(graph, { secretaryRequiredFor: [], oversightRequiredFor: [] }).gaps).toEqual([]);
    const report = coverage(graph, { secretaryRequiredFor: [], oversightRequiredFor: [], liaisonRequiredFor: ['branch'] });
    // preorder: c, b2, gb, b1 (children by id: 'b2' < 'gb')
    expect(report.gaps).toEqual([
      { code: 'coverage-no-liaison', severity: 'warning', organization: 'b2', message: '机关支部（b2）没有包抓包联领导' },
      { code: 'coverage-no-liaison', severity: 'warning', organization: 'b1', message: '中心支部（b1）没有包抓包联领导' },
    ]);
    const withLiaison = parseGraph({
      organizations: [
        { id: 'c', name: '局党委', kind: 'committee' },
        { id: 'b', name: '支部', kind: 'branch', parent: 'c' },
      ],
      people: [person('p1', '王一')],
      posts: [{ person: 'p1', organization: 'c', role: 'secretary' }],
      liaison: [{ person: 'p1', organization: 'b' }],
    });
    expect(coverage(withLiaison, { secretaryRequiredFor: [], oversightRequiredFor: [], liaisonRequiredFor: ['branch'] }).gaps).toEqual([]);
  });

  it('coverage-no-officer: only where required', () => {
    const graph = parseGraph({
      organizations: [
        { id: 'b1', name: '一支部', kind: 'branch' },
        { id: 'b2', name: '二支部', kind: 'branch' },
      ],
      people: [person('o', '周婷')],
      posts: [{ person: 'o', organization: 'b1', role: 'party-affairs-officer' }],
    });
    const quiet: CoverageOptions = { secretaryRequiredFor: [], oversightRequiredFor: [] };
    expect(coverage(graph, quiet).gaps).toEqual([]);
    expect(coverage(graph, { ...quiet, officerRequiredFor: ['branch'], lang: 'en' }).gaps).toEqual([
      { code: 'coverage-no-officer', severity: 'warning', organization: 'b2', message: '二支部 (b2) has no party-affairs officer' },
    ]);
  });

  // One officer, o, in `count` branches; a second officer, a, in one.
  const officers = (count: number): Graph =>
    parseGraph({
      organizations: Array.from({ length: count }, (_, i) => ({ id: `b${i}`, name: `支部${i}`, kind: 'branch' as const })),
      people: [person('o', '周婷'), person('a', '安然')],
      posts: [
        ...Array.from({ length: count }, (_, i) => ({ person: 'o', organization: `b${i}`, role: 'party-affairs-officer' as const })),
        { person: 'a', organization: 'b0', role: 'party-affairs-officer' },
      ],
    });

  it('coverage-officer-spread-thin: more posts than the limit (default 3)', () => {
    const quiet: CoverageOptions = { secretaryRequiredFor: [], oversightRequiredFor: [] };
    expect(coverage(officers(3), quiet).gaps).toEqual([]);
    expect(coverage(officers(4), { ...quiet, lang: 'en' }).gaps).toEqual([
      { code: 'coverage-officer-spread-thin', severity: 'warning', person: 'o', message: '周婷 (o) is party-affairs officer in 4 organizations (limit 3): staffed for show?' },
    ]);
    expect(coverage(officers(4), { ...quiet, maxOfficerPostsPerPerson: 4 }).gaps).toEqual([]);
    expect(where(coverage(officers(2), { ...quiet, maxOfficerPostsPerPerson: 1 }).gaps)).toEqual([
      { code: 'coverage-officer-spread-thin', severity: 'warning', person: 'o' },
    ]);
    // a limit of 0 (every officer spread thin) is no limit the CLI's options file takes either
    expect(() => coverage(officers(1), { ...quiet, maxOfficerPostsPerPerson: 0 })).toThrow(/maxOfficerPostsPerPerson: 数值过小：应大于 0 \[too-small\]/);
  });

  it('coverage-officer-not-party-member', () => {
    const graph = parseGraph({
      organizations: [{ id: 'b', name: '支部', kind: 'branch' }],
      people: [person('n1', '孙六', false)],
      posts: [{ person: 'n1', organization: 'b', role: 'party-affairs-officer' }],
    });
    const quiet: CoverageOptions = { secretaryRequiredFor: [], oversightRequiredFor: [] };
    expect(coverage(graph, quiet).gaps).toEqual([
      { code: 'coverage-officer-not-party-member', severity: 'warning', organization: 'b', person: 'n1', message: '党务工作者 孙六（n1）不是党员（支部）' },
    ]);
    expect(coverage(graph, { ...quiet, lang: 'en' }).gaps[0]?.message).toBe('party-affairs officer 孙六 (n1) of 支部 is not a party member');
  });

  it('an empty graph has no gaps and zero counts', () => {
    expect(coverage(parseGraph({ organizations: [], people: [], posts: [] }))).toEqual({ gaps: [], organizations: 0, overseen: 0, withSecretary: 0 });
  });
});
