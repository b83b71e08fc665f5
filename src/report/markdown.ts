import type { AssessmentResult } from '../accountability/types.js';
import type { Lang } from '../core/lang.js';
import { checkOptions } from '../core/options.js';
import { formatPath } from '../core/path.js';
import type { LintFinding } from '../engine/lint.js';
import type { CoverageReport } from '../graph/coverage.js';
import { reportContext, say, type ReportContext } from './labels.js';
import { graphOptionIssues, requireResult, type ResultPart } from './result-check.js';
import { MarkdownOptionsSchema, rulesOptionIssues, type MarkdownOptions } from './markdown-options.js';
import { madeWhileRunning, provisionalHits } from '../accountability/hits.js';
import { auditSection, eligibilitySection, findingsSection, pressureSection, unreachedHits } from './markdown-findings.js';
import { linesSectionBlocks, organizationsSection, peopleSection } from './markdown-subjects.js';
import { code, codeCell, heading, md, table } from './markdown-text.js';
import { periodLabel, warningText } from './report-language.js';

export { MarkdownOptionsSchema, type MarkdownOptions } from './markdown-options.js';

/** The parts of a result the Markdown report reads. */
const MARKDOWN_PARTS: readonly ResultPart[] = [
  'lang',
  'ruleSet',
  'period',
  'engine',
  'evidence',
  'organizations',
  'people',
  'findings',
  'hits',
  'warnings',
  'eligibility',
  'pressure',
  'ineligibleFrom',
  'audit',
  'forms',
];

// An as-of date on or after the period's end is its end, and one before its start the day before
// it (the engine brings it so into the period).
function asOfLine(period: AssessmentResult['period'], lang: Lang): string {
  if (!madeWhileRunning(period)) return say('report-meta-as-of-end', lang);
  return period.asOf < period.start ? say('report-meta-as-of-before', lang, { asOf: period.asOf }) : say('report-meta-as-of', lang, { asOf: period.asOf });
}

function header(context: ReportContext): string {
  const { lang, result } = context;
  const meta = [
    say('report-meta-rules', lang, { id: result.ruleSet.id, version: result.ruleSet.version }),
    say('report-meta-period', lang, { label: periodLabel(result.period, result.lang, lang), start: result.period.start, end: result.period.end }),
    asOfLine(result.period, lang),
    say('report-meta-subjects', lang, { organizations: result.organizations.length, people: result.people.length }),
  ];
  if (result.lang !== lang) meta.push(say('report-meta-language', lang, { language: say(`report-language-${result.lang}`, lang) }));
  return [heading(1, md(say('report-title', lang, { title: result.ruleSet.title }))), meta.map((m) => `- ${md(m)}`).join('\n')].join('\n\n');
}

// A ladder by its title in the report's language; by its id, as code, where the rule set (not
// given, or without that ladder) titles it not.
function ladderCell(context: ReportContext, id: string): string {
  const title = context.ladderTitle(id);
  return title === id ? codeCell(id) : md(title);
}

function gradeCounts(context: ReportContext): string {
  const { lang, result } = context;
  const counts = new Map<string, { ladder: string; title: string; rank: number; organizations: number; people: number }>();
  let ungraded = 0;
  for (const s of [...result.organizations, ...result.people]) {
    if (!s.grade) {
      ungraded++;
      continue;
    }
    const key = `${s.grade.ladder}\u0000${s.grade.id}`;
    const entry = counts.get(key) ?? { ladder: s.grade.ladder, title: s.grade.title, rank: s.grade.rank, organizations: 0, people: 0 };
    entry[s.type === 'organization' ? 'organizations' : 'people']++;
    counts.set(key, entry);
  }
  if (counts.size === 0) return say('report-summary-ungraded', lang);
  const ladders = [...new Set([...counts.values()].map((c) => c.ladder))];
  const rows = [...counts.values()]
    .sort((a, b) => ladders.indexOf(a.ladder) - ladders.indexOf(b.ladder) || a.rank - b.rank)
    .map((c) => [ladderCell(context, c.ladder), md(c.title), String(c.organizations), String(c.people)]);
  if (ungraded > 0) {
    const orgs = result.organizations.filter((s) => !s.grade).length;
    rows.push(['', say('report-ungraded', lang), String(orgs), String(ungraded - orgs)]);
  }
  const headers = ['report-col-ladder', 'report-col-grade', 'report-col-organizations', 'report-col-people'].map((c) => say(c, lang));
  return [heading(3, say('report-h-grades', lang)), table(headers, rows, ['l', 'l', 'r', 'r'])].join('\n\n');
}

