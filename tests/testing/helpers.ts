// Shared fixtures for the testing-kit tests (not a test file itself).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { graph, records, type GraphBuilder, type RecordsBuilder } from '../../src/testing/index.js';
import { ValidationError, type RuleSetInput } from '../../src/index.js';

const exampleFile = (name: string): string => fileURLToPath(new URL(`../../examples/bureau-2022/${name}`, import.meta.url));

/** The bureau's 2022 rule set, as JSON. */
export function bureauRules(): object {
  return JSON.parse(readFileSync(exampleFile('rules.json'), 'utf8')) as object;
}

/** The bureau example's graph JSON and records. */
export function bureauExample(): { graph: object; records: object[] } {
  const lines = readFileSync(exampleFile('records.ndjson'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return { graph: JSON.parse(readFileSync(exampleFile('graph.json'), 'utf8')) as object, records: lines.map((l) => JSON.parse(l) as object) };
}

/** The brief's example graph: a committee and one branch, with oversight and liaison. */
export function smallGraph(): GraphBuilder {
  return graph()
    .committee('bureau', '局党委', { secretary: 'p1', team: ['p2', 'p3'] })
    .branch('b1', '第一党支部', { parent: 'bureau', secretary: 'p4', officer: 'p5', members: ['p6', 'p7'] })
    .oversee('p2', 'b1')
    .liaison('p3', 'b1');
}

/** A year of 2022 records, empty. */
export const year = (): RecordsBuilder => records({ year: 2022 });

/** A one-indicator rule set for branches: a monthly theme day, 1 point off per missed month. */
export function themeDayRules(extra: Partial<RuleSetInput['indicators'][number]> = {}): RuleSetInput {
  return {
    id: 'theme-day-only',
    title: '主题党日细则',
    titleEn: 'Theme days',
    version: '1',
    period: { year: 2022 },
    ladders: [
      {
        id: 'org',
        title: '等次',
        appliesTo: { organizations: ['branch'] },
        grades: [
          { id: 'good', title: '好', titleEn: 'good', min: 90 },
          { id: 'poor', title: '差', titleEn: 'poor', min: 0 },
        ],
      },
    ],
    indicators: [
      {
        id: 'theme-day',
        title: '主题党日每月开展',
        titleEn: 'A theme day every month',
        responsibility: 'principal',
        appliesTo: { organizations: ['branch'] },
        points: 10,
        measure: { type: 'cadence', recordTypes: ['theme-day'], every: 'month' },
        scoring: { method: 'deduct', perShortfall: 1 },
        ...extra,
      },
    ],
  };
}

/** The message of the error a call throws; fails when it does not throw. */
export function failureOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the call to throw, but it did not');
}

/** The ValidationError a call throws; fails when it throws nothing or something else. */
export function validationErrorOf(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw new Error(`expected a ValidationError, got ${String(error)}`);
  }
  throw new Error('expected the call to throw, but it did not');
}

/** The code, path and message of each issue of the ValidationError a call throws. */
export function issuesOf(call: () => unknown): { code: string; path: string; message: string }[] {
  return validationErrorOf(call).issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
}
