import { accountabilityMessages } from './accountability.js';
import { cliMessages } from './cli.js';
import { commonMessages } from './common.js';
import { engineMessages } from './engine.js';
import { evidenceMessages } from './evidence.js';
import { explainMessages } from './explain.js';
import { explainDerivedMessages } from './explain-derived.js';
import { explainMeasureMessages } from './explain-measures.js';
import { graphMessages } from './graph.js';
import { reportMessages } from './report.js';
import { rulesMessages } from './rules.js';
import { testingMessages } from './testing.js';
import type { MessageSection, MessageTemplate } from './types.js';

export type { MessageParams, MessageSection, MessageTemplate } from './types.js';

const SECTIONS: readonly MessageSection[] = [commonMessages, graphMessages, evidenceMessages, rulesMessages, engineMessages, explainMessages, explainMeasureMessages, explainDerivedMessages, accountabilityMessages, reportMessages, cliMessages, testingMessages];

/**
 * The one catalogue of user-facing messages, keyed by code, each in zh and en. Sections
 * live beside this file, one per layer; a code defined twice is caught by the catalogue test.
 */
export const CATALOGUE: ReadonlyMap<string, MessageTemplate> = new Map(
  SECTIONS.flatMap((section) => Object.entries(section)),
);

/** How many codes the sections define in all (equal to CATALOGUE.size when none repeats). */
export const DEFINED_CODE_COUNT = SECTIONS.reduce((n, section) => n + Object.keys(section).length, 0);
