// The CLI part of the package's own tsup config, for the end-to-end test: `npx tsup --config
// tests/cli/tsup.cli.config.ts` builds dist/cli.js exactly as `npx tsup` does, without the
// library's declaration build (slow, and failing on any type error anywhere in the library).
import type { Options } from 'tsup';
import configs from '../../tsup.config.js';

const all = (Array.isArray(configs) ? configs : [configs]) as Options[];

export default all.filter((config) => typeof config.entry === 'object' && config.entry !== null && 'cli' in config.entry);
