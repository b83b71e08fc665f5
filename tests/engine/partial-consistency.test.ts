import { describe, expect, it } from 'vitest';
import { isCalendarDay, parseCalendarDate } from '../../src/core/calendar.js';
import { openAssessment, type PartialState } from '../../src/index.js';
import { edited, graph, refused, rules, whole, type Editable } from './partial-bureau.js';

// A partial state edited by hand (or built by a tool other than the engine) that no shard could
// have written is refused whole, each problem at its path, before anything is merged: such states
// changed scores silently before (a veto on an indicator without one, records counted that no
// version lists, a record seen twice, a task due in the year 31 million).
type Line = { -readonly [K in keyof PartialState['lines'][number][3]]: PartialState['lines'][number][3][K] };

const lineWhere = (p: Editable, test: (indicator: string, line: Line) => boolean): [number, Line] => {
  const at = p.lines.findIndex(([, , indicator, l]) => test(indicator, l as Line));
  if (at < 0) throw new Error('no such line in the example');
  return [at, (p.lines[at] as PartialState['lines'][number])[3] as Line];
};
const measureOf = (indicator: string): string | undefined => rules.indicators.find((i) => i.id === indicator)?.measure?.type;

describe('absorb refuses a partial state no shard could have written', () => {
  it('accepts the engine\'s own, whole', () => {
    const session = openAssessment({ graph, rules });
    session.absorb(JSON.parse(whole) as PartialState);
    expect(session.finish().result.evidence.received).toBeGreaterThan(400);
  });

  it('a record seen twice on a line, or a bonus given twice', () => {
    let at = 0;
    let first = '';
    const p = edited((q) => {
      const [i, line] = lineWhere(q, (_, l) => l.s.length > 1 && l.c.length > 0);
      at = i;
      first = line.s[0] as string;
      line.s.push(first);
      line.d.push(line.d[0] as number);
    });
    expect(refused(p).map((i) => [i.code, i.path, i.params['id'], i.params['list']])).toEqual([['partial-line-repeat', ['partial', 'lines', at, 3, 's', p.lines[at]?.[3].s.length as number - 1], first, 's']]);
    let bonusAt = 0;
    const bonus = edited((q) => {
      const [i, line] = lineWhere(q, (_, l) => l.b.length > 0);
      bonusAt = i;
      line.b.push([...(line.b[0] as [string, number])]);
    });
    expect(refused(bonus).map((i) => [i.code, i.path, i.params['list']])).toEqual([['partial-line-repeat', ['partial', 'lines', bonusAt, 3, 'b', bonus.lines[bonusAt]?.[3].b.length as number - 1, 0], 'b']]);
    // a repeat beside its first, the list still in order: found too
    let adjacentAt = 0;
    const adjacent = edited((q) => {
      const [i, line] = lineWhere(q, (_, l) => l.s.length > 1 && l.c.length > 0);
      adjacentAt = i;
      line.s.splice(1, 0, line.s[0] as string);
      line.d.splice(1, 0, line.d[0] as number);
    });
    expect(refused(adjacent).map((i) => [i.code, i.path])).toEqual([['partial-line-repeat', ['partial', 'lines', adjacentAt, 3, 's', 1]]]);
    // and in a list in reverse order
    let reversedAt = 0;
    const reversed = edited((q) => {
      const [i, line] = lineWhere(q, (_, l) => l.s.length > 1 && l.c.length > 0);
      reversedAt = i;
      line.s.reverse();
      line.d.reverse();
      line.s.push(line.s.at(-1) as string);
      line.d.push(line.d.at(-1) as number);
    });
    expect(refused(reversed).map((i) => [i.code, i.path])).toEqual([['partial-line-repeat', ['partial', 'lines', reversedAt, 3, 's', reversed.lines[reversedAt]?.[3].s.length as number - 1]]]);
  });

  it('takes the versions in any order (a file edited by hand, or sorted another way)', () => {
    const shuffled = edited((q) => {
      q.versions.reverse();
    });
    const session = openAssessment({ graph, rules });
    session.absorb(shuffled as PartialState);
    const reference = openAssessment({ graph, rules });
    reference.absorb(JSON.parse(whole) as PartialState);
    expect(JSON.stringify(session.finish().result)).toBe(JSON.stringify(reference.finish().result));
    // and still finds a record no version lists, that way too
    const unknown = edited((q) => {
      q.versions.reverse();
      const [, line] = lineWhere(q, (indicator, l) => l.s.length > 0 && measureOf(indicator) === 'count');
      line.s.push('zz-fake');
      line.d.push(line.d[0] as number);
    });
    expect(refused(unknown).map((i) => i.code)).toEqual(['partial-line-unknown']);
  });

  it('a day no record can carry, on a line or in a deadline task', () => {
    for (const day of [1e15, -1e15, (parseCalendarDate('1900-01-01') as number) - 1, (parseCalendarDate('2999-12-31') as number) + 1]) {
      let at = 0;
      const p = edited((q) => {
        const [i, line] = lineWhere(q, (_, l) => l.d.length > 0);
        at = i;
        line.d[0] = day;
      });
      expect(refused(p, 'zh').map((i) => [i.code, i.path])).toEqual([['partial-day', ['partial', 'lines', at, 3, 'd', 0]]]);
    }
    expect([parseCalendarDate('1900-01-01'), parseCalendarDate('2999-12-31')].every(isCalendarDay)).toBe(true);
    const task = edited((q) => {
      const [, line] = lineWhere(q, (indicator, l) => measureOf(indicator) === 'deadline' && l.c.length > 0);
      const entry = ((line.m as { $m: [string, { $o: [string, unknown][] }][] }).$m[0] as [string, { $o: [string, unknown][] }])[1].$o;
      (entry[0] as [string, unknown])[1] = 1e15;
    });
    expect(refused(task).map((i) => i.code)).toEqual(['partial-state-entry']);
  });

  it('records on a line that the partial lists no version of, or only conflicting ones', () => {
    let at = 0;
    let id = '';
    const p = edited((q) => {
      const [i, line] = lineWhere(q, (indicator, l) => l.s.length > 0 && measureOf(indicator) === 'count');
      at = i;
      id = 'zz-fake';
      line.s.push(id);
      line.d.push(line.d[0] as number);
      line.c.push(id);
    });
    expect(refused(p).map((i) => [i.code, i.path, i.params])).toEqual([['partial-line-unknown', ['partial', 'lines', at, 3, 's', p.lines[at]?.[3].s.length as number - 1], { id }]]);
    const conflict = edited((q) => {
      const [, line] = lineWhere(q, (indicator, l) => l.s.length > 0 && measureOf(indicator) === 'count');
      const version = q.versions.find(([v]) => v === line.s[0]) as PartialState['versions'][number];
      const other = q.versions.find(([v]) => v !== version[0])?.[1][0] as string;
      (version[1] as string[]).push(other);
      q.occurrences += 1;
    });
    expect(refused(conflict).map((i) => i.code)).toContain('partial-line-conflict');
    // a veto naming a record no version lists
    let vetoAt = 0;
    const veto = edited((q) => {
      const [i, line] = lineWhere(q, (_, l) => l.v.length > 0);
      vetoAt = i;
      line.v.push('zz-no-such-case');
    });
    expect(refused(veto).map((i) => [i.code, i.path])).toEqual([['partial-line-unknown', ['partial', 'lines', vetoAt, 3, 'v', veto.lines[vetoAt]?.[3].v.length as number - 1]]]);
    // bonus points for a record no version lists
    let bonusAt = 0;
    const bonus = edited((q) => {
      const [i, line] = lineWhere(q, (_, l) => l.b.length > 0);
      bonusAt = i;
      line.b.push(['zz-no-such-award', 1]);
    });
    expect(refused(bonus).map((i) => [i.code, i.path])).toEqual([['partial-line-unknown', ['partial', 'lines', bonusAt, 3, 'b', bonus.lines[bonusAt]?.[3].b.length as number - 1, 0]]]);
  });

  it('a veto or a bonus on an indicator without such a rule', () => {
    const plain = (indicator: string): boolean => {
      const rule = rules.indicators.find((i) => i.id === indicator);
      return rule !== undefined && rule.veto === undefined && rule.bonus === undefined;
    };
    let at = 0;
    let indicator = '';
    const p = edited((q) => {
      const [i, line] = lineWhere(q, (ind, l) => plain(ind) && l.s.length > 0);
      at = i;
      indicator = q.lines[i]?.[2] as string;
      line.v.push(line.s[0] as string);
      line.b.push([line.s[0] as string, 1]);
    });
    expect(refused(p).map((i) => [i.code, i.path, i.params])).toEqual([
      ['partial-line-role', ['partial', 'lines', at, 3, 'v'], { indicator, list: 'v' }],
      ['partial-line-role', ['partial', 'lines', at, 3, 'b'], { indicator, list: 'b' }],
    ]);
    expect(refused(p, 'zh')[0]?.message).toBe(`指标「${indicator}」没有一票否决规则，该得分行的 v 应为空`);
  });

  it('a line of an indicator the rule set has not, or of a subject the graph has not', () => {
    const p = edited((q) => {
      const line = q.lines[0] as PartialState['lines'][number];
      q.lines.push(['o', line[1], 'zz-no-such-indicator', { ...line[3], m: null }]);
      q.lines.push(['o', 'zz-nobody', line[2], line[3]]);
      q.lines.push(['p', line[1], line[2], line[3]]);
    });
    const n = p.lines.length;
    expect(refused(p).map((i) => [i.code, i.path])).toEqual([
      ['partial-line-indicator', ['partial', 'lines', n - 3, 2]],
      ['partial-line-subject', ['partial', 'lines', n - 2, 1]],
      ['partial-line-subject', ['partial', 'lines', n - 1, 1]],
    ]);
  });

  it('bonus points of zero or less, which no rule gives (a bonus rule gives points above zero)', () => {
    for (const points of [0, -2, -0.5]) {
      let at = 0;
      let id = '';
      const p = edited((q) => {
        const [i, line] = lineWhere(q, (_, l) => l.b.length > 0);
        at = i;
        const entry = line.b[0] as [string, number];
        id = entry[0];
        entry[1] = points;
      });
      expect(refused(p).map((i) => [i.code, i.path, i.params]), String(points)).toEqual([['partial-bonus-points', ['partial', 'lines', at, 3, 'b', 0, 1], { id, points }]]);
      expect(refused(p, 'zh')[0]?.message).toMatch(new RegExp(`^加分记录「${id}」`));
    }
  });

  it('bonus points the rule does not give: org-awards gives 3, 2 or 1 by the award\'s level, never 2.5', () => {
    let at = 0;
    let id = '';
    const p = edited((q) => {
      const [i, line] = lineWhere(q, (indicator, l) => indicator === 'org-awards' && l.b.length > 0);
      at = i;
      const entry = line.b[0] as [string, number];
      id = entry[0];
      entry[1] = 2.5;
    });
    expect(refused(p).map((i) => [i.code, i.path, i.params])).toEqual([
      ['partial-bonus-not-given', ['partial', 'lines', at, 3, 'b', 0, 1], { id, points: 2.5, indicator: 'org-awards', given: '3, 2, 1' }],
    ]);
    expect(refused(p, 'zh')[0]?.message).toBe(`加分记录「${id}」的分值 2.5 不是指标「org-awards」的加分规则给出的分值（3, 2, 1）`);
    // Points the rule gives pass this check (which record earned which is the versions' to say).
    const other = edited((q) => {
      const [, line] = lineWhere(q, (indicator, l) => indicator === 'org-awards' && l.b.length > 0);
      const entry = line.b[0] as [string, number];
      entry[1] = entry[1] === 3 ? 1 : 3;
    });
    expect(() => openAssessment({ graph, rules }).absorb(other as PartialState)).not.toThrow();
  });

  it('records on a line of an indicator that reads none (a roll-up, a structure, or no measure)', () => {
    const readsNone = (indicator: string): boolean => ['roll-up', 'structure', undefined].includes(measureOf(indicator));
    // a record the example counts on a line of its own, put on a roll-up's line of the same committee as well
    let at = 0;
    const p = edited((q) => {
      const [, source] = lineWhere(q, (indicator, l) => indicator === 'cm-topic-meetings' && l.c.length > 0);
      const subject = q.lines.find(([, , indicator]) => indicator === 'cm-topic-meetings')?.[1] as string;
      q.lines.push(['o', subject, 'cm-supervision', { m: null, c: [source.c[0] as string], s: [source.c[0] as string], d: [source.d[source.s.indexOf(source.c[0] as string)] as number], p: [], r: [], u: [], b: [], v: [] }]);
      at = q.lines.length - 1;
    });
    expect(readsNone('cm-supervision')).toBe(true);
    expect(refused(p).map((i) => [i.code, i.path, i.params])).toEqual([['partial-line-derived', ['partial', 'lines', at, 3, 's'], { indicator: 'cm-supervision' }]]);
    expect(refused(p, 'zh')[0]?.message).toMatch(/^指标「cm-supervision」/);
    // a line of bonus points (an indicator with no measure) that names a record seen
    let awardsAt = 0;
    const awards = edited((q) => {
      const [i, line] = lineWhere(q, (indicator, l) => readsNone(indicator) && l.b.length > 0);
      awardsAt = i;
      const [id] = line.b[0] as [string, number];
      line.s.push(id);
      line.d.push(line.d[0] ?? 19_000);
      line.p.push(id);
    });
    expect(refused(awards).map((i) => [i.code, i.path])).toEqual([['partial-line-derived', ['partial', 'lines', awardsAt, 3, 's']]]);
  });

  it('a ratio entry whose numerator is above its denominator', () => {
    const p = edited((q) => {
      const [, line] = lineWhere(q, (indicator, l) => measureOf(indicator) === 'ratio' && l.c.length > 0);
      const entry = ((line.m as { $m: [string, { $o: [string, unknown][] }][] }).$m[0] as [string, { $o: [string, unknown][] }])[1].$o;
      const num = entry.find(([k]) => k === 'num') as [string, number];
      const den = entry.find(([k]) => k === 'den') as [string, number];
      num[1] = den[1] + 1;
    });
    expect(refused(p).map((i) => [i.code, i.params['type']])).toEqual([['partial-state-entry', 'ratio']]);
  });
});
