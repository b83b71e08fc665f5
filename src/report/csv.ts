import { z } from 'zod';
import type { AssessmentResult, Finding, RuleHit } from '../accountability/types.js';
import type { Lang } from '../core/lang.js';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import type { SubjectResult } from '../engine/result.js';
import { RESPONSIBILITY_LABELS } from '../model/responsibility.js';
import { csvPieces, type CsvValue } from './csv-cells.js';
import { provisionalHits } from '../accountability/hits.js';
import {
  basisLabel,
  circumstancesText,
  findingStatusText,
  liabilityLabel,
  listSeparator,
  pathText,
  reportContext,
  say,
  statusLabel,
  subjectTypeLabel,
  triggerLabel,
  verdictLabel,
  waiverText,
  type ReportContext,
} from './labels.js';
import { requireResult, type ResultPart } from './result-check.js';

/**
 * Options for {@link toCsv} and {@link toCsvChunks}, checked before anything is written
 * ({@link CsvOptionsSchema}): a `ValidationError` (subject `options`) lists every problem —
 * options that are not an object (`null`, a text such as `'en'`), a name not below (`BOM`:
 * `unknown-field`), a `lang` other than `zh` or `en` (`'fr'`, `null`: `invalid-value`), a `bom`
 * that is not `true` or `false` (`'false'`, `'no'`, `0`, `null`: `invalid-type`).
 *
 * @example
 * toCsv(result, { lang: 'en', bom: false });
 */
export interface CsvOptions {
  /** Language of headers and labels. Default: the result's language. */
  readonly lang?: Lang;
  /** Start each document with a byte order mark (default true, for Excel). */
  readonly bom?: boolean;
}

/**
 * {@link CsvOptions}, no other name.
 *
 * @example
 * checkOptions(CsvOptionsSchema, { bom: false }); // 'zh'
 */
export const CsvOptionsSchema = z.strictObject({
  lang: LangOptionSchema.optional(),
  bom: z.boolean().optional(),
});

/** The parts of a result the CSV documents read. */
const CSV_PARTS: readonly ResultPart[] = ['lang', 'organizations', 'people', 'findings', 'hits', 'forms'];

/**
 * The two CSV documents of a result.
 *
 * @example
 * const { lines, findings }: CsvReport = toCsv(result);
 */
export interface CsvReport {
  /** One row per subject and indicator. */
  readonly lines: string;
  /** One row per finding. */
  readonly findings: string;
  /**
   * One row per early warning (预警): a rule set off while the period was still running that may
   * yet change by its end, so no finding is proposed from it yet (`result.hits` marked
   * `provisional`). Only the header when there is none, as for a result made at the period's end.
   */
  readonly earlyWarnings: string;
}

const LINE_COLUMNS = [
  'report-col-subject-type',
  'report-col-id',
  'report-col-name',
  'report-col-grade',
  'report-col-verdict',
  'report-col-subject-total',
  'report-col-indicator-id',
  'report-col-indicator',
  'report-col-responsibility',
  'report-col-points',
  'report-col-max',
  'report-col-status',
  'report-col-shortfalls',
  'report-col-records-counted',
  'report-col-explanation',
];

// A document's first header is never "ID": Excel takes a file starting with it for SYLK.
const FINDING_COLUMNS = [
  'report-col-finding-id',
  'report-col-rule-id',
  'report-col-rule',
  'report-col-status',
  'report-col-subject-type',
  'report-col-subject-id',
  'report-col-subject',
  'report-col-liability',
  'report-col-basis',
  'report-col-form',
  'report-col-base-form',
  'report-col-trigger',
  'report-col-trigger-subject',
  'report-col-indicators',
  'report-col-records',
  'report-col-chain',
  'report-col-circumstances',
  'report-col-waiver',
  'report-col-explanation',
];

// The first header is the rule's ID, never a bare "ID" (see above).
const EARLY_WARNING_COLUMNS = [
  'report-col-rule-id',
  'report-col-rule',
  'report-col-subject-type',
  'report-col-subject-id',
  'report-col-subject',
  'report-col-indicators',
  'report-col-records',
  'report-col-reason',
];

function lineRows(context: ReportContext, subject: SubjectResult): CsvValue[][] {
  const { lang } = context;
  return subject.lines.map((line) => [
    subjectTypeLabel(subject.type, lang),
    subject.id,
    subject.name,
    subject.grade?.title ?? '',
    // A person's verdict (本职 / 失职 / 不称职); an organization has none.
    verdictLabel(subject.verdict, lang),
    subject.total,
    line.indicator,
    line.title,
    RESPONSIBILITY_LABELS[line.responsibility][lang],
    line.points,
    line.max,
    statusLabel(line.status, lang),
    line.shortfalls,
    line.records.counted,
    line.explanation,
  ]);
}

