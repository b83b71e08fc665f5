// The peer of bench/assess.ts: json-rules-engine evaluating the same count, cadence and deadline
// indicators of the benchmark's rule set (generate-assessment.ts) over the same NDJSON records,
// the way that library's users write it:
//
//   - one Engine, built once, with one rule per indicator (13 rules). A rule's conditions say
//     which records the indicator reads: the record type, status approved, the organization's
//     kind (or, for the liaison visits, that the person is a committee leader), the period, and
//     the supporting material where the rule requires it. Its event names the indicator;
//   - per record, `await engine.run(facts)` with the record's facts; the application code then
//     tallies the events per subject and indicator (a count, a bit mask of the months or
//     quarters met, a deadline's on-time / late / open tasks), and at the end scores every
//     subject as the rule set says (deduct per shortfall, proportional);
//   - to be a reasonably efficient user: the type condition has the highest priority, so that
//     json-rules-engine skips a rule's other conditions at once when the type does not match
//     (its documented way to short-circuit); facts are flat values computed once per record
//     (no JSONPath `path` lookups, which are much slower); the organization's kind comes from a
//     Map; verbatim duplicate lines are dropped by id with a Set before the engine runs.
//
// What it leaves out, compared with zerenzhi (so the peer does strictly less work): record
// validation, conflict detection and the record digest, the window, ratio, rating, subtree
// count, roll-up, veto and bonus indicators, grades, quotas, verdicts, explanations, warnings and
// accountability findings.
import { createReadStream } from 'node:fs';
import { Engine, type NestedCondition, type RuleProperties } from 'json-rules-engine';
import type { GraphInput, OrganizationKind } from '../src/index.js';

type Measure = { readonly type: 'count'; readonly atLeast: number } | { readonly type: 'cadence'; readonly every: 'month' | 'quarter' } | { readonly type: 'deadline'; readonly due?: number; readonly expected?: number; readonly openWeight: number };

/** One indicator as the peer models it. `ofKinds` or `leaders` tells whom it applies to. */
interface PeerIndicator {
  readonly id: string;
  readonly recordType: string;
  readonly kinds?: readonly OrganizationKind[];
  readonly leaders?: true;
  readonly points: number;
  readonly scoring: { readonly method: 'deduct'; readonly perShortfall: number } | { readonly method: 'proportional' };
  readonly minutes?: true;
  readonly measure: Measure;
}

const BRANCHES: OrganizationKind[] = ['general-branch', 'branch'];
const START = 20220101;
const END = 20221231;

/** The count, cadence and deadline indicators of assessmentRules(), as the peer sees them. */
export const PEER_INDICATORS: readonly PeerIndicator[] = [
  { id: 'cm-topic-meetings', recordType: 'topic-meeting', kinds: ['committee'], points: 4, scoring: { method: 'deduct', perShortfall: 1 }, minutes: true, measure: { type: 'count', atLeast: 4 } },
  { id: 'cm-center-group-study', recordType: 'center-group-study', kinds: ['committee'], points: 6, scoring: { method: 'deduct', perShortfall: 0.5 }, measure: { type: 'cadence', every: 'month' } },
  { id: 'cm-rectification', recordType: 'inspection-rectification', kinds: ['committee'], points: 8, scoring: { method: 'deduct', perShortfall: 2 }, measure: { type: 'deadline', openWeight: 2 } },
  { id: 'br-committee-meeting', recordType: 'branch-committee-meeting', kinds: BRANCHES, points: 10, scoring: { method: 'deduct', perShortfall: 1 }, measure: { type: 'cadence', every: 'month' } },
  { id: 'br-assembly', recordType: 'member-assembly', kinds: BRANCHES, points: 6, scoring: { method: 'deduct', perShortfall: 1.5 }, measure: { type: 'cadence', every: 'quarter' } },
  { id: 'br-party-class', recordType: 'party-class', kinds: BRANCHES, points: 6, scoring: { method: 'deduct', perShortfall: 1.5 }, measure: { type: 'cadence', every: 'quarter' } },
  { id: 'br-theme-day', recordType: 'theme-day', kinds: BRANCHES, points: 10, scoring: { method: 'deduct', perShortfall: 1 }, minutes: true, measure: { type: 'cadence', every: 'month' } },
  { id: 'br-history-study', recordType: 'history-study', kinds: BRANCHES, points: 6, scoring: { method: 'deduct', perShortfall: 1.5 }, measure: { type: 'cadence', every: 'quarter' } },
  { id: 'br-publicity', recordType: 'publicity-campaign', kinds: BRANCHES, points: 6, scoring: { method: 'deduct', perShortfall: 2 }, measure: { type: 'count', atLeast: 3 } },
  { id: 'br-work-plan', recordType: 'work-plan', kinds: BRANCHES, points: 4, scoring: { method: 'deduct', perShortfall: 2 }, measure: { type: 'deadline', due: 20220331, expected: 1, openWeight: 1 } },
  { id: 'br-rectification', recordType: 'inspection-rectification', kinds: BRANCHES, points: 8, scoring: { method: 'deduct', perShortfall: 2 }, measure: { type: 'deadline', openWeight: 2 } },
  { id: 'grp-meeting', recordType: 'group-meeting', kinds: ['group'], points: 10, scoring: { method: 'deduct', perShortfall: 1 }, measure: { type: 'cadence', every: 'month' } },
  { id: 'leader-contact-visits', recordType: 'liaison-visit', leaders: true, points: 10, scoring: { method: 'deduct', perShortfall: 2.5 }, measure: { type: 'cadence', every: 'quarter' } },
];

