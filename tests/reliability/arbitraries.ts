// fast-check arbitraries for the reliability properties (not a test file itself): a valid graph,
// a valid rule set over it, and records of every kind (valid, out of period, pending, for
// unknown subjects, repeated ids), with ids and attribute names taken from a pool that includes
// the names of Object.prototype members.
import fc from 'fast-check';
import { CHILD_KINDS, formatCalendarDate, parseCalendarDate, type AttributeValue, type GraphInput, type OrganizationKind, type RecordInput, type RuleSetInput } from '../../src/index.js';

type IndicatorInput = RuleSetInput['indicators'][number];
type Scoring = NonNullable<IndicatorInput['scoring']>;

/** Ids that must be ordinary keys everywhere. */
export const HOSTILE_IDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '党支部', 'b 1'] as const;

const idArb = fc.oneof(fc.constantFrom(...HOSTILE_IDS), fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/));

/** Record types the rule sets read (and one they never do). */
export const RECORD_TYPES = ['theme-day', 'meeting', '__proto__', 'constructor', 'award', 'unused-type'] as const;
const READ_TYPES = ['theme-day', 'meeting', '__proto__', 'constructor'] as const;
/** Attribute names, filters on them, and their values. */
const ATTRIBUTE_KEYS = ['kind', '__proto__', 'constructor'] as const;
const ATTRIBUTE_VALUES = ['甲', '乙'] as const;

const PERIOD_START = parseCalendarDate('2022-01-01') as number;
const PERIOD_END = parseCalendarDate('2022-12-31') as number;

/** A day in 2022, as YYYY-MM-DD. */
export const dayIn2022 = fc.integer({ min: PERIOD_START, max: PERIOD_END }).map(formatCalendarDate);

/** `arb` in about `present` of `present + absent` cases, else undefined. */
export function sometimes<T>(arb: fc.Arbitrary<T>, present: number, absent: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary: arb });
}

/** An object with the given entries as own data properties (`__proto__` included). */
export function ownObject<V>(entries: readonly (readonly [string, V])[]): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Graph

/**
 * A valid graph: a committee at the root, 0–6 organizations below it (each under an earlier
 * one that may contain its kind), 1–6 party members, secretaries, members and officers, team members of the root who
 * oversee and liaise with organizations below it.
 */
