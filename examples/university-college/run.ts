// The university's Q3 2023 assessment as an importing app would run it, as of 15 September:
// the quarter is still running, so September and the quarter itself are not due yet.
// Usage: npx tsx examples/university-college/run.ts
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// An app that installed the package writes: from 'zerenzhi'
import {
  assess,
  bucketsOf,
  coverage,
  formatCoverageText,
  parseCalendarDate,
  parseGraph,
  parseRuleSet,
  readRecordsFile,
  resolvePeriod,
  ValidationError,
  type ReaderItem,
  type SubjectResult,
} from '../../src/index.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const AS_OF = '2023-09-15';

async function main(): Promise<void> {
  const graph = parseGraph(JSON.parse(readFileSync(here('./graph.json'), 'utf8')));
  const rules = parseRuleSet(JSON.parse(readFileSync(here('./rules.json'), 'utf8')));
  // A quarter of one university fits in memory; reader items keep line numbers for error messages.
  const records: ReaderItem[] = [];
  for await (const item of readRecordsFile(here('./records.ndjson'))) records.push(item);
  const result = assess({ graph, rules, records, asOf: AS_OF });

  const byId = new Map(result.organizations.map((o) => [o.id, o]));
  const score = (s: SubjectResult): string => `${s.total} 分，${s.grade?.title ?? '未评定'}${s.grade?.reason === 'veto' ? '（一票否决）' : ''}`;
  console.log(`# ${result.ruleSet.title}\n${result.period.label}，截至 ${result.period.asOf}（考核期未结束）\n`);

  console.log('## 各学院党总支');
  for (const gb of result.organizations.filter((o) => o.kind === 'general-branch')) {
    console.log(`${gb.name}：${score(gb)}`);
    for (const childId of graph.index.children.get(gb.id) ?? []) {
      const branch = byId.get(childId);
      if (branch) console.log(`  - ${branch.name}：${score(branch)}`);
    }
  }

  const appraised = result.people.filter((p) => p.lines.some((l) => l.indicator === 'member-appraisal'));
  const graded = appraised.filter((p) => p.grade?.ladder === 'member');
  const excellent = graded.filter((p) => p.grade?.id === 'excellent').length;
  const movedDown = graded.filter((p) => p.grade?.reason === 'quota').length;
  console.log(
    `\n党员民主评议：${appraised.length} 人参评，${graded.length} 人评定等次，优秀 ${excellent} 人（各支部不超过三分之一，${movedDown} 人因名额限制调为合格）；` +
      `预备党员 ${appraised.length - graded.length} 人不评定等次`,
  );

  console.log(`\n## 问责建议：${result.findings.length} 条${result.findings.length > 0 ? '（均为建议，待党委确认）' : ''}`);
  for (const f of result.findings) console.log(`- ${f.subject.name}：${f.form.title}（${f.ruleTitle}）`);
  // 考核期未结束：按目前得分评定的等次、评价等暂不提出问责，列为预警。
  const early = result.hits.filter((h) => h.provisional);
  if (early.length > 0) {
    console.log(`\n## 预警：${early.length} 处（考核期未结束，暂不提出问责建议）`);
    for (const h of early) console.log(`- ${h.subject.name}：${h.ruleTitle}（${h.explanation}）`);
  }

  console.log(`\n## 截至 ${AS_OF} 尚未到期的周期`);
  const asOfDay = parseCalendarDate(AS_OF) ?? 0;
  const subjects = [...result.organizations, ...result.people];
  for (const indicator of rules.indicators) {
    const m = indicator.measure;
    if (m?.type !== 'cadence') continue;
    const waiting = subjects.filter((s) => (s.lines.find((l) => l.indicator === indicator.id)?.facts?.['notYetDue'] ?? 0) > 0);
    if (waiting.length === 0) continue;
    const buckets = bucketsOf(resolvePeriod(rules.period), m.every).filter((b) => b.end > asOfDay);
    console.log(`- ${indicator.title}：${buckets.map((b) => b.label.zh).join('、')}（${waiting.length} 个对象）`);
  }

  // A missed month is final even while the quarter runs; a post vacant today may be filled before
  // the quarter ends (a fact of the graph, not of a date); anything else short is still in progress.
  const UNITS = { month: '个月', quarter: '个季度', 'half-year': '个半年', year: '年' } as const;
  const missed: string[] = [];
  const vacant: string[] = [];
  const running: string[] = [];
  for (const indicator of rules.indicators) {
    const m = indicator.measure;
    const lost: string[] = [];
    const unset: string[] = [];
    const open: string[] = [];
    for (const s of subjects) {
      const line = s.lines.find((l) => l.indicator === indicator.id);
      const gaps = line?.facts?.['missed'] ?? 0;
      if (m?.type === 'cadence' && gaps > 0) lost.push(`${s.name}（缺${gaps}${UNITS[m.every]}）`);
      else if (m?.type === 'structure' && line?.status === 'shortfall') unset.push(s.name);
      else if (line?.status === 'shortfall') lost.push(s.name);
      else if (line?.status === 'in-progress') open.push(s.name);
    }
    if (lost.length > 0) missed.push(`- ${indicator.title}：${lost.join('、')}`);
    if (unset.length > 0) vacant.push(`- ${indicator.title}：${unset.join('、')}`);
    if (open.length > 0) running.push(`- ${indicator.title}：${open.join('、')}`);
  }
  console.log(`\n## 已到期未达标\n${missed.join('\n')}`);
  if (vacant.length > 0) console.log(`\n## 组织设置目前未达标（季度末前配齐即可改变）\n${vacant.join('\n')}`);
  console.log(`\n## 尚未达标、仍在进行（考核期或窗口期未结束）\n${running.join('\n')}`);

  console.log('\n## 横向到边、纵向到底');
  console.log(formatCoverageText(coverage(graph, { areaRequiredFor: ['committee', 'general-branch'], officerRequiredFor: ['general-branch'] })));
  for (const w of result.warnings) console.log(`提示：${w.message}`);
}

main().catch((error: unknown) => {
  if (!(error instanceof ValidationError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
});