/** The json-rules-engine rule of one indicator. */
function ruleOf(indicator: PeerIndicator): RuleProperties {
  const all: NestedCondition[] = [
    // Highest priority: evaluated first and alone, so a record of another type stops here.
    { fact: 'type', operator: 'equal', value: indicator.recordType, priority: 10 },
    { fact: 'status', operator: 'equal', value: 'approved' },
    indicator.leaders ? { fact: 'leader', operator: 'equal', value: true } : { fact: 'kind', operator: 'in', value: [...(indicator.kinds ?? [])] },
  ];
  const m = indicator.measure;
  if (m.type === 'deadline' && m.due === undefined) {
    // A task counts in the period its due date falls in; it must have been reported by the end.
    all.push({ fact: 'due', operator: 'greaterThanInclusive', value: START }, { fact: 'due', operator: 'lessThanInclusive', value: END });
    all.push({ fact: 'day', operator: 'lessThanInclusive', value: END });
  } else if (m.type === 'deadline') {
    all.push({ fact: 'day', operator: 'lessThanInclusive', value: END });
  } else {
    all.push({ fact: 'day', operator: 'greaterThanInclusive', value: START }, { fact: 'day', operator: 'lessThanInclusive', value: END });
  }
  if (indicator.minutes) all.push({ fact: 'minutes', operator: 'equal', value: true });
  return { name: indicator.id, conditions: { all }, event: { type: indicator.id } };
}

/** 2022-03-15 → 20220315; undefined stays undefined. */
const ymd = (date: unknown): number | undefined => (typeof date === 'string' && date.length === 10 ? Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10)) : undefined);

interface Tally {
  count: number;
  mask: number;
  onTime: number;
  late: number;
  open: number;
  tasks: number;
}

/** What the peer computed: per indicator, the sum of its `value` over subjects (for the cross-check) and of the points. */
export interface PeerOutcome {
  readonly lines: number;
  readonly evaluated: number;
  readonly events: number;
  readonly valueSums: Record<string, number>;
  readonly pointSums: Record<string, number>;
  readonly subjects: number;
}

/** Calls `each` with every line of a file (no line terminators), reading as a stream; stops after `limit` lines. */
export async function forEachLine(path: string, limit: number, each: (line: string) => void | Promise<void>): Promise<number> {
  let pending = '';
  let lines = 0;
  const stream = createReadStream(path, { encoding: 'utf8' });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      pending += chunk;
      let start = 0;
      for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
        if (lines >= limit) return lines;
        const line = pending.slice(start, end);
        start = end + 1;
        if (line === '') continue;
        lines++;
        const maybe = each(line);
        if (maybe !== undefined) await maybe;
      }
      pending = pending.slice(start);
    }
    if (pending !== '' && lines < limit) {
      lines++;
      const maybe = each(pending);
      if (maybe !== undefined) await maybe;
    }
    return lines;
  } finally {
    stream.destroy();
  }
}

/**
 * Runs the peer over the first `limit` lines of an NDJSON file. `onIngested` is called once the
 * records are all tallied, before the final scoring (the harness measures the heap there).
 */