// A waived finding is counted in the total and told as waived, never under a form: nobody gets it.
function findingsByForm(context: ReportContext): string {
  const { lang, result } = context;
  if (result.findings.length === 0) return say('report-summary-no-findings', lang);
  const organizations = result.findings.filter((f) => f.subject.type === 'organization').length;
  const standing = result.findings.filter((f) => f.status !== 'waived');
  const waived = result.findings.length - standing.length;
  const counts = new Map<string, { title: string; severity: number; organizations: number; people: number; person: boolean }>();
  for (const f of standing) {
    const form = f.decision?.form ?? f.form;
    const key = `${f.subject.type}\u0000${form.id}`;
    const entry = counts.get(key) ?? { title: context.formTitle(form, f.subject.type), severity: form.severity, organizations: 0, people: 0, person: f.subject.type === 'person' };
    entry[f.subject.type === 'organization' ? 'organizations' : 'people']++;
    counts.set(key, entry);
  }
  const totals = { count: result.findings.length, organizations, people: result.findings.length - organizations };
  const parts = [waived === 0 ? say('report-summary-findings', lang, totals) : say('report-summary-findings-waived', lang, { ...totals, waived })];
  if (counts.size > 0) {
    // Organization forms first, then person forms; the heaviest first within each.
    const rows = [...counts.values()]
      .sort((a, b) => Number(a.person) - Number(b.person) || b.severity - a.severity)
      .map((c) => [md(c.title), String(c.organizations), String(c.people)]);
    const headers = ['report-col-form', 'report-col-organizations', 'report-col-people'].map((c) => say(c, lang));
    parts.push(heading(3, say('report-h-findings-by-form', lang)), table(headers, rows, ['l', 'r', 'r']));
  }
  return parts.join('\n\n');
}

function summary(context: ReportContext): string {
  const { lang, result } = context;
  const parts = [heading(2, say('report-h-summary', lang)), gradeCounts(context), findingsByForm(context)];
  const provisional = provisionalHits(result).length;
  const unreached = unreachedHits(result).length;
  if (unreached > 0) parts.push(md(say('report-summary-unreached', lang, { count: unreached })));
  if (provisional > 0) parts.push(say('report-summary-provisional', lang, { count: provisional }));
  if (result.warnings.length > 0) parts.push(say('report-summary-warnings', lang, { count: result.warnings.length }));
  return parts.join('\n\n');
}

function coverageSection(context: ReportContext, report: CoverageReport): string {
  const { lang } = context;
  const parts = [
    heading(2, say('report-h-coverage', lang)),
    say('report-coverage-counts', lang, { organizations: report.organizations, withSecretary: report.withSecretary, overseen: report.overseen, gaps: report.gaps.length }),
  ];
  if (report.gaps.length > 0) {
    const headers = ['report-col-severity', 'report-col-message', 'report-col-code'].map((c) => say(c, lang));
    parts.push(table(headers, report.gaps.map((g) => [say(`report-severity-${g.severity}`, lang), md(g.message), codeCell(g.code)])));
  }
  return parts.join('\n\n');
}

function lintSection(context: ReportContext, findings: readonly LintFinding[]): string {
  const { lang } = context;
  const parts = [heading(2, say('report-h-lint', lang))];
  if (findings.length === 0) parts.push(say('report-no-lint', lang));
  else {
    const headers = ['report-col-severity', 'report-col-path', 'report-col-message', 'report-col-code'].map((c) => say(c, lang));
    parts.push(table(headers, findings.map((f) => [say(`report-lint-${f.severity}`, lang), codeCell(formatPath(f.path, lang)), md(f.message), codeCell(f.code)])));
  }
  return parts.join('\n\n');
}

