// What one json-rules-engine run costs by itself, with the peer's 13 indicators as rules (type
// condition first, at the highest priority) and one record's facts, against an engine with no
// rules: the floor of the peer in bench/assess.ts, whatever the application does around it.
//
// Usage: npx tsx bench/peer-engine-cost.ts
import { Engine } from 'json-rules-engine';
import { PEER_INDICATORS } from './peer-json-rules-engine.js';

const RUNS = 20_000;
const facts = { type: 'theme-day', status: 'approved', kind: 'branch', leader: false, day: 20220315, due: undefined, done: undefined, minutes: true };

async function perRunMicros(engine: Engine): Promise<number> {
  for (let i = 0; i < 2_000; i++) await engine.run(facts); // warm-up
  const start = performance.now();
  for (let i = 0; i < RUNS; i++) await engine.run(facts);
  return ((performance.now() - start) / RUNS) * 1000;
}

const withRules = new Engine([], { allowUndefinedFacts: true });
for (const indicator of PEER_INDICATORS) {
  withRules.addRule({
    name: indicator.id,
    conditions: { all: [{ fact: 'type', operator: 'equal', value: indicator.recordType, priority: 10 }, { fact: 'status', operator: 'equal', value: 'approved' }] },
    event: { type: indicator.id },
  });
}
const rules = await perRunMicros(withRules);
const none = await perRunMicros(new Engine([], { allowUndefinedFacts: true }));
console.log(`engine.run with the peer's ${PEER_INDICATORS.length} rules (one matching type): ${rules.toFixed(1)} µs; with no rules: ${none.toFixed(1)} µs`);