export async function runPeer(graph: GraphInput, path: string, limit: number, onIngested: () => void = () => {}): Promise<PeerOutcome> {
  const engine = new Engine(PEER_INDICATORS.map(ruleOf), { allowUndefinedFacts: true });
  const kindOf = new Map<string, OrganizationKind>(graph.organizations.map((o) => [o.id, o.kind]));
  const committees = new Set(graph.organizations.filter((o) => o.kind === 'committee').map((o) => o.id));
  const leaders = new Set(graph.posts.filter((p) => committees.has(p.organization) && (p.role === 'secretary' || p.role === 'deputy-secretary' || p.role === 'team-member')).map((p) => p.person));
  const byId = new Map(PEER_INDICATORS.map((i) => [i.id, i]));
  const tallies = new Map<string, Map<string, Tally>>(PEER_INDICATORS.map((i) => [i.id, new Map()]));
  const seen = new Set<string>();
  let evaluated = 0;
  let events = 0;

  const lines = await forEachLine(path, limit, async (line) => {
    const r = JSON.parse(line) as Record<string, unknown> & { attributes?: Record<string, unknown> };
    const id = r.id as string;
    if (seen.has(id)) return; // a verbatim repeat of an exported line
    seen.add(id);
    evaluated++;
    const minutes = r.attributes?.minutes;
    const kind = typeof r.organization === 'string' ? kindOf.get(r.organization) : undefined;
    const facts = {
      type: r.type,
      status: r.status ?? 'approved',
      kind,
      // A record on an organization that is not in the graph counts for no one.
      leader: kind !== undefined && typeof r.person === 'string' && leaders.has(r.person),
      day: ymd(r.date),
      due: ymd(r.due),
      done: ymd(r.completed),
      minutes: typeof minutes === 'string' && minutes !== '',
    };
    const result = await engine.run(facts);
    for (const event of result.events) {
      events++;
      const indicator = byId.get(event.type) as PeerIndicator;
      const subject = (indicator.leaders ? r.person : r.organization) as string;
      const bySubject = tallies.get(indicator.id) as Map<string, Tally>;
      let tally = bySubject.get(subject);
      if (!tally) bySubject.set(subject, (tally = { count: 0, mask: 0, onTime: 0, late: 0, open: 0, tasks: 0 }));
      const m = indicator.measure;
      const day = facts.day as number;
      if (m.type === 'count') tally.count++;
      else if (m.type === 'cadence') {
        const month = Math.floor((day % 10000) / 100) - 1;
        tally.mask |= 1 << (m.every === 'month' ? month : Math.floor(month / 3));
      } else {
        tally.tasks++;
        const due = m.due ?? (facts.due as number);
        const done = m.due !== undefined ? day : facts.done;
        if (done !== undefined && done <= END) {
          if (done <= due) tally.onTime++;
          else tally.late++;
        } else tally.open++;
      }
    }
  });
  onIngested();

  // Final scoring: every subject of each indicator, whether it reported anything or not.
  const valueSums: Record<string, number> = {};
  const pointSums: Record<string, number> = {};
  let subjects = 0;
  const empty: Tally = { count: 0, mask: 0, onTime: 0, late: 0, open: 0, tasks: 0 };
  const popcount = (n: number): number => {
    let c = 0;
    for (let x = n; x !== 0; x &= x - 1) c++;
    return c;
  };
  for (const indicator of PEER_INDICATORS) {
    const bySubject = tallies.get(indicator.id) as Map<string, Tally>;
    const ids = indicator.leaders ? [...leaders] : graph.organizations.filter((o) => indicator.kinds?.includes(o.kind)).map((o) => o.id);
    let values = 0;
    let points = 0;
    for (const id of ids) {
      subjects++;
      const t = bySubject.get(id) ?? empty;
      const m = indicator.measure;
      let value: number;
      let shortfalls: number;
      let ratio: number;
      if (m.type === 'count') {
        value = t.count;
        shortfalls = Math.max(0, m.atLeast - value);
        ratio = Math.min(1, value / m.atLeast);
      } else if (m.type === 'cadence') {
        const due = m.every === 'month' ? 12 : 4;
        value = popcount(t.mask);
        shortfalls = due - value;
        ratio = value / due;
      } else {
        const unreported = m.expected !== undefined ? Math.max(0, m.expected - t.tasks) : 0;
        value = t.onTime;
        const target = t.onTime + t.late + t.open + unreported;
        shortfalls = t.late + m.openWeight * (t.open + unreported);
        ratio = target === 0 ? 1 : t.onTime / target;
      }
      values += value;
      points += indicator.scoring.method === 'deduct' ? Math.max(0, indicator.points - indicator.scoring.perShortfall * shortfalls) : indicator.points * ratio;
    }
    valueSums[indicator.id] = values;
    pointSums[indicator.id] = Math.round(points * 100) / 100;
  }
  return { lines, evaluated, events, valueSums, pointSums, subjects };
}
