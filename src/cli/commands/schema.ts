import { Argument, type Command } from 'commander';
import { graphJsonSchema, recordJsonSchema, ruleSetJsonSchema } from '../../model/json-schema.js';
import { partialStateJsonSchema } from '../../engine/partial-schema.js';
import { resultJsonSchema } from '../../report/result-schema.js';
import { EXIT, say, type CommandContext } from '../io.js';
import type { ProgramEnv } from '../program.js';

/**
 * The schemas `zerenzhi schema` prints.
 *
 * @example
 * JSON.stringify(SCHEMAS.result(), null, 2);
 */
export const SCHEMAS = {
  graph: graphJsonSchema,
  rules: ruleSetJsonSchema,
  evidence: recordJsonSchema,
  result: resultJsonSchema,
  partial: partialStateJsonSchema,
} as const;

/**
 * Runs `zerenzhi schema NAME`: prints the JSON Schema.
 *
 * @example
 * await runSchema('rules', context);
 */
export async function runSchema(name: keyof typeof SCHEMAS, context: CommandContext): Promise<number> {
  context.io.stdout.write(`${JSON.stringify(SCHEMAS[name](), null, 2)}\n`);
  return EXIT.ok;
}

/**
 * Adds `schema` to the program.
 *
 * @example
 * addSchemaCommand(program, env);
 */
export function addSchemaCommand(program: Command, env: ProgramEnv): void {
  const { helpLang: h } = env;
  env
    .command(program, 'schema', say('cli-help-schema', h))
    .addArgument(new Argument('<name>', say('cli-help-schema-name', h)).choices(Object.keys(SCHEMAS)))
    .action(env.action((_options: object, context, args) => runSchema(args[0] as keyof typeof SCHEMAS, context)));
}
