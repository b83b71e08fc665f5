import type { DayNumber } from '../core/calendar.js';
import type { Graph } from '../graph/types.js';
import { whereToMap, type FilterValue } from '../model/attribute-map.js';
import type { OrganizationKind, PostRole } from '../model/graph.js';
import type { Measure } from '../model/measures.js';
import { accountabilityRecordTypes } from '../model/accountability.js';
import type { AppliesTo, Indicator, Ladder, RuleSet, Veto } from '../model/rules.js';
import type { MeasureContext, MeasureModule } from './measure-module.js';
import { measureModule } from './measures/index.js';
import { resolvePeriod, type ResolvedPeriod } from './period.js';
import { sameSubjectDependencies } from './rollup-deps.js';

/**
 * Whose records fire a veto (`organization` only on an indicator for people: see {@link IndicatorPlan.vetoScope}).
 *
 * @example
 * const scope: VetoScope = plan.indicators[0].vetoScope; // 'self' unless the rule set says otherwise
 */
export type VetoScope = NonNullable<Veto['scope']>;

/** Who an indicator or ladder applies to, compiled for fast tests. */
export interface Applicability {
  readonly subject: 'organization' | 'person';
  readonly kinds: ReadonlySet<OrganizationKind> | null;
  readonly roles: ReadonlySet<PostRole> | null;
}

/** An indicator compiled for evaluation. */
export interface IndicatorPlan {
  readonly indicator: Indicator;
  readonly applies: Applicability;
  readonly module: MeasureModule | undefined;
  readonly where: ReadonlyMap<string, FilterValue>;
  readonly bonusWhere: ReadonlyMap<string, FilterValue>;
  readonly vetoWhere: ReadonlyMap<string, FilterValue>;
  readonly by: 'organization' | 'person';
  readonly scope: 'self' | 'subtree';
  /**
   * Whose records fire the veto: `self`, as the measure's records are read (a person's own by
   * default); for a person, `organization` or `subtree` read the records of the organizations where
   * they hold a post the indicator applies to (and, `subtree`, of every organization below them).
   */
  readonly vetoScope: VetoScope;
  readonly requireAttributes: readonly string[];
  /** Every record type the measure reads comes from a source declared complete. */
  readonly complete: boolean;
}

/** What a record of some type feeds: an indicator's measure, bonus, veto, or the business score. */
export interface Route {
  readonly plan: IndicatorPlan | null;
  readonly role: 'measure' | 'bonus' | 'veto' | 'business';
  /** Whether the lines a record feeds follow its organization (else its person). */
  readonly byOrganization: boolean;
}

/** A rule set compiled against a graph and a period. */
export interface Plan {
  readonly graph: Graph;
  readonly rules: RuleSet;
  readonly period: ResolvedPeriod;
  readonly context: MeasureContext;
  readonly indicators: readonly IndicatorPlan[];
  /** Each indicator's measure module, by indicator id (undefined: no measure, or one without a module). */
  readonly modules: ReadonlyMap<string, MeasureModule | undefined>;
  /** Indicators in an order where every same-subject roll-up follows what it reads. */
  readonly evaluationOrder: readonly IndicatorPlan[];
  readonly routes: ReadonlyMap<string, readonly Route[]>;
  readonly organizationSubjects: readonly string[];
  readonly personSubjects: readonly string[];
  readonly ladders: readonly { ladder: Ladder; applies: Applicability }[];
  /** For each person indicator read by organization: organization → people holding a matching post there. */
  readonly peopleByOrganization: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** For each person indicator whose veto reads organizations' records: organization → people holding a matching post there. */
  readonly vetoPeopleByOrganization: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** For each person indicator: the people it applies to. */
  readonly peopleOfIndicator: ReadonlyMap<string, ReadonlySet<string>>;
  /** Record types whose approved, in-period records are kept whole for the accountability rules. */
  readonly retainTypes: ReadonlySet<string>;
  /** The `asOf` asked for, before it is brought into the period (`context.asOf`). */
  readonly asOfGiven: DayNumber | undefined;
}

function compileApplicability(appliesTo: AppliesTo): Applicability {
  if ('organizations' in appliesTo) return { subject: 'organization', kinds: new Set(appliesTo.organizations), roles: null };
  return { subject: 'person', kinds: appliesTo.in ? new Set(appliesTo.in) : null, roles: new Set(appliesTo.posts) };
}

