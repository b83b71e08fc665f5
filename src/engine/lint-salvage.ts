import { IndicatorSchema, LadderSchema, QuotaSchema, RuleSetSchema, type RuleSet } from '../model/rules.js';

/**
 * Which parts of a rule set that did not parse were left out to lint the rest.
 *
 * @example
 * const whole: SalvagedParts = { indicatorsDropped: false, laddersDropped: false };
 */
export interface SalvagedParts {
  /** Some indicator did not parse: what sums or reads every indicator is not linted. */
  readonly indicatorsDropped: boolean;
  /** Some ladder did not parse, or the section was left out. */
  readonly laddersDropped: boolean;
}

/**
 * Where each kept item of a list stood in the input, by list name: paths are given back as written.
 *
 * @example
 * const indexes: SalvagedIndexes = new Map([['indicators', [0, 1, 3]]]);
 */
export type SalvagedIndexes = ReadonlyMap<string, readonly number[]>;

// Fields a rule set cannot do without: when one of these is wrong there is nothing to lint.
const REQUIRED = new Set(['id', 'title', 'version', 'period', 'indicators']);

function keptItems(value: unknown, parses: (item: unknown) => boolean): { items: unknown[]; at: number[]; dropped: boolean } | undefined {
  if (!Array.isArray(value)) return undefined;
  const at: number[] = [];
  value.forEach((item, i) => {
    if (parses(item)) at.push(i);
  });
  return { items: at.map((i) => value[i]), at, dropped: at.length < value.length };
}

/**
 * A finding's path on the salvaged rule set, as a path in the input: `indicators[1]` of the kept
 * list is the input's `indicators[3]` when two before it were left out.
 *
 * @example
 * inputPath(['indicators', 1, 'points'], indexes); // ['indicators', 3, 'points']
 */
export function inputPath<P extends readonly (string | number)[]>(path: P, indexes: SalvagedIndexes): P {
  const [list, index] = path;
  const at = typeof list === 'string' && typeof index === 'number' ? indexes.get(list)?.[index] : undefined;
  return (at === undefined ? path : [list, at, ...path.slice(2)]) as unknown as P;
}

/**
 * The parts of a rule set that parse on their own, as a rule set the linter's warnings can read:
 * indicators, ladders and quotas that do not parse are left out, and so is any optional section
 * that does not. Undefined when a field no rule set can do without (its id, period, every
 * indicator…) is wrong: then nothing is linted beyond the errors.
 *
 * @example
 * const salvaged = salvageRuleSet(json);
 * if (salvaged) lintWarnings(salvaged.rules, graph, 'zh', salvaged.parts);
 */
export function salvageRuleSet(input: unknown): { readonly rules: RuleSet; readonly parts: SalvagedParts; readonly indexes: SalvagedIndexes } | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const candidate: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const indicators = keptItems(candidate['indicators'], (item) => IndicatorSchema.safeParse(item).success);
  if (!indicators || indicators.items.length === 0) return undefined;
  candidate['indicators'] = indicators.items;
  const ladders = keptItems(candidate['ladders'], (item) => LadderSchema.safeParse(item).success);
  if (ladders) candidate['ladders'] = ladders.items;
  const quotas = keptItems(candidate['quotas'], (item) => QuotaSchema.safeParse(item).success);
  if (quotas) candidate['quotas'] = quotas.items;
  let laddersDropped = ladders?.dropped ?? false;
  const indexes = new Map<string, readonly number[]>([['indicators', indicators.at]]);
  if (ladders) indexes.set('ladders', ladders.at);
  if (quotas) indexes.set('quotas', quotas.at);
  // Each round leaves out the optional sections still wrong; a required one wrong ends it.
  for (let round = 0; round < 4; round++) {
    const parsed = RuleSetSchema.safeParse(candidate);
    if (parsed.success) return { rules: parsed.data, parts: { indicatorsDropped: indicators.dropped, laddersDropped }, indexes };
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key !== 'string' && issue.code === 'unrecognized_keys') for (const unknown of issue.keys) delete candidate[unknown];
      if (typeof key !== 'string') continue;
      if (REQUIRED.has(key)) return undefined;
      if (key === 'ladders') laddersDropped = true;
      delete candidate[key];
    }
  }
  return undefined;
}
