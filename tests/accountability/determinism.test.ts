// The findings do not depend on the order of the inputs: any order of the bureau's records, and
// the graph's arrays in another order, give the same JSON. The records file holds an exact
// duplicate line and a conflicting pair, so the shuffles also move those around.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, type AssessmentResult, type GraphInput } from '../../src/index.js';
import { bureauInputs, bureauRecords } from './helpers.js';

const { graph, rules } = bureauInputs();
const records = bureauRecords();
const reference = assess({ graph, rules, records });

/** The accountability part of a result, as JSON. */
const accountabilityJson = (r: AssessmentResult): string => JSON.stringify({ findings: r.findings, eligibility: r.eligibility, pressure: r.pressure, ineligibleFrom: r.ineligibleFrom });

describe('record order', () => {
  it('the reference run has findings to compare', () => {
    expect(reference.findings.length).toBeGreaterThan(10);
  });

  it('any shuffle of the records gives identical findings, eligibility and pressure', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), (shuffled) => {
        const result = assess({ graph, rules, records: shuffled });
        expect(accountabilityJson(result)).toBe(accountabilityJson(reference));
      }),
      { numRuns: 10 },
    );
  });

  it('reversed records give a byte-identical result', () => {
    expect(JSON.stringify(assess({ graph, rules, records: [...records].reverse() }))).toBe(JSON.stringify(reference));
  });
});

describe('graph input order', () => {
  it('every array of the graph reversed gives identical findings', () => {
    const reversed: GraphInput = {
      ...graph,
      organizations: [...graph.organizations].reverse(),
      people: [...graph.people].reverse(),
      posts: [...graph.posts].reverse(),
      oversight: [...(graph.oversight ?? [])].reverse(),
      liaison: [...(graph.liaison ?? [])].reverse(),
    };
    const result = assess({ graph: reversed, rules, records });
    expect(accountabilityJson(result)).toBe(accountabilityJson(reference));
    expect(JSON.stringify(result)).toBe(JSON.stringify(reference));
  });

  it('shuffled graph arrays and records together', () => {
    const shuffle = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
    fc.assert(
      fc.property(
        shuffle(graph.organizations),
        shuffle(graph.posts),
        shuffle(graph.oversight ?? []),
        shuffle(graph.liaison ?? []),
        shuffle(records),
        (organizations, posts, oversight, liaison, shuffled) => {
          const result = assess({ graph: { ...graph, organizations, posts, oversight, liaison }, rules, records: shuffled });
          expect(accountabilityJson(result)).toBe(accountabilityJson(reference));
        },
      ),
      { numRuns: 5 },
    );
  });
});