/**
 * Whether an organization or person is a subject of an indicator or ladder.
 *
 * @example
 * appliesToOrganization(plan.applies, graph, 'br-office');
 */
export function appliesToOrganization(applies: Applicability, graph: Graph, id: string): boolean {
  const org = graph.organizations.get(id);
  return applies.subject === 'organization' && org !== undefined && (applies.kinds?.has(org.kind) ?? true);
}

/** The organizations where a person holds a post matching `applies`, in id order. */
export function matchingPostOrganizations(applies: Applicability, graph: Graph, personId: string): string[] {
  if (applies.subject !== 'person' || !applies.roles) return [];
  const out: string[] = [];
  for (const post of graph.index.postsByPerson.get(personId) ?? []) {
    if (!applies.roles.has(post.role)) continue;
    const kind = graph.organizations.get(post.organization)?.kind;
    if (applies.kinds && (kind === undefined || !applies.kinds.has(kind))) continue;
    if (!out.includes(post.organization)) out.push(post.organization);
  }
  return out.sort();
}

interface RecordSelection {
  readonly recordTypes: readonly string[];
  readonly by?: 'organization' | 'person' | undefined;
  readonly scope?: 'self' | 'subtree' | undefined;
  readonly requireAttributes?: readonly string[] | undefined;
  readonly where?: Record<string, FilterValue> | undefined;
}

function recordSelection(measure: Measure | undefined): RecordSelection | undefined {
  if (!measure || measure.type === 'structure' || measure.type === 'roll-up') return undefined;
  if (measure.type === 'manual') return { recordTypes: [measure.recordType ?? 'manual-score'] };
  return measure;
}

function orderBySameSubjectDependencies(indicators: readonly IndicatorPlan[]): IndicatorPlan[] {
  const deps = sameSubjectDependencies(indicators.map((p) => p.indicator));
  const byId = new Map(indicators.map((p) => [p.indicator.id, p]));
  const placed = new Set<string>();
  const order: IndicatorPlan[] = [];
  // Cycles are refused when the rule set is parsed, so repeated passes always make progress.
  while (order.length < indicators.length) {
    const before = order.length;
    for (const plan of indicators) {
      const id = plan.indicator.id;
      if (placed.has(id)) continue;
      if ((deps.get(id) ?? []).every((d) => placed.has(d) || !byId.has(d) || d === id)) {
        placed.add(id);
        order.push(plan);
      }
    }
    if (order.length === before) throw new Error('zerenzhi: roll-up cycle reached the engine');
  }
  return order;
}

function retainedTypes(rules: RuleSet): Set<string> {
  const section = rules.accountability;
  const types = new Set(accountabilityRecordTypes(section));
  if (!section) return types;
  // Veto and deadline records name the people directly responsible (直接责任者).
  const deadlineRules = section.rules.flatMap((r) => (r.trigger.type === 'deadline-open' ? [r.trigger] : []));
  // A rule naming no indicator reads every deadline measure ('*' is an id like any other, not a wildcard).
  const everyDeadline = deadlineRules.some((t) => t.indicator === undefined);
  const deadlineIndicators = new Set(deadlineRules.flatMap((t) => (t.indicator === undefined ? [] : [t.indicator])));
  const vetoes = section.rules.some((r) => r.trigger.type === 'veto');
  for (const indicator of rules.indicators) {
    if (vetoes) for (const t of indicator.veto?.recordTypes ?? []) types.add(t);
    const m = indicator.measure;
    if (m?.type === 'deadline' && (everyDeadline || deadlineIndicators.has(indicator.id))) for (const t of m.recordTypes) types.add(t);
  }
  return types;
}

/**
 * Compiles a parsed rule set against a graph: indicator applicability, record routes by type,
 * the subjects, and the measure context for the period (and `asOf`).
 */
