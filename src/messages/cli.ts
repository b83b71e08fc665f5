import { resultFieldExpected } from './result-fields.js';
import type { MessageParams, MessageSection } from './types.js';

const suggestion = (p: MessageParams, lang: 'zh' | 'en'): string => {
  const s = p['suggestion'];
  if (s === undefined || s === '') return '';
  return lang === 'zh' ? `（是否想输入 ${s}？）` : ` (did you mean ${s}?)`;
};

const WRITE_ERRORS: Readonly<Record<string, { zh: string; en: string }>> = {
  ENOENT: { zh: '所在目录不存在', en: 'no such directory' },
  EACCES: { zh: '没有写入权限', en: 'permission denied' },
  EPERM: { zh: '没有写入权限', en: 'permission denied' },
  EISDIR: { zh: '这是一个目录', en: 'it is a directory' },
  EROFS: { zh: '文件系统只读', en: 'read-only file system' },
  ENOSPC: { zh: '磁盘空间不足', en: 'no space left on the device' },
  ENOTDIR: { zh: '路径中有一段不是目录', en: 'a part of the path is not a directory' },
  ELOOP: { zh: '符号链接层数过多（链接成环？）', en: 'too many levels of symbolic links (a loop?)' },
  ENAMETOOLONG: { zh: '文件名过长', en: 'the file name is too long' },
};


