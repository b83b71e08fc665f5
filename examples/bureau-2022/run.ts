// The bureau's 2022 assessment as an importing app would run it: parse the graph, stream the
// records through the assessment, print the results, the proposed findings and the coverage gaps.
// Usage: npx tsx examples/bureau-2022/run.ts              (Chinese)
//        npx tsx examples/bureau-2022/run.ts --lang en    (English)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// An app that installed the package writes: from 'zerenzhi'
import {
  assessStream,
  coverage,
  formatCoverageText,
  parseGraph,
  readRecordsFile,
  ValidationError,
  type CoverageOptions,
  type GradeAward,
  type Lang,
  type Verdict,
} from '../../src/index.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const langAt = process.argv.indexOf('--lang');
const lang: Lang = langAt >= 0 && process.argv[langAt + 1] === 'en' ? 'en' : 'zh';
const zh = lang === 'zh';
const sep = zh ? '：' : ': ';

const VERDICTS: Record<Verdict, { zh: string; en: string }> = {
  fulfilled: { zh: '本职（抓好党建）', en: 'fulfilled' },
  derelict: { zh: '失职（不抓党建）', en: 'derelict' },
  incompetent: { zh: '不称职（抓不好党建）', en: 'incompetent' },
  undetermined: { zh: '无法认定（证据不足）', en: 'undetermined (insufficient evidence)' },
};

async function main(): Promise<void> {
  const graph = parseGraph(JSON.parse(readFileSync(here('./graph.json'), 'utf8')), { lang });
  const rules: unknown = JSON.parse(readFileSync(here('./rules.json'), 'utf8'));
  const records = readRecordsFile(here('./records.ndjson'), { lang });
  const result = await assessStream({ graph, rules, records, lang });

  const grade = (g: GradeAward | null): string =>
    g === null ? (zh ? '不评定' : 'not graded') : `${g.title}${g.reason === 'veto' ? (zh ? '（一票否决）' : ' (veto)') : g.reason === 'quota' ? (zh ? '（名额调整）' : ' (quota)') : ''}`;
  console.log(`# ${result.ruleSet.title}${zh ? `（${result.period.label}）` : ` (${result.period.label})`}\n`);

  console.log(zh ? '## 党组织' : '## Organizations');
  for (const o of result.organizations) console.log(`- ${o.name}${sep}${o.total}${zh ? ' 分，' : ', '}${grade(o.grade)}`);

  console.log(zh ? '\n## 个人' : '\n## People');
  for (const p of result.people) {
    console.log(`- ${p.name}${sep}${p.total}${zh ? ' 分，' : ', '}${grade(p.grade)}${zh ? '；' : '; '}${VERDICTS[p.verdict ?? 'undetermined'][lang]}`);
  }

  console.log(zh ? `\n## 问责建议（${result.findings.length} 条，待确认）` : `\n## Proposed findings (${result.findings.length}, to be confirmed)`);
  for (const f of result.findings) console.log(`- ${f.subject.name}${sep}${f.form.title}${f.waiver ? (zh ? '（建议免责）' : ' (waiver proposed)') : ''} — ${f.ruleTitle}`);

  const options = JSON.parse(readFileSync(here('./coverage.json'), 'utf8')) as CoverageOptions;
  console.log(zh ? '\n## 横向到边、纵向到底' : '\n## Coverage');
  console.log(formatCoverageText(coverage(graph, { ...options, lang }), lang));
  for (const w of result.warnings) console.log(`${zh ? '提示' : 'Note'}${sep}${w.message}`);
}

main().catch((error: unknown) => {
  if (!(error instanceof ValidationError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
});
