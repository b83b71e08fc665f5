import type { Lang } from '../core/lang.js';
import { ValidationError, langError, langOption } from '../core/validation-error.js';
import { fromZodIssues } from '../core/zod-issues.js';
import type { CoverageReport } from '../graph/coverage.js';
import { dutiesOf } from '../graph/duties.js';
import { requireOrganization, requirePerson } from '../graph/lookup.js';
import { chainOf } from '../graph/responsibilities.js';
import type { Graph } from '../graph/types.js';
import { POST_ROLE_LABELS } from '../model/graph.js';
import { RESPONSIBILITY_LABELS } from '../model/responsibility.js';
import { listSeparator } from './labels.js';
import { CoverageReportShapeSchema } from './result-check.js';

// Text from the input on one line: line breaks (CR, LF, U+2028, U+2029) and the other control
// characters as spaces, as the Markdown and Mermaid reports write names in their labels, so that
// a name cannot start a line of its own and pass for a link of the chain (or move the cursor).
const oneLine = (text: string): string => text.replace(/\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');

// Levels a chain is indented by, at most: deeper links are written at the 10th level's indentation
// (each still names its level, `← 上N级`), so that a chain of n levels is O(n) text, not O(n²).
const INDENTED_LEVELS = 10;

const nameOf = (graph: Graph, personId: string): string => oneLine(graph.people.get(personId)?.name ?? personId);
const orgName = (graph: Graph, id: string): string => oneLine(graph.organizations.get(id)?.name ?? id);

/**
 * The responsibility chain of an organization as indented text, one link a line (a line break or
 * other control character in a name, id or area is written as a space). Each level up is indented
 * two more spaces, up to 10 levels; the links of deeper levels keep the 10th level's indentation
 * and, as every link above the organization does, name their level (`← 上12级 …`, `← 12 up: …`),
 * so a chain of any depth is text proportional to its length. Refuses, with a
 * `ValidationError`: a `lang` other than `zh` or `en` (`'fr'`, `null`, an options object such as
 * `{ lang: 'en' }`: subject `options`, `invalid-value` at `['lang']`, in Chinese); a graph
 * `parseGraph` did not make (subject `query`, `invalid-type` at `['graph']`); an id that is not a
 * text (`invalid-type` at `['organizationId']`) or not an organization of the graph (`unknown-organization`), in
 * the language asked for.
 *
 * @example
 * console.log(formatChainText(graph, 'br-center-1'));
 */
export function formatChainText(graph: Graph, organizationId: string, lang: Lang = 'zh'): string {
  langOption(lang);
  requireOrganization(graph, organizationId, lang, 'organizationId');
  const lines = [`${orgName(graph, organizationId)} (${oneLine(organizationId)})`];
  for (const link of chainOf(graph, organizationId)) {
    const label = RESPONSIBILITY_LABELS[link.kind][lang];
    const who =
      link.holder.type === 'team'
        ? `${orgName(graph, link.holder.organization)}${lang === 'zh' ? '领导班子' : ' leadership team'} (${link.holder.members.map((m) => nameOf(graph, m)).join(listSeparator(lang))})`
        : nameOf(graph, link.holder.person);
    const where = link.distance === 0 ? '' : lang === 'zh' ? ` ← 上${link.distance}级 ${orgName(graph, link.level)}` : ` ← ${link.distance} up: ${orgName(graph, link.level)}`;
    const area = link.area === undefined ? '' : lang === 'zh' ? `（分管：${oneLine(link.area)}）` : ` (area: ${oneLine(link.area)})`;
    lines.push(`  ${'  '.repeat(Math.min(link.distance, INDENTED_LEVELS))}[${label}] ${who}${area}${where}`);
  }
  return lines.join('\n');
}

/**
 * A coverage report as text: a summary line, then one line per gap (a line break or other control
 * character in a gap's message is written as a space). Refuses, with one
 * `ValidationError` (subject `options`) listing both: a `lang` other than `zh` or `en` (`'fr'`,
 * `null`, `{ lang: 'en' }`: `invalid-value` at `['lang']`), and a report that is not a coverage
 * report (not an object: `invalid-type` at `[]`; its counts, or a gap's code, severity or
 * message, missing or of the wrong kind: at their paths, such as `['gaps', 0, 'message']`).
 *
 * @example
 * console.log(formatCoverageText(coverage(graph)));
 */
export function formatCoverageText(report: CoverageReport, lang: Lang = 'zh'): string {
  const wrongLang = langError(lang);
  const shown: Lang = wrongLang ? 'zh' : lang;
  const shape = CoverageReportShapeSchema.safeParse(report, { reportInput: true });
  const issues = [...(wrongLang?.issues ?? []), ...(shape.success ? [] : fromZodIssues(shape.error.issues, [], shown))];
  if (issues.length > 0) throw new ValidationError('options', issues, shown);
  const head =
    lang === 'zh'
      ? `覆盖情况：${report.organizations} 个党组织，${report.withSecretary} 个有书记，${report.overseen} 个在班子成员分管范围内；发现 ${report.gaps.length} 处缺口`
      : `Coverage: ${report.organizations} organizations, ${report.withSecretary} with a secretary, ${report.overseen} inside an oversight area; ${report.gaps.length} gap(s)`;
  const marks = { error: lang === 'zh' ? '严重' : 'error', warning: lang === 'zh' ? '提示' : 'warning', info: lang === 'zh' ? '信息' : 'info' };
  return [head, ...report.gaps.map((g) => `  - [${marks[g.severity]}] ${oneLine(g.message)} (${oneLine(g.code)})`)].join('\n');
}

/**
 * Everything a person answers for as text: their posts, then one line per duty with its kind,
 * the organization and the capacity (the seat on a team, an oversight area, a contact point); a
 * line break or other control character in a name, id or area is written as a space.
 * Refuses, with a `ValidationError`: a `lang` other than `zh` or `en` (subject `options`,
 * `invalid-value` at `['lang']`, in Chinese); a graph `parseGraph` did not make (subject `query`,
 * `invalid-type` at `['graph']`); an id that is not a text (`invalid-type` at `['personId']`) or not a
 * person of the graph (`unknown-person`), in the language asked for.
 *
 * @example
 * console.log(formatDutiesText(graph, 'p-li-hua', 'zh'));
 */
export function formatDutiesText(graph: Graph, personId: string, lang: Lang = 'zh'): string {
  langOption(lang);
  requirePerson(graph, personId, lang, 'personId');
  const { posts, duties } = dutiesOf(graph, personId);
  const postText = posts.map((p) => (lang === 'zh' ? `${orgName(graph, p.organization)}${POST_ROLE_LABELS[p.role].zh}` : `${POST_ROLE_LABELS[p.role].en}, ${orgName(graph, p.organization)}`));
  const lines = [`${nameOf(graph, personId)} (${oneLine(personId)})`, `  ${lang === 'zh' ? '职务：' : 'posts: '}${postText.length > 0 ? postText.join(lang === 'zh' ? '；' : '; ') : lang === 'zh' ? '无' : 'none'}`];
  for (const duty of duties) {
    const label = RESPONSIBILITY_LABELS[duty.kind][lang];
    let how = '';
    if (duty.capacity === 'overseer') how = duty.area === undefined ? (lang === 'zh' ? '（分管）' : ' (oversees)') : lang === 'zh' ? `（分管：${oneLine(duty.area)}）` : ` (oversees: ${oneLine(duty.area)})`;
    else if (duty.capacity === 'liaison-leader') how = lang === 'zh' ? '（联系点）' : ' (contact point)';
    else if (duty.seat !== undefined && duty.seat !== duty.organization) {
      how = lang === 'zh' ? `（作为${orgName(graph, duty.seat)}${POST_ROLE_LABELS[duty.capacity].zh}）` : ` (as ${POST_ROLE_LABELS[duty.capacity].en} of ${orgName(graph, duty.seat)})`;
    }
    lines.push(`  [${label}] ${orgName(graph, duty.organization)} (${oneLine(duty.organization)})${how}`);
  }
  return lines.join('\n');
}