/** Messages of the command-line tool: help, usage errors, progress and per-command output. */
export const cliMessages = {
  // Help texts.
  'cli-help-program': {
    zh: () => `党建工作责任制：责任链图谱、考核细则评估与问责建议`,
    en: () => `The party-building responsibility system: chains, rule-based assessment and proposed findings`,
  },
  'cli-help-lang': { zh: () => `输出语言：zh 中文，en 英文`, en: () => `language of the output: zh Chinese, en English` },
  'cli-help-version': { zh: () => `显示版本号`, en: () => `print the version` },
  'cli-help-help': { zh: () => `显示帮助`, en: () => `print help` },
  'cli-help-help-command': { zh: () => `显示某个命令的帮助`, en: () => `print help for a command` },
  'cli-help-footer': {
    zh: () =>
      [
        '退出码：',
        '  0   成功',
        '  1   输入无效（校验未通过、文件无法读取或写入；lint 有错误，或加 --strict 时有警告），每个问题列出文件、行号、路径和代码',
        '  2   用法错误（未知命令或选项、缺少必填选项、取值不在可选范围内）',
        '  3   --fail-on 或 --fail-on-gaps 要求的检查未通过（结果照常输出）',
        '  70  内部错误（请报告；设置环境变量 ZERENZHI_DEBUG=1 可显示调用栈）',
        '  141 读取方提前关闭了标准输出（如 | head），与被 SIGPIPE 结束的进程相同',
        '',
        'English help: zerenzhi --help --lang en',
      ].join('\n'),
    en: () =>
      [
        'Exit codes:',
        '  0   success',
        '  1   invalid input (validation failed, a file cannot be read or written; lint errors, or warnings with --strict); every problem names file, line, path and code',
        '  2   usage error (unknown command or option, a required option missing, a value not among the choices)',
        '  3   a check asked for by --fail-on or --fail-on-gaps failed (the output is written as usual)',
        '  70  internal error (please report it; set ZERENZHI_DEBUG=1 to see the stack)',
        '  141 the reader closed standard output early (| head), as for a process ended by SIGPIPE',
        '',
        '中文帮助：zerenzhi --help',
      ].join('\n'),
  },
  'cli-help-assess': {
    zh: () => `按考核细则评估一个考核期：逐项得分、等次、评价和问责建议`,
    en: () => `assess a period against a rule set: line scores, grades, verdicts and proposed findings`,
  },
  'cli-help-graph': { zh: () => `组织关系图文件（graph.json）`, en: () => `the graph file (graph.json)` },
  'cli-help-rules': { zh: () => `考核细则文件（rules.json）`, en: () => `the rule set file (rules.json)` },
  'cli-help-evidence': {
    zh: () => `佐证记录文件（.ndjson、.csv 或 .json，可重复；- 表示标准输入）`,
    en: () => `a records file (.ndjson, .csv or .json; repeatable; - reads standard input)`,
  },
  'cli-help-as-of': {
    zh: () => `评估日期（YYYY-MM-DD），用于评估尚未结束的考核期：等次和评价为暂定，到期末还可能改变的问责触发只作预警`,
    en: () => `assess a period still running, as of this date (YYYY-MM-DD): grades and verdicts are provisional, and accountability hits that may still change are early warnings only`,
  },
  'cli-help-previous': { zh: () => `上期评估结果（JSON），用于比较和认定连续问责`, en: () => `the previous period's result (JSON), for comparison and repeats` },
  'cli-help-format-assess': { zh: () => `输出格式`, en: () => `output format` },
  'cli-help-out': {
    zh: () => `写入文件而不是标准输出（- 为标准输出；csv 格式另写 <名称>.findings.csv 问责建议和 <名称>.early-warnings.csv 预警）`,
    en: () => `write to this file instead of standard output (- is standard output; csv also writes <name>.findings.csv of findings and <name>.early-warnings.csv of early warnings)`,
  },
  'cli-help-workers': {
    zh: () => `用至多 N 个线程并行读取记录文件：文件切成许多小块（NDJSON 在行首切分），各线程读完一块再领下一块（平均每个线程至少 32 MiB，文件小时少起或不起线程；结果与单线程完全相同）`,
    en: () => `read the record files on up to N threads at once: the files are cut into pieces (NDJSON at line starts), and each thread takes the next piece when done with one (at least 32 MiB a thread on average, so small files start fewer threads or none; the result is identical to one thread)`,
  },
  'cli-help-absorb': {
    zh: () => `合并其他分片用 --snapshot 写出的部分状态文件（可重复；- 表示标准输入），再读入本机的 --evidence；结果与所有记录一次评估完全相同`,
    en: () => `merge a partial state that another shard wrote with --snapshot (repeatable; - reads standard input), then read this machine's --evidence; the result is identical to assessing every record at once`,
  },
  'cli-help-snapshot': {
    zh: () => `不出结果，把本分片（--absorb 与 --evidence 读入的全部内容）的部分状态写入文件（- 表示标准输出），交给汇总处用 --absorb 合并`,
    en: () => `write this shard's partial state (everything --absorb and --evidence read) to a file (- for standard output) instead of a result, for the place where shards meet to merge with --absorb`,
  },
  'cli-usage-no-input': {
    zh: () => `请至少给出一个 --evidence（记录文件）或 --absorb（部分状态文件）`,
    en: () => `give at least one --evidence (records) or --absorb (partial state) file`,
  },
  'cli-usage-workers-shards': {
    zh: () => `--workers 不能与 --snapshot、--absorb 同时使用：分片已经分到多台机器，每台机器上单线程读取`,
    en: () => `--workers cannot be combined with --snapshot or --absorb: the shards are already spread over machines, each read on one thread`,
  },
  'cli-usage-out-is-input': {
    zh: (p) => `输出文件「${p['file']}」就是 ${p['option']} 读入的文件「${p['input']}」，写出会覆盖它：请另选输出文件`,
    en: (p) => `the output file "${p['file']}" is the file ${p['option']} reads ("${p['input']}"): writing would replace it; choose another output file`,
  },
  'cli-usage-snapshot-result': {
    zh: (p) => `${p['option']} 作用于评估结果，而 --snapshot 只写出部分状态：请在汇总处（--absorb）使用 ${p['option']}`,
    en: (p) => `${p['option']} applies to a result, and --snapshot writes a partial state only: give ${p['option']} where the shards are merged (--absorb)`,
  },
  'cli-usage-workers': { zh: (p) => `--workers 须为 1–64 的整数，收到「${p['value']}」`, en: (p) => `--workers takes a whole number from 1 to 64, got "${p['value']}"` },
  'cli-help-skip-invalid': { zh: () => `跳过格式有误的记录（逐条列出）并继续评估`, en: () => `skip invalid records (each is listed) and go on` },
  'cli-help-fail-on': {
    zh: () => `有问责建议（findings）或有考核对象被评为该等次（等次编号或名称，如 poor、差）时退出码为 3`,
    en: () => `exit with 3 when there are findings (findings), or when any subject has this grade (a grade id or title, e.g. poor, 差)`,
  },
  'cli-help-coverage-options': {
    zh: () => `Markdown 报告中覆盖检查的参数文件（coverage.json；仅用于 --format md）`,
    en: () => `options of the coverage check shown in the Markdown report (coverage.json; with --format md only)`,
  },
  'cli-help-files': { zh: () => `要校验的文件`, en: () => `the files to validate` },
  'cli-help-validate-files': {
    zh: () => `校验组织关系图、考核细则、记录、评估结果或部分状态文件，列出全部问题`,
    en: () => `validate graph, rule set, records, assessment result or partial state files and list every problem`,
  },
  'cli-help-validate-kind': {
    zh: () => `文件类型：graph 组织关系图，rules 考核细则，records 记录，result 评估结果（assess、decide 的输出），partial 部分状态（assess --snapshot 的输出）；默认按内容判断`,
    en: () => `the kind of file: graph, rules, records, result (an assessment result, as assess or decide writes it) or partial (a partial state, as assess --snapshot writes it); told by content by default`,
  },
  'cli-help-kind': { zh: () => `文件类型（默认按内容判断）`, en: () => `the kind of file (told by content by default)` },
  'cli-help-lint': {
    zh: () => `检查考核细则：分值合计、等次区间、无适用对象的指标等`,
    en: () => `check a rule set: points against the scale, grade ranges, indicators without subjects, ...`,
  },
  'cli-help-lint-graph': { zh: () => `组织关系图（检查指标是否有适用对象）`, en: () => `the graph (to check that indicators apply to someone)` },
  'cli-help-strict': { zh: () => `有警告时也以退出码 1 结束`, en: () => `exit with 1 on warnings too` },
  'cli-help-decide': {
    zh: () => `记录对问责建议的决定（确认、免予问责或改变形式），输出含决定、审计记录和重新认定的评优评先资格的结果（可作下期的 --previous）`,
    en: () => `record decisions on proposed findings (confirm, waive or change the form) and write the decided result with its audit and eligibility recomputed (next period's --previous)`,
  },
  'cli-help-decide-result': { zh: () => `评估结果（JSON，assess 的输出）`, en: () => `the assessment result (JSON, as assess writes it)` },
  'cli-help-decisions': {
    zh: () => `决定（JSON 数组，每项 {"finding": 问责建议编号, "action": "confirm"|"waive"|"change", "form"?: 改变后的形式, "by": 决定人, "at": 日期, "reason"?: 理由（免予问责和改变形式时必填）}）`,
    en: () => `the decisions (a JSON array of {"finding": finding id, "action": "confirm"|"waive"|"change", "form"?: the form decided, "by": who, "at": date, "reason"?: why (required to waive or change)})`,
  },
  'cli-help-chain': {
    zh: () => `显示党组织的责任链，或某人承担的全部责任`,
    en: () => `print an organization's responsibility chain, or everything a person answers for`,
  },
  'cli-help-org': { zh: () => `党组织编号`, en: () => `organization id` },
  'cli-help-person': { zh: () => `人员编号`, en: () => `person id` },
  'cli-help-format-chain': { zh: () => `输出格式：text（文本）或 json（数据）`, en: () => `output format: text or json (the data)` },
  'cli-help-mermaid': {
    zh: () => `输出 Mermaid 流程图（不指定 --org/--person 时为全图）`,
    en: () => `print a Mermaid flowchart (the whole graph without --org/--person)`,
  },
  'cli-help-result': { zh: () => `评估结果（JSON），用于在图中标注等次和问责对象`, en: () => `an assessment result (JSON) to mark grades and findings in the chart` },
  'cli-help-coverage': {
    zh: () => `检查“横向到边、纵向到底”：书记、分管、联系点、党务工作者的缺口`,
    en: () => `check coverage: gaps in secretaries, oversight, liaison and party-affairs officers`,
  },
  'cli-help-require-liaison': { zh: () => `须有联系点领导的组织类型（逗号分隔）`, en: () => `organization kinds that must have a liaison leader (comma-separated)` },
  'cli-help-require-officer': { zh: () => `须有党务工作者的组织类型（逗号分隔）`, en: () => `organization kinds that must have a party-affairs officer (comma-separated)` },
  'cli-help-options-file': { zh: () => `覆盖检查参数文件（JSON，命令行选项优先）`, en: () => `a coverage options file (JSON; command-line options win)` },
  'cli-help-format-coverage': { zh: () => `输出格式：text（文本）或 json（数据）`, en: () => `output format: text or json (the data)` },
  'cli-help-fail-on-gaps': { zh: () => `发现缺口时以退出码 3 结束`, en: () => `exit with 3 when there are gaps` },
  'cli-help-schema': {
    zh: () => `输出 JSON Schema：graph（组织关系图）、rules（考核细则）、evidence（记录）、result（评估结果）、partial（分片的部分状态）`,
    en: () => `print a JSON Schema: graph, rules, evidence (one record), result or partial (a shard's partial state)`,
  },
  'cli-help-schema-name': { zh: () => `Schema 名称`, en: () => `which schema` },
  'cli-help-init': {
    zh: () => `在目录中生成可直接运行的示例：graph.json、rules.json、records.ndjson`,
    en: () => `write a starter graph.json, rules.json and records.ndjson into a directory`,
  },
  'cli-help-dir': { zh: () => `目标目录（不存在则创建）`, en: () => `the directory (created when missing)` },
  'cli-help-force': { zh: () => `目录非空时也写入（覆盖同名文件）`, en: () => `write into a non-empty directory (overwriting those files)` },
  'cli-help-year': { zh: () => `示例考核年度（默认为上一年，按北京时间）`, en: () => `the year of the starter (default: last year, in China time)` },
  'cli-help-choices': { zh: (p) => `可选：${p['choices']}`, en: (p) => `choices: ${p['choices']}` },
  'cli-help-default': { zh: (p) => `默认：${p['value']}`, en: (p) => `default: ${p['value']}` },
  'cli-help-title-usage': { zh: () => `用法：`, en: () => `Usage:` },
  'cli-help-title-options': { zh: () => `选项：`, en: () => `Options:` },
  'cli-help-title-commands': { zh: () => `命令：`, en: () => `Commands:` },
  'cli-help-title-arguments': { zh: () => `参数：`, en: () => `Arguments:` },
  'cli-help-title-global-options': { zh: () => `全局选项：`, en: () => `Global Options:` },

  // Usage errors (exit code 2).
  'cli-usage-unknown-option': { zh: (p) => `未知选项「${p['name']}」${suggestion(p, 'zh')}`, en: (p) => `unknown option '${p['name']}'${suggestion(p, 'en')}` },
  'cli-usage-unknown-command': { zh: (p) => `未知命令「${p['name']}」${suggestion(p, 'zh')}`, en: (p) => `unknown command '${p['name']}'${suggestion(p, 'en')}` },
  'cli-usage-missing-option': { zh: (p) => `缺少必填选项 ${p['name']}`, en: (p) => `required option '${p['name']}' not given` },
  'cli-usage-option-missing-argument': { zh: (p) => `选项 ${p['name']} 缺少取值`, en: (p) => `option '${p['name']}' needs a value` },
  'cli-usage-missing-argument': { zh: (p) => `缺少参数 ${p['name']}`, en: (p) => `missing argument '${p['name']}'` },
  'cli-usage-excess-arguments': {
    zh: (p) => `参数过多：应为 ${p['expected']} 个，实际 ${p['received']} 个`,
    en: (p) => `too many arguments: expected ${p['expected']}, got ${p['received']}`,
  },
  'cli-usage-invalid-choice': {
    zh: (p) => `${p['name']} 的取值「${p['value']}」无效，可选：${p['allowed']}`,
    en: (p) => `invalid value '${p['value']}' for ${p['name']}; allowed: ${p['allowed']}`,
  },
  'cli-usage-invalid-value': { zh: (p) => `${p['name']} 的取值「${p['value']}」无效：${p['reason']}`, en: (p) => `invalid value '${p['value']}' for ${p['name']}: ${p['reason']}` },
  'cli-usage-conflict': { zh: (p) => `${p['a']} 不能与 ${p['b']} 同时使用`, en: (p) => `${p['a']} cannot be used with ${p['b']}` },
  'cli-usage-no-command': { zh: () => `请指定命令`, en: () => `a command is required` },
  'cli-usage-other': { zh: (p) => `用法错误：${p['message']}`, en: (p) => `usage error: ${p['message']}` },
  'cli-usage-hint': { zh: (p) => `运行「${p['command']} --help」查看用法`, en: (p) => `run '${p['command']} --help' for usage` },
  'cli-usage-prefix': { zh: (p) => `错误：${p['message']}`, en: (p) => `error: ${p['message']}` },
  'cli-usage-repeated': {
    zh: (p) => `${p['option']} 只能给一次（给了多次时不知该用哪个）`,
    en: (p) => `${p['option']} may be given once only (given twice, which one is meant?)`,
  },
  'cli-usage-result-mermaid': {
    zh: () => `--result 只用于 --mermaid（在图中标出等次和问责建议）`,
    en: () => `--result goes with --mermaid only (it marks grades and findings on the chart)`,
  },
  'cli-usage-chain-target': {
    zh: () => `请用 --org 指定党组织或用 --person 指定人员（--mermaid 可不指定，输出全图）`,
    en: () => `give --org or --person (with --mermaid, neither prints the whole graph)`,
  },
  'cli-usage-unknown-grade': {
    zh: (p) => `考核细则中没有等次「${p['grade']}」，可选：findings 或 ${p['allowed']}`,
    en: (p) => `the rule set has no grade "${p['grade']}"; use findings or one of ${p['allowed']}`,
  },
  'cli-stdout': { zh: () => `标准输出`, en: () => `standard output` },
  'cli-usage-stdin-twice': { zh: () => `标准输入（-）只能读取一次`, en: () => `standard input (-) can be read only once` },
  'cli-reason-date': { zh: () => `应为真实存在的日期，格式 YYYY-MM-DD`, en: () => `expected a real date as YYYY-MM-DD` },
  'cli-reason-year': { zh: () => `应为 1900–2999 之间的年份`, en: () => `expected a year from 1900 to 2999` },

  // Output of the commands.
  'cli-progress': { zh: (p) => `已读取 ${p['count']} 条记录…`, en: (p) => `${p['count']} records read…` },
  'cli-warning': { zh: (p) => `警告：${p['message']} [${p['code']}]`, en: (p) => `warning: ${p['message']} [${p['code']}]` },
  'cli-skipped': { zh: (p) => `已跳过：${p['issue']}`, en: (p) => `skipped: ${p['issue']}` },
  'cli-skipped-more': { zh: (p) => `……另有 ${p['count']} 个问题未列出`, en: (p) => `... and ${p['count']} more problems not listed` },
  'cli-written': { zh: (p) => `已写入 ${p['files']}`, en: (p) => `wrote ${p['files']}` },
  'cli-fail-on-findings': {
    zh: (p) => `有 ${p['count']} 条问责建议（--fail-on findings），退出码 3`,
    en: (p) => `${p['count']} finding(s) proposed (--fail-on findings): exit code 3`,
  },
  'cli-fail-on-grade': {
    zh: (p) => `${p['count']} 个考核对象被评为「${p['grade']}」：${p['names']}（--fail-on ${p['grade']}），退出码 3`,
    en: (p) => `${p['count']} subject(s) graded "${p['grade']}": ${p['names']} (--fail-on ${p['grade']}): exit code 3`,
  },
  'cli-fail-on-gaps': { zh: (p) => `发现 ${p['count']} 处覆盖缺口（--fail-on-gaps），退出码 3`, en: (p) => `${p['count']} coverage gap(s) (--fail-on-gaps): exit code 3` },
  'cli-validate-ok-graph': {
    zh: (p) => `${p['file']}：组织关系图有效（${p['organizations']} 个党组织，${p['people']} 人）`,
    en: (p) => `${p['file']}: valid graph (${p['organizations']} organizations, ${p['people']} people)`,
  },
  'cli-validate-ok-rules': {
    zh: (p) => `${p['file']}：考核细则有效（${p['indicators']} 项指标）`,
    en: (p) => `${p['file']}: valid rule set (${p['indicators']} indicators)`,
  },
  'cli-validate-ok-result': {
    zh: (p) => `${p['file']}：评估结果有效（${p['ruleSet']}，${p['start']} 至 ${p['end']}${p['asOf'] === '' ? '' : `，评估日期 ${p['asOf']}`}；${p['organizations']} 个党组织，${p['people']} 人，${p['findings']} 项问责建议）`,
    en: (p) => `${p['file']}: valid assessment result (${p['ruleSet']}, ${p['start']} to ${p['end']}${p['asOf'] === '' ? '' : `, as of ${p['asOf']}`}; ${p['organizations']} organizations, ${p['people']} people, ${p['findings']} findings)`,
  },
  'cli-validate-ok-partial': {
    zh: (p) => `${p['file']}：部分状态有效（${p['format']}，已读 ${p['occurrences']} 条记录，${p['lines']} 条指标行；与组织关系图、考核细则是否相符在 assess --absorb 时核对）`,
    en: (p) => `${p['file']}: valid partial state (${p['format']}, ${p['occurrences']} records read, ${p['lines']} indicator lines; whether it matches the graph and rule set is checked by assess --absorb)`,
  },
  'cli-validate-ok-records': { zh: (p) => `${p['file']}：记录有效（${p['count']} 条）`, en: (p) => `${p['file']}: valid records (${p['count']})` },
  'cli-validate-invalid': { zh: (p) => `${p['file']}：发现 ${p['count']} 个问题`, en: (p) => `${p['file']}: ${p['count']} problem(s)` },
  'cli-validate-summary': {
    zh: (p) => `共 ${p['files']} 个文件，${p['invalid']} 个未通过校验`,
    en: (p) => `${p['files']} file(s), ${p['invalid']} invalid`,
  },
  'cli-unknown-file-kind': {
    zh: () => `无法判断文件类型（应为含 organizations 的组织关系图、含 indicators 的考核细则、记录数组/NDJSON/CSV、评估结果或部分状态），请用 --kind 指定`,
    en: () => `cannot tell the kind of file (a graph has organizations, a rule set has indicators, records are an array, NDJSON or CSV, or an assessment result or a partial state); use --kind`,
  },
  'cli-lint-error': { zh: () => `错误`, en: () => `error` },
  'cli-lint-warning': { zh: () => `警告`, en: () => `warning` },
  'cli-lint-summary': {
    zh: (p) => `${p['file']}：${p['errors']} 个错误，${p['warnings']} 个警告`,
    en: (p) => `${p['file']}: ${p['errors']} error(s), ${p['warnings']} warning(s)`,
  },
  'cli-lint-clean': { zh: (p) => `${p['file']}：未发现问题`, en: (p) => `${p['file']}: no problems found` },
  'cli-decisions': { zh: () => `问责决定`, en: () => `Decisions` },
  'cli-coverage-options': { zh: () => `覆盖检查参数`, en: () => `Coverage options` },
  'cli-dir-not-empty': {
    zh: (p) => `目录「${p['dir']}」不是空的；如确需写入（将覆盖同名文件），请加 --force`,
    en: (p) => `the directory "${p['dir']}" is not empty; add --force to write into it (overwriting those files)`,
  },
  'cli-not-a-directory': { zh: (p) => `「${p['dir']}」已存在且不是目录`, en: (p) => `"${p['dir']}" exists and is not a directory` },
  'cli-file-unwritable': {
    zh: (p) => `无法写入「${p['path']}」：${WRITE_ERRORS[String(p['reason'])]?.zh ?? p['reason']}`,
    en: (p) => `cannot write "${p['path']}": ${WRITE_ERRORS[String(p['reason'])]?.en ?? p['reason']}`,
  },
  'cli-previous': { zh: () => `上期评估结果`, en: () => `Previous result` },
  'cli-result': { zh: () => `评估结果`, en: () => `Assessment result` },
  'cli-invalid-result': {
    zh: (p) => `不是有效的 zerenzhi 评估结果：${p['field'] === '' ? '' : `${p['field']} `}${resultFieldExpected(p, 'zh')}`,
    en: (p) => `not a zerenzhi assessment result: ${p['field'] === '' ? 'it' : p['field']} ${resultFieldExpected(p, 'en')}`,
  },
  'cli-usage-coverage-options-md': {
    zh: () => `--coverage-options 只用于 --format md（Markdown 报告中的覆盖检查）`,
    en: () => `--coverage-options goes with --format md only (the coverage check in the Markdown report)`,
  },
  'cli-init-done': {
    zh: (p) => `已在 ${p['dir']} 生成 graph.json、rules.json、records.ndjson。试运行：\n  zerenzhi assess --graph ${p['dir']}/graph.json --rules ${p['dir']}/rules.json --evidence ${p['dir']}/records.ndjson --format md`,
    en: (p) => `wrote graph.json, rules.json and records.ndjson to ${p['dir']}. Try:\n  zerenzhi assess --graph ${p['dir']}/graph.json --rules ${p['dir']}/rules.json --evidence ${p['dir']}/records.ndjson --format md --lang en`,
  },
  'cli-internal-error': {
    zh: (p) => `内部错误：${p['message']}。这不是输入的问题，请附上命令和输入报告此问题（设置 ZERENZHI_DEBUG=1 可显示调用栈）`,
    en: (p) => `internal error: ${p['message']}. This is not a problem with the input; please report it with the command and input (set ZERENZHI_DEBUG=1 to see the stack)`,
  },
} as const satisfies MessageSection;