export function compilePlan(graph: Graph, rules: RuleSet, asOf: DayNumber | undefined): Plan {
  const period = resolvePeriod(rules.period);
  const effectiveEnd = asOf === undefined ? period.end : Math.min(Math.max(asOf, period.start - 1), period.end);
  const context: MeasureContext = { period, asOf: effectiveEnd, running: effectiveEnd < period.end };
  const completeTypes = new Set((rules.sources ?? []).filter((s) => s.complete).flatMap((s) => s.recordTypes));

  const routes = new Map<string, Route[]>();
  const addRoute = (type: string, route: Route): void => {
    const list = routes.get(type);
    if (list) list.push(route);
    else routes.set(type, [route]);
  };
  const indicators = rules.indicators.map((indicator): IndicatorPlan => {
    const applies = compileApplicability(indicator.appliesTo);
    const selection = recordSelection(indicator.measure);
    const plan: IndicatorPlan = {
      indicator,
      applies,
      module: indicator.measure ? measureModule(indicator.measure.type) : undefined,
      where: whereToMap(selection?.where),
      bonusWhere: whereToMap(indicator.bonus?.where),
      vetoWhere: whereToMap(indicator.veto?.where),
      by: selection?.by ?? applies.subject,
      scope: selection?.scope ?? 'self',
      vetoScope: indicator.veto?.scope ?? 'self',
      requireAttributes: selection?.requireAttributes ?? [],
      complete: selection !== undefined && selection.recordTypes.every((t) => completeTypes.has(t)),
    };
    const byOrganization = applies.subject === 'organization' || plan.by === 'organization';
    // A person's veto by organization reads the records of where they hold the post, whoever the records name.
    const vetoByOrganization = byOrganization || plan.vetoScope !== 'self';
    for (const type of new Set(selection?.recordTypes ?? [])) addRoute(type, { plan, role: 'measure', byOrganization });
    for (const type of new Set(indicator.bonus?.recordTypes ?? [])) addRoute(type, { plan, role: 'bonus', byOrganization });
    for (const type of new Set(indicator.veto?.recordTypes ?? [])) addRoute(type, { plan, role: 'veto', byOrganization: vetoByOrganization });
    return plan;
  });
  if (rules.composite) addRoute(rules.composite.recordType ?? 'business-score', { plan: null, role: 'business', byOrganization: false });

  const ladders = (rules.ladders ?? []).map((ladder) => ({ ladder, applies: compileApplicability(ladder.appliesTo) }));
  const allApplies = [...indicators.map((p) => p.applies), ...ladders.map((l) => l.applies)];
  const organizationSubjects = graph.index.preorder.filter((id) => allApplies.some((a) => appliesToOrganization(a, graph, id)));
  const personSubjects = [...graph.people.keys()].filter((id) => allApplies.some((a) => matchingPostOrganizations(a, graph, id).length > 0));

  const peopleByOrganization = new Map<string, Map<string, string[]>>();
  const vetoPeopleByOrganization = new Map<string, Map<string, string[]>>();
  const peopleOfIndicator = new Map<string, Set<string>>();
  for (const plan of indicators) {
    if (plan.applies.subject !== 'person') continue;
    const byOrg = new Map<string, string[]>();
    const people = new Set<string>();
    peopleOfIndicator.set(plan.indicator.id, people);
    const vetoByOrganization = plan.vetoScope !== 'self';
    for (const personId of personSubjects) {
      const organizations = matchingPostOrganizations(plan.applies, graph, personId);
      if (organizations.length > 0) people.add(personId);
      if (plan.by !== 'organization' && !vetoByOrganization) continue;
      for (const org of organizations) {
        const list = byOrg.get(org);
        if (list) list.push(personId);
        else byOrg.set(org, [personId]);
      }
    }
    // Both read the same posts: one map serves the measure and the veto.
    if (plan.by === 'organization') peopleByOrganization.set(plan.indicator.id, byOrg);
    if (vetoByOrganization) vetoPeopleByOrganization.set(plan.indicator.id, byOrg);
  }
  return {
    graph,
    rules,
    period,
    context,
    indicators,
    modules: new Map(indicators.map((p) => [p.indicator.id, p.module])),
    evaluationOrder: orderBySameSubjectDependencies(indicators),
    routes,
    organizationSubjects,
    personSubjects,
    ladders,
    peopleByOrganization,
    vetoPeopleByOrganization,
    peopleOfIndicator,
    retainTypes: retainedTypes(rules),
    asOfGiven: asOf,
  };
}