function findingRow(context: ReportContext, f: Finding): CsvValue[] {
  const { lang } = context;
  const join = (ids: readonly string[]): string => ids.join(listSeparator(lang));
  return [
    f.id,
    f.rule,
    f.ruleTitle,
    findingStatusText(f, lang),
    subjectTypeLabel(f.subject.type, lang),
    f.subject.id,
    f.subject.name,
    liabilityLabel(f, lang),
    basisLabel(f.basis, lang),
    context.formTitle(f.decision?.form ?? f.form, f.subject.type),
    context.formTitle(f.baseForm, f.subject.type),
    triggerLabel(f.trigger.type, lang),
    f.trigger.subject.name,
    join(f.trigger.indicators),
    join(f.trigger.recordIds),
    pathText(context, f),
    circumstancesText(f.circumstances, lang),
    waiverText(context, f),
    f.explanation,
  ];
}

function earlyWarningRow(lang: Lang, h: RuleHit): CsvValue[] {
  const join = (ids: readonly string[] | undefined): string => (ids ?? []).join(listSeparator(lang));
  return [h.rule, h.ruleTitle ?? h.rule, subjectTypeLabel(h.subject.type, lang), h.subject.id, h.subject.name, join(h.indicators), join(h.recordIds), h.explanation ?? ''];
}

/**
 * The three CSV documents of a result, in pieces (one row each): for a result whose documents are
 * too big for one string (a province's), to be written piece by piece. Each is iterable again.
 *
 * @example
 * const { lines } = toCsvChunks(result);
 * for (const piece of lines) stream.write(piece);
 */
export interface CsvChunks {
  /** One row per subject and indicator. */
  readonly lines: Iterable<string>;
  /** One row per finding. */
  readonly findings: Iterable<string>;
  /** One row per early warning ({@link CsvReport.earlyWarnings}). */
  readonly earlyWarnings: Iterable<string>;
}

/**
 * {@link toCsv}'s documents in pieces, one row each; joined, each is exactly `toCsv`'s. The
 * options and the result are checked when it is called, as {@link toCsv}'s.
 *
 * @example
 * const { lines, findings } = toCsvChunks(result, { lang: 'en' });
 */
export function toCsvChunks(given: AssessmentResult, options: CsvOptions = {}): CsvChunks {
  const result = requireResult(given, CSV_PARTS, checkOptions(CsvOptionsSchema, options));
  const lang = options.lang ?? result.lang;
  const context = reportContext(result, lang);
  const bom = options.bom ?? true;
  function* lineTable(): Generator<readonly CsvValue[]> {
    yield LINE_COLUMNS.map((c) => say(c, lang));
    for (const subject of result.organizations) yield* lineRows(context, subject);
    for (const subject of result.people) yield* lineRows(context, subject);
  }
  function* findingTable(): Generator<readonly CsvValue[]> {
    yield FINDING_COLUMNS.map((c) => say(c, lang));
    for (const f of result.findings) yield findingRow(context, f);
  }
  function* earlyWarningTable(): Generator<readonly CsvValue[]> {
    yield EARLY_WARNING_COLUMNS.map((c) => say(c, lang));
    for (const h of provisionalHits(result)) yield earlyWarningRow(lang, h);
  }
  return {
    lines: { [Symbol.iterator]: () => csvPieces(lineTable(), bom) },
    findings: { [Symbol.iterator]: () => csvPieces(findingTable(), bom) },
    earlyWarnings: { [Symbol.iterator]: () => csvPieces(earlyWarningTable(), bom) },
  };
}

/**
 * The result as three CSV documents for spreadsheets: `lines`, one row per subject and indicator
 * (subject type, id, name, grade, verdict, total, indicator id, title, responsibility, points, max, status,
 * shortfalls, records counted, explanation), organizations first, in the result's order;
 * `findings`, one row per finding (its first column `编号`, `Finding ID` in English: no document
 * starts with `ID`, which Excel takes for a SYLK file); and `earlyWarnings`, one row per early
 * warning of a result made while its period was still running (rule ID, rule, subject type, ID and
 * name, indicators, records, reason), only the header otherwise. UTF-8 with a byte order mark, CRLF line
 * ends, RFC 4180 quoting, and text cells that could run as formulas prefixed with a single quote.
 * Headers, labels and form titles (where the result's ladders have both) are Chinese by default
 * (`options.lang ?? result.lang`); titles and explanations stay in the result's language. For a
 * result too big for one string, use {@link toCsvChunks}. Refuses (a `ValidationError`, subject
 * `options`) the options {@link CsvOptions} lists, and a result that is not one at its top level
 * (not an object, or its `lang`, `organizations`, `people` or `findings` missing or of the wrong
 * kind, or its `hits` given but not a list: `invalid-type` at `[]`, expected `assess(…)`).
 *
 * @example
 * const { lines, findings, earlyWarnings } = toCsv(result);
 * fs.writeFileSync('result.csv', lines);
 * fs.writeFileSync('result.findings.csv', findings);
 * fs.writeFileSync('result.early-warnings.csv', earlyWarnings);
 */
export function toCsv(result: AssessmentResult, options: CsvOptions = {}): CsvReport {
  const { lines, findings, earlyWarnings } = toCsvChunks(result, options);
  return { lines: [...lines].join(''), findings: [...findings].join(''), earlyWarnings: [...earlyWarnings].join('') };
}
