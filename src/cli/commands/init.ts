import { access, mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import type { Lang } from '../../core/lang.js';
import { writeFiles } from '../write-files.js';
import { CliFailure, EXIT, say, writeLines, type CommandContext } from '../io.js';
import { starterFiles } from '../init-templates.js';
import type { ProgramEnv } from '../program.js';

/**
 * The options of `zerenzhi init`.
 *
 * @example
 * const options: InitCommandOptions = { year: 2024, force: true };
 */
export interface InitCommandOptions {
  readonly force?: boolean;
  readonly year?: number;
}

async function ensureWritableDir(dir: string, force: boolean, lang: Lang): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch {
    // Missing: create it (and its parents).
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      const reason = (error as { code?: string }).code ?? 'EIO';
      throw new CliFailure(EXIT.invalid, [say('cli-file-unwritable', lang, { path: dir, reason })]);
    }
    return;
  }
  if (!isDirectory) throw new CliFailure(EXIT.invalid, [say('cli-not-a-directory', lang, { dir })]);
  if (!force && (await readdir(dir)).length > 0) throw new CliFailure(EXIT.invalid, [say('cli-dir-not-empty', lang, { dir })]);
}

/**
 * Runs `zerenzhi init DIR`: writes a starter graph.json, rules.json and records.ndjson that
 * validate and lint clean, and whose assessment shows people graded and judged, a shortfall and
 * findings proposed along the responsibility chain. Refuses a non-empty directory (exit code 1)
 * unless `--force`.
 *
 * @example
 * await runInit('demo', { year: 2024 }, context);
 */
export async function runInit(dir: string, options: InitCommandOptions, context: CommandContext): Promise<number> {
  const { io, lang } = context;
  await ensureWritableDir(dir, options.force === true, lang);
  // The last complete year, so that every month and quarter is due.
  const year = options.year ?? lastEndedYear();
  // All three or none: a half-written starter would not run, and would hide what went wrong.
  const schemaDir = await schemaDirFor(dir);
  await writeFiles(Object.entries(starterFiles(year, schemaDir)).map(([name, text]) => ({ file: join(dir, name), pieces: [text] })), lang);
  writeLines(io.stderr, [say('cli-init-done', lang, { dir })]);
  return EXIT.ok;
}

/**
 * Where the starter's `$schema` lines should point, relative to its folder `dir` (docs/rules.md
 * 14.3): the schemas of the zerenzhi installed in `node_modules` in `dir` or the nearest folder
 * above it; if there is none (run through `npx` before installing), those that `npm install
 * zerenzhi` will put in `cwd`. Always with forward slashes, starting with `./` or `../`.
 *
 * @example
 * await schemaDirFor('my-rules', '/home/me/project'); // '../node_modules/zerenzhi/schemas'
 */
export async function schemaDirFor(dir: string, cwd: string = process.cwd()): Promise<string> {
  const from = resolve(cwd, dir);
  const schemasIn = (folder: string): string => join(folder, 'node_modules', 'zerenzhi', 'schemas');
  let target = schemasIn(resolve(cwd));
  for (let folder = from; ; folder = dirname(folder)) {
    const found = await access(join(schemasIn(folder), 'rules.schema.json')).then(() => true, () => false);
    if (found) {
      target = schemasIn(folder);
      break;
    }
    if (dirname(folder) === folder) break;
  }
  const path = relative(from, target).split(sep).join('/');
  // Another drive (Windows) has no relative path: the absolute one is the best there is.
  return path.startsWith('../') || isAbsolute(path) ? path : `./${path}`;
}

/** China Standard Time's offset from UTC (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The last year that had ended in China (UTC+8) at `now`: the same on every machine, whatever its
 * time zone (on 31 December at 20:00 UTC it is already the new year in China).
 *
 * @example
 * lastEndedYear(Date.UTC(2023, 11, 31, 12)); // 2022 (20:00 on 31 December in China)
 * lastEndedYear(Date.UTC(2023, 11, 31, 16)); // 2023 (midnight, 1 January 2024, in China)
 */
export function lastEndedYear(now: number = Date.now()): number {
  return new Date(now + CHINA_OFFSET_MS).getUTCFullYear() - 1;
}

/**
 * Adds `init` to the program.
 *
 * @example
 * addInitCommand(program, env);
 */
export function addInitCommand(program: Command, env: ProgramEnv): void {
  const { helpLang: h } = env;
  const parseYear = (value: string): number => {
    const year = Number(value);
    if (!/^\d{4}$/.test(value) || year < 1900 || year > 2999) throw new InvalidArgumentError(say('cli-reason-year', h));
    return year;
  };
  env
    .command(program, 'init', say('cli-help-init', h))
    .addArgument(new Argument('<dir>', say('cli-help-dir', h)))
    .option('--force', say('cli-help-force', h))
    .addOption(new Option('--year <year>', say('cli-help-year', h)).argParser(parseYear))
    .action(env.action((options: InitCommandOptions, context, args) => runInit(args[0] as string, options, context)));
}