export const graphArb: fc.Arbitrary<GraphInput> = fc
  .record({
    orgIds: fc.uniqueArray(idArb, { minLength: 1, maxLength: 7 }),
    personIds: fc.uniqueArray(idArb, { minLength: 1, maxLength: 6 }),
    seeds: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    kinds: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
    probationary: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    memberPairs: fc.uniqueArray(fc.tuple(fc.nat(5), fc.nat(6), fc.constantFrom('member', 'party-affairs-officer') as fc.Arbitrary<'member' | 'party-affairs-officer'>), {
      maxLength: 8,
      selector: ([p, o]) => `${p}/${o}`,
    }),
    edgePairs: fc.uniqueArray(fc.tuple(fc.nat(5), fc.nat(6)), { maxLength: 5, selector: ([p, o]) => `${p}/${o}` }),
    liaisonPairs: fc.uniqueArray(fc.tuple(fc.nat(5), fc.nat(6)), { maxLength: 5, selector: ([p, o]) => `${p}/${o}` }),
    secretaries: fc.array(fc.option(fc.nat(5), { nil: undefined }), { minLength: 7, maxLength: 7 }),
    teamSize: fc.nat(3),
  })
  .map(({ orgIds, personIds, seeds, kinds, probationary, memberPairs, edgePairs, liaisonPairs, secretaries, teamSize }) => {
    const nOrg = orgIds.length;
    const nPerson = personIds.length;
    // Each organization under an earlier one that may contain it (CHILD_KINDS: a group contains
    // nothing), of a kind its parent may contain.
    const kindOf: OrganizationKind[] = [];
    const organizations: GraphInput['organizations'] = orgIds.map((id, i) => {
      if (i === 0) {
        kindOf.push('committee');
        return { id, name: `组织${i}`, kind: 'committee' as const };
      }
      const parents = kindOf.map((kind, j) => [kind, j] as const).filter(([kind]) => (CHILD_KINDS.get(kind) ?? []).length > 0);
      const [parentKind, parent] = parents[(seeds[i] as number) % parents.length] as readonly [OrganizationKind, number];
      const allowed = CHILD_KINDS.get(parentKind) as readonly OrganizationKind[];
      const kind = allowed[(kinds[i] as number) % allowed.length] as OrganizationKind;
      kindOf.push(kind);
      return { id, name: `组织${i}`, kind, parent: orgIds[parent] as string };
    });
    const posts: GraphInput['posts'] = [];
    const secretaryOf = new Map<number, number>();
    orgIds.forEach((org, o) => {
      const s = secretaries[o];
      if (s === undefined) return;
      const p = s % nPerson;
      secretaryOf.set(o, p);
      posts.push({ person: personIds[p] as string, organization: org, role: 'secretary' });
    });
    // Team members of the root: not its secretary (a second leadership post there conflicts).
    const team = personIds.map((_, p) => p).filter((p) => p !== secretaryOf.get(0)).slice(0, teamSize);
    for (const p of team) posts.push({ person: personIds[p] as string, organization: orgIds[0] as string, role: 'team-member' });
    for (const [p, o, role] of memberPairs) posts.push({ person: personIds[p % nPerson] as string, organization: orgIds[o % nOrg] as string, role });
    // Oversight and liaison: from the root's team, to organizations strictly below the root.
    const leaders = team.length > 0 ? team : [];
    // Liaison contact points are grassroots organizations (general branches and branches).
    const below = orgIds.map((_, o) => o).slice(1);
    const grassroots = below.filter((o) => kindOf[o] === 'general-branch' || kindOf[o] === 'branch');
    const edges = (pairs: readonly [number, number][], targets: readonly number[]): { person: string; organization: string }[] => {
      if (leaders.length === 0 || targets.length === 0) return [];
      const seen = new Set<string>();
      const out: { person: string; organization: string }[] = [];
      for (const [p, o] of pairs) {
        const person = personIds[leaders[p % leaders.length] as number] as string;
        const organization = orgIds[targets[o % targets.length] as number] as string;
        const key = `${person}\u0000${organization}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ person, organization });
      }
      return out;
    };
    // Duplicate member/officer posts (same person, organization and role) are refused: keep the first.
    const postKeys = new Set<string>();
    const uniquePosts = posts.filter((post) => {
      const key = `${post.person}\u0000${post.organization}\u0000${post.role}`;
      if (postKeys.has(key)) return false;
      postKeys.add(key);
      return true;
    });
    // Probationary members hold no elected post (secretary, deputy secretary, team member).
    const leadership = new Set(uniquePosts.filter((post) => post.role === 'secretary' || post.role === 'deputy-secretary' || post.role === 'team-member').map((post) => post.person));
    const people: GraphInput['people'] = personIds.map((id, i) => ({
      id,
      name: `人员${i}`,
      partyMember: true,
      ...(probationary[i] === true && !leadership.has(id) ? { probationary: true } : {}),
    }));
    return {
      id: 'generated',
      organizations,
      people,
      posts: uniquePosts,
      oversight: edges(edgePairs, below).map((e, i) => (i % 2 === 0 ? { ...e, area: '业务' } : e)),
      liaison: edges(liaisonPairs, grassroots),
    };
  });

// ---------------------------------------------------------------------------------------------
// Rule set

const ORG_KINDS = ['committee', 'general-branch', 'branch', 'group'] as const;

const scoringArb = (points: number): fc.Arbitrary<Scoring> =>
  fc.oneof(
    fc.constant<Scoring>({ method: 'all-or-nothing' }),
    fc.constant<Scoring>({ method: 'proportional' }),
    fc.record({ perShortfall: fc.integer({ min: 1, max: 5 }), cap: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }) }).map(
      ({ perShortfall, cap }): Scoring => ({ method: 'deduct', perShortfall, ...(cap === undefined ? {} : { maxDeduction: cap }) }),
    ),
    // Steps whose points never fall as the threshold rises: a sound sheet.
    fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain((thresholds) =>
      fc.array(fc.integer({ min: 0, max: points }), { minLength: thresholds.length, maxLength: thresholds.length }).map((raw): Scoring => {
        const sortedThresholds = [...thresholds].sort((a, b) => a - b);
        const sortedPoints = [...raw].sort((a, b) => a - b);
        return { method: 'steps', steps: sortedThresholds.map((atLeast, i) => ({ atLeast, points: sortedPoints[i] as number })) };
      }),
    ),
  );

const whereArb = sometimes(
  fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTE_KEYS), fc.oneof(fc.constantFrom(...ATTRIBUTE_VALUES), fc.constant([...ATTRIBUTE_VALUES]))), {
    minLength: 1,
    maxLength: 2,
    selector: ([key]) => key,
  }).map((entries) => ownObject(entries)),
  1,
  2,
);

const selectionArb = fc.record({
  recordTypes: fc.subarray([...READ_TYPES], { minLength: 1 }),
  where: whereArb,
  scope: fc.option(fc.constantFrom('self', 'subtree') as fc.Arbitrary<'self' | 'subtree'>, { nil: undefined }),
  requireAttributes: sometimes(fc.constant(['minutes']), 1, 2),
});

type Selection = { recordTypes: string[]; where?: Record<string, unknown> | undefined; scope?: 'self' | 'subtree' | undefined; requireAttributes?: readonly string[] | undefined };

function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// Note: clean() would turn a where object's own __proto__ key into a prototype; where is put back as is.
function selection(s: Selection): Record<string, unknown> {
  const { where, ...rest } = s;
  return { ...clean(rest), ...(where === undefined ? {} : { where }) };
}

const measureArb: fc.Arbitrary<{ measure: NonNullable<IndicatorInput['measure']>; subject: 'organization' | 'person' | 'committee' }> = fc.oneof(
  selectionArb.chain((s) => fc.integer({ min: 1, max: 3 }).map((atLeast) => ({ measure: { type: 'count', ...selection(s), atLeast } as never, subject: 'organization' as const }))),
  selectionArb.chain((s) =>
    fc
      .record({ every: fc.constantFrom('month', 'quarter', 'half-year', 'year'), atLeast: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }) })
      .map(({ every, atLeast }) => ({ measure: { type: 'cadence', ...selection(s), every, ...(atLeast === undefined ? {} : { atLeast }) } as never, subject: 'organization' as const })),
  ),
  selectionArb.chain((s) =>
    fc.tuple(dayIn2022, dayIn2022).map(([a, b]) => ({ measure: { type: 'window', ...selection(s), from: a < b ? a : b, to: a < b ? b : a } as never, subject: 'organization' as const })),
  ),
  selectionArb.chain((s) =>
    fc.integer({ min: 0, max: 100 }).map((pct) => ({ measure: { type: 'ratio', ...selection(s), numerator: 'n', denominator: 'd', atLeast: pct / 100 } as never, subject: 'organization' as const })),
  ),
  selectionArb.chain((s) =>
    fc.constantFrom('mean', 'trimmed-mean').map((aggregate) => ({ measure: { type: 'rating', ...selection(s), aggregate, scale: 100 } as never, subject: 'organization' as const })),
  ),
  selectionArb.chain((s) =>
    // scope widens the organizations' records: a person reading their own has none to widen (refused).
    fc.constantFrom('organization', 'person').map((by) => {
      const { scope, ...own } = selection(s);
      return { measure: { type: 'count', ...(by === 'organization' ? { ...own, ...(scope === undefined ? {} : { scope }) } : own), by, atLeast: 1 } as never, subject: 'person' as const };
    }),
  ),
  fc
    .uniqueArray(fc.constantFrom('children', 'subtree') as fc.Arbitrary<'children' | 'subtree'>, { minLength: 1, maxLength: 2 })
    .chain((sources) =>
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: sources.length, maxLength: sources.length }).map((weights) => ({
        measure: { type: 'roll-up', from: sources.map((source, i) => ({ source, weight: weights[i] as number })) } as never,
        subject: 'committee' as const,
      })),
    ),
  fc.constant({ measure: { type: 'structure', fact: 'secretary-in-post' } as never, subject: 'organization' as const }),
);

const indicatorArb = (id: string): fc.Arbitrary<IndicatorInput> =>
  fc
    .record({
      points: fc.integer({ min: 1, max: 30 }),
      measured: measureArb,
      kinds: fc.subarray([...ORG_KINDS], { minLength: 1 }),
      policy: fc.option(fc.constantFrom('shortfall', 'exclude', 'zero') as fc.Arbitrary<'shortfall' | 'exclude' | 'zero'>, { nil: undefined }),
      bonus: fc.option(fc.record({ each: fc.integer({ min: 1, max: 3 }), cap: fc.integer({ min: 1, max: 5 }) }), { nil: undefined }),
      veto: fc.boolean(),
    })
    .chain(({ points, measured, kinds, policy, bonus, veto }) =>
      scoringArb(points).map((scoring): IndicatorInput => {
        const appliesTo =
          measured.subject === 'person'
            ? { posts: ['secretary' as const] }
            : measured.subject === 'committee'
              ? { organizations: ['committee' as const, 'general-branch' as const] }
              : { organizations: kinds };
        return {
          id,
          title: `指标 ${id}`,
          responsibility: 'principal',
          appliesTo,
          points,
          measure: measured.measure,
          scoring,
          ...(policy === undefined ? {} : { onInsufficientEvidence: policy }),
          ...(bonus === undefined ? {} : { bonus: { recordTypes: ['award'], each: bonus.each, cap: bonus.cap } }),
          ...(veto ? { veto: { recordTypes: ['constructor'], where: ownObject([['__proto__', '甲']]) } } : {}),
        };
      }),
    );

const INDICATOR_IDS = ['__proto__', 'i-1', 'constructor', 'i-2', 'toString'] as const;

/** A valid rule set for 2022 (a year, or a quarter of it) with 1–5 indicators. */
export const ruleSetArb: fc.Arbitrary<RuleSetInput> = fc
  .record({
    count: fc.integer({ min: 1, max: INDICATOR_IDS.length }),
    scale: fc.option(fc.integer({ min: 50, max: 150 }), { nil: undefined }),
    bonusCap: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    complete: fc.subarray([...READ_TYPES]),
    ladder: fc.boolean(),
    quarter: sometimes(fc.integer({ min: 1, max: 4 }), 1, 3),
  })
  .chain(({ count, scale, bonusCap, complete, ladder, quarter }) =>
    fc.tuple(...INDICATOR_IDS.slice(0, count).map((id) => indicatorArb(id))).map(
      (indicators): RuleSetInput => ({
        id: 'generated-rules',
        title: '生成的细则',
        version: '1',
        period: quarter === undefined ? { year: 2022 } : { year: 2022, quarter },
        ...(scale === undefined ? {} : { scale }),
        ...(bonusCap === undefined ? {} : { bonusCap }),
        ...(complete.length > 0 ? { sources: [{ id: 'oa', complete: true, recordTypes: complete }] } : {}),
        ...(ladder
          ? {
              ladders: [
                {
                  id: 'org',
                  title: '等次',
                  appliesTo: { organizations: [...ORG_KINDS] },
                  grades: [
                    { id: 'good', title: '好', min: 90 },
                    { id: 'fair', title: '一般', min: 60 },
                    { id: 'poor', title: '差', min: 0 },
                  ],
                },
              ],
              quotas: [{ ladder: 'org', grade: 'good', maxShare: '1/3' }],
            }
          : {}),
        indicators,
      }),
    ),
  );

// ---------------------------------------------------------------------------------------------
// Records

// Shared ids: two records under one of them are a conflict (or, when equal, a duplicate).
const SHARED_IDS = ['__proto__', 'constructor', 'shared-1'] as const;

const attributeValueArb = fc.oneof(
  fc.constantFrom(...ATTRIBUTE_VALUES),
  fc.integer({ min: 0, max: 120 }),
  fc.constant(-0),
  fc.boolean(),
  fc.constant(null),
  fc.subarray([...ATTRIBUTE_VALUES]),
);

const attributesArb = fc
  .record({
    minutes: fc.boolean(),
    filtered: fc.array(sometimes(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ATTRIBUTE_VALUES) }, { weight: 1, arbitrary: attributeValueArb }), 2, 1), {
      minLength: ATTRIBUTE_KEYS.length,
      maxLength: ATTRIBUTE_KEYS.length,
    }),
    others: fc.uniqueArray(fc.tuple(fc.constantFrom('n', 'd', 'score', 'rater', 'group', 'indicator'), fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 120 }) }, { weight: 1, arbitrary: attributeValueArb })), {
      maxLength: 4,
      selector: ([key]) => key,
    }),
  })
  .map(({ minutes, filtered, others }) =>
    ownObject<AttributeValue>([
      ...(minutes ? ([['minutes', '会议记录']] as const) : []),
      ...ATTRIBUTE_KEYS.flatMap((key, i) => (filtered[i] === undefined ? [] : [[key, filtered[i]] as const])),
      ...others,
    ]),
  );

/**
 * Records for a graph: of every type, for its organizations and people (and some not in it),
 * dated around 2022, some pending or rejected, a few under shared ids (conflicting versions),
 * a few repeated verbatim.
 */
export function recordsArb(graph: GraphInput, maxLength = 40): fc.Arbitrary<RecordInput[]> {
  const orgIds = graph.organizations.map((o) => o.id);
  const personIds = graph.people.map((p) => p.id);
  const recordArb = fc.record({
    shared: fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...SHARED_IDS) }),
    type: fc.constantFrom(...RECORD_TYPES),
    organization: sometimes(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...orgIds) }, { weight: 1, arbitrary: fc.constant('not-in-graph') }), 4, 1),
    person: sometimes(fc.constantFrom(...personIds), 1, 3),
    day: fc.integer({ min: PERIOD_START - 20, max: PERIOD_END + 20 }),
    status: fc.constantFrom(undefined, undefined, undefined, undefined, 'approved', 'pending', 'rejected'),
    attributes: sometimes(attributesArb, 4, 1),
  });
  return fc
    .tuple(fc.array(recordArb, { maxLength }), fc.array(fc.nat(), { maxLength: 3 }))
    .map(([drafts, repeats]) => {
      const records = drafts.map(({ shared, type, organization, person, day, status, attributes }, i): RecordInput => ({
        // A shared id for about one record in 8; otherwise unique.
        id: shared === undefined ? `r-${i}` : shared,
        type,
        ...(organization === undefined && person === undefined ? { organization: orgIds[0] as string } : {}),
        ...(organization === undefined ? {} : { organization }),
        ...(person === undefined ? {} : { person }),
        date: formatCalendarDate(day),
        ...(status === undefined ? {} : { status: status as 'approved' | 'pending' | 'rejected' }),
        ...(attributes === undefined ? {} : { attributes }),
      }));
      // Verbatim repeats, as an export run twice leaves them.
      for (const pick of repeats) if (records.length > 0) records.push(records[pick % records.length] as RecordInput);
      return records;
    });
}

/** A whole scenario: a graph, a rule set, records, and maybe an as-of date in 2022. */
export const scenarioArb = fc
  .tuple(graphArb, ruleSetArb)
  .chain(([graph, rules]) =>
    fc.record({
      graph: fc.constant(graph),
      rules: fc.constant(rules),
      records: recordsArb(graph),
      asOf: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: dayIn2022 }),
    }),
  );