function warningsSection(context: ReportContext): string {
  const { lang, result } = context;
  const list = result.warnings.length === 0 ? say('report-no-warnings', lang) : result.warnings.map((w) => `- ${md(warningText(w, result.lang, lang))} ${code(w.code)}`).join('\n');
  // Every counter the engine keeps, the valid records always, the others when they happened.
  const parts = Object.entries(result.evidence)
    .filter(([key, count]) => key === 'received' || count > 0)
    .map(([key, count]) => {
      const text = say(`report-evidence-${key}`, lang, { count });
      return text.startsWith('report-evidence-') ? `${key} ${count}` : text;
    });
  return [heading(2, say('report-h-warnings', lang)), list, md(say('report-evidence', lang, { parts: parts.join(lang === 'zh' ? '；' : '; ') }))].join('\n\n');
}

function footer(context: ReportContext): string {
  const { lang, result } = context;
  const text = say('report-footer', lang, { fingerprint: result.fingerprint, engine: result.engine.name, version: result.engine.version, schema: result.schemaVersion });
  return `---\n\n${md(text)}`;
}

/**
 * The assessment result as a Markdown report, for a party-affairs office to read and publish:
 * the rule set, period and as-of date; a summary (grades, findings by form, warnings); the
 * organizations and people with their scores, grades and verdicts; each subject's lines with
 * their explanations (a collapsible block each); the findings with their chain, basis,
 * circumstances and waivers, the rules set off that reached no one (a vacant secretary post) and
 * the early warnings; eligibility; pressure; coverage gaps and lint findings when given;
 * the warnings; and the fingerprint and engine version. A waived finding is counted as waived in
 * the summary, under no form. Grades are written with the veto or quota that gave them, in the
 * tables and in each subject's heading alike; decisions name forms by title. Headings, labels,
 * warnings, the period's label, eligibility reasons, form titles (where the result's ladders have
 * both) and grade ladders' titles (given `rules`) are Chinese by default and follow
 * `options.lang ?? result.lang`; the titles of the rule set, indicators, grades, accountability
 * rules and waiver grounds, and the explanations, stay in the result's language (the report says
 * so when it differs); coverage gaps and lint findings are written as given. Deterministic: the same result gives the same text (no clock is read), every input string is
 * escaped. Refuses (a `ValidationError`, subject `options`) the options {@link MarkdownOptions}
 * lists, and a result that is not one at its top level (not an object, or a part the report reads
 * missing or of the wrong kind: `invalid-type` at `[]`, expected `assess(…)`).
 *
 * @example
 * const result = assess({ graph, rules, records });
 * fs.writeFileSync('report.md', toMarkdown(result, { graph, rules, coverage: coverage(graph), lint: lintRuleSet(rules, graph) }));
 */
export function toMarkdown(result: AssessmentResult, options: MarkdownOptions = {}): string {
  return [...toMarkdownChunks(result, options)].join('');
}

/**
 * {@link toMarkdown}'s report in pieces: each section, and each subject's block of lines, one
 * piece. Joined, exactly `toMarkdown`'s text; for a report too big for one string. The options
 * and the result are checked when it is called (as {@link toMarkdown}'s), before the first piece.
 *
 * @example
 * for (const piece of toMarkdownChunks(result, { graph })) stream.write(piece);
 */
export function toMarkdownChunks(result: AssessmentResult, options: MarkdownOptions = {}): Generator<string> {
  const given = checkOptions(MarkdownOptionsSchema, options, (lang) => [...graphOptionIssues(options.graph, lang), ...rulesOptionIssues(result, options.rules, lang)]);
  return markdownPieces(requireResult(result, MARKDOWN_PARTS, given), options);
}

function* markdownPieces(result: AssessmentResult, options: MarkdownOptions): Generator<string> {
  const lang = options.lang ?? result.lang;
  const context = reportContext(result, lang, options.graph, options.rules);
  function* sections(): Generator<string> {
    yield header(context);
    yield summary(context);
    yield organizationsSection(context);
    yield peopleSection(context);
    yield* linesSectionBlocks(context);
    yield findingsSection(context);
    yield auditSection(context);
    yield eligibilitySection(context);
    yield pressureSection(context);
    if (options.coverage) yield coverageSection(context, options.coverage);
    if (options.lint) yield lintSection(context, options.lint);
    yield warningsSection(context);
    yield footer(context);
  }
  let first = true;
  // A section with nothing to show is empty: left out, with its blank line.
  for (const piece of sections()) {
    if (piece === '') continue;
    yield first ? piece : `\n\n${piece}`;
    first = false;
  }
  yield '\n';
}
