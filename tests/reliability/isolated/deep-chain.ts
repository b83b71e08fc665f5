// Run by limits.test.ts in a child process (node --import tsx), so that an assessment that
// takes too long can be stopped: a 10,000-level chain of organizations assessed with a
// subtree-scoped count, a subtree roll-up, and a person indicator read by organization over the
// subtree. Prints one line of JSON: what the test checks, or the error that ended the run.
import { assess, ValidationError } from '../../../src/index.js';

const depth = Number(process.argv[2] ?? 10_000);
const withRollUp = process.argv[3] !== 'count-only';

const organizations = Array.from({ length: depth }, (_, i) => ({
  id: `o${i}`,
  name: `第${i}级`,
  // committees all the way down (a committee may contain committees), a branch at the bottom
  kind: i === depth - 1 ? ('branch' as const) : ('committee' as const),
  ...(i === 0 ? {} : { parent: `o${i - 1}` }),
}));
const graph = {
  organizations,
  people: [{ id: 'p-top', name: '书记', partyMember: true }],
  posts: [{ person: 'p-top', organization: 'o0', role: 'secretary' as const }],
};
const applies = { organizations: ['committee' as const, 'branch' as const] };
const rules = {
  id: 'deep',
  title: '万级层级',
  version: '1',
  period: { year: 2022 },
  indicators: [
    { id: 'c', title: '下级记录', responsibility: 'principal' as const, appliesTo: applies, points: 10, measure: { type: 'count' as const, recordTypes: ['m'], atLeast: 1, scope: 'subtree' as const }, scoring: { method: 'all-or-nothing' as const } },
    ...(withRollUp
      ? [{ id: 'ru', title: '一级抓一级', responsibility: 'principal' as const, appliesTo: applies, points: 10, measure: { type: 'roll-up' as const, from: [{ source: 'subtree' as const, weight: 1 }] }, scoring: { method: 'proportional' as const } }]
      : []),
    { id: 'p', title: '书记抓下级', responsibility: 'first' as const, appliesTo: { posts: ['secretary' as const] }, points: 10, measure: { type: 'count' as const, recordTypes: ['m'], atLeast: 1, by: 'organization' as const, scope: 'subtree' as const }, scoring: { method: 'all-or-nothing' as const } },
  ],
};

const started = performance.now();
try {
  const result = assess({ graph, rules, records: [{ id: 'deepest', type: 'm', organization: `o${depth - 1}`, date: '2022-06-01' }] });
  const lines = (id: string): Record<string, number> =>
    Object.fromEntries((result.organizations.find((o) => o.id === id)?.lines ?? []).map((l) => [l.indicator, l.points]));
  process.stdout.write(
    `${JSON.stringify({
      ok: true,
      ms: Math.round(performance.now() - started),
      organizations: result.organizations.length,
      countPoints: [...new Set(result.organizations.map((o) => o.lines.find((l) => l.indicator === 'c')?.points))],
      bottom: [lines(`o${depth - 1}`), lines(`o${depth - 2}`), lines(`o${depth - 3}`)],
      root: lines('o0'),
      person: result.people.map((p) => [p.id, p.total]),
    })}\n`,
  );
} catch (error) {
  const e = error as Error;
  process.stdout.write(`${JSON.stringify({ ok: false, ms: Math.round(performance.now() - started), name: e.name, validation: error instanceof ValidationError, message: e.message.slice(0, 300), stack: e.stack?.split('\n').slice(0, 4).join(' | ') })}\n`);
}
