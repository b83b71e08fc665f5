// Regenerates schemas/*.schema.json from the zod schemas: `npm run schemas`.
// tests/cli/schema.test.ts fails when the committed files are out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { graphJsonSchema, partialStateJsonSchema, recordJsonSchema, resultJsonSchema, ruleSetJsonSchema } from '../src/index.js';

const out = (name: string): string => fileURLToPath(new URL(`../schemas/${name}.schema.json`, import.meta.url));
writeFileSync(out('graph'), `${JSON.stringify(graphJsonSchema(), null, 2)}\n`);
writeFileSync(out('rules'), `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
writeFileSync(out('record'), `${JSON.stringify(recordJsonSchema(), null, 2)}\n`);
writeFileSync(out('result'), `${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
writeFileSync(out('partial'), `${JSON.stringify(partialStateJsonSchema(), null, 2)}\n`);
