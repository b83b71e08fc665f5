import { resultFieldExpected } from './result-fields.js';
import type { MessageSection } from './types.js';

/** Messages of the engine: warnings about the evidence of a run. */
export const engineMessages = {
  'warning-unknown-record-type': {
    zh: (p) => `记录类型「${p['type']}」未在考核细则中声明，${p['count']}条记录未计入（可能是拼写错误）`,
    en: (p) => `record type "${p['type']}" is not declared in the rule set: ${p['count']} record(s) not counted (a typo?)`,
  },
  'warning-unused-record-type': {
    zh: (p) => `没有考核指标使用记录类型「${p['type']}」，${p['count']}条记录未计入`,
    en: (p) => `no indicator reads record type "${p['type']}": ${p['count']} record(s) not counted`,
  },
  'warning-unknown-subject': {
    zh: (p) => `记录引用的党组织或人员「${p['id']}」不在组织关系图中，共${p['count']}条`,
    en: (p) => `records name "${p['id']}", which is not in the graph: ${p['count']} record(s)`,
  },
  'warning-unknown-reference': {
    zh: (p) => `其中${p['count']}条记录所属党组织在图中，已按党组织计入（仅所列人员不在图中）`,
    en: (p) => `of those, ${p['count']} record(s) were counted for their organization (only the person named is not in the graph)`,
  },
  'warning-unassigned-score': {
    zh: (p) => `${p['count']}条评分记录未注明或注错所评指标（属性 indicator），未计入`,
    en: (p) => `${p['count']} assessor score record(s) name no indicator of the rule set (attribute indicator) and were not counted`,
  },
  'warning-conflict': {
    zh: (p) => `记录编号「${p['id']}」出现内容不同的多个版本，均不计入，请核实`,
    en: (p) => `record id "${p['id']}" has different versions: none of them counts; please check`,
  },
  'warning-more-conflicts': { zh: (p) => `另有${p['count']}个编号存在版本冲突`, en: (p) => `${p['count']} more ids have conflicting versions` },
  'warning-no-records': {
    zh: () => `没有读到任何记录：每个考核对象都按没有上报任何记录评分（请核对记录文件是否为空、是否选错）`,
    en: () => `no records were read: every subject is scored as having reported nothing (check that the records file is not empty or the wrong one)`,
  },
  'warning-pending': {
    zh: (p) => `${p['count']}条记录尚待审核，未计入得分（审核通过后重新运行即可计入）`,
    en: (p) => `${p['count']} record(s) are pending review and not counted (run again once approved)`,
  },
  'warning-duplicates': { zh: (p) => `${p['count']}条重复记录（编号与内容相同）只计一次`, en: (p) => `${p['count']} verbatim duplicate record(s) counted once` },
  'warning-out-of-period': {
    zh: (p) => `${p['count']}条记录不在考核期内（或晚于评估日期），未计入`,
    en: (p) => `${p['count']} record(s) fall outside the period (or after the as-of date) and were not counted`,
  },
  'warning-invalid-records': {
    zh: (p) => `${p['count']}条记录格式有误，已跳过`,
    en: (p) => `${p['count']} invalid record(s) skipped`,
  },
  'warning-invalid-business-score': {
    zh: (p) => `${p['count']}条业务考核得分记录的得分（属性 score）不是 0 到 ${p['scale']} 之间的数值，未计入：${p['records']}${Number(p['more']) > 0 ? `，另有${p['more']}条` : ''}`,
    en: (p) => `${p['count']} business score record(s) have a score (attribute score) that is not a number from 0 to ${p['scale']} and were not counted: ${p['records']}${Number(p['more']) > 0 ? `, and ${p['more']} more` : ''}`,
  },
  'warning-no-business-score': {
    zh: (p) => `${p['count']}个考核对象缺少业务考核得分，未计算综合得分`,
    en: (p) => `${p['count']} subject(s) have no business score: no composite computed`,
  },
  'warning-nothing-at-stake': {
    zh: (p) => `${p['count']}个考核对象（党组织${p['organizations']}个、人员${p['people']}名）满分为 0（适用的指标都不计分或为 0 分，或没有适用的指标），不评定等次，也不计入名额`,
    en: (p) =>
      `${p['count']} subject(s) (${p['organizations']} organization(s), ${p['people']} person(s)) had a maximum of 0 (every indicator that applies excluded or worth 0 points, or none applies): not graded, and not counted in quotas`,
  },
  'warning-previous-rules': {
    zh: (p) => `上期结果来自考核细则「${p['id']}」，与本期「${p['current']}」不同，比较仅供参考`,
    en: (p) => `the previous result comes from rule set "${p['id']}", not "${p['current']}": compare with care`,
  },
  'invalid-previous': {
    zh: (p) => `上期结果不是有效的 zerenzhi 评估结果：${p['field'] === '' ? '' : `${p['field']} `}${resultFieldExpected(p, 'zh')}`,
    en: (p) => `the previous result is not a zerenzhi assessment result: ${p['field'] === '' ? 'it' : p['field']} ${resultFieldExpected(p, 'en')}`,
  },
  'warning-as-of-outside': {
    zh: (p) => `评估日期 ${p['given']} 不在考核期 ${p['start']} 至 ${p['end']} 内，按 ${p['used']} 评估${p['used'] === p['end'] ? '（考核期已结束）' : '（考核期尚未开始，没有到期的要求）'}`,
    en: (p) => `the as-of date ${p['given']} is outside the period ${p['start']} to ${p['end']}: assessed as of ${p['used']}${p['used'] === p['end'] ? ' (the period is over)' : ' (the period has not begun: nothing is due yet)'}`,
  },
  'partial-not-state': {
    zh: (p) =>
      `这不是 zerenzhi 的部分状态（${p['format'] === undefined ? '没有 format 字段' : `format 为「${p['format']}」`}，应为 zerenzhi-partial/…）：只能合并会话的 snapshot() 或 assess --snapshot 写出的部分状态`,
    en: (p) =>
      `this is not a zerenzhi partial state (${p['format'] === undefined ? 'it has no format field' : `its format is "${p['format']}"`}, not zerenzhi-partial/…): only what a session's snapshot() or assess --snapshot writes can be merged`,
  },
  'partial-format': {
    zh: (p) => `部分状态的格式「${p['format']}」不是本引擎读写的 ${p['expected']}：请用同一版本的 zerenzhi 重新生成分片`,
    en: (p) => `the partial state's format "${p['format']}" is not the ${p['expected']} this engine reads and writes: make the shard again with the same zerenzhi version`,
  },
  'partial-mismatch': {
    zh: () => `分片结果不属于本次考核（组织关系图、考核细则、评估日期、引擎版本或部分状态的格式不同），不能合并`,
    en: () => `the partial state belongs to another assessment (graph, rule set, as-of date, engine version or partial-state format differ) and cannot be merged`,
  },
  'partial-days': {
    zh: (p) => `记录日期（d）应与上报记录（s）一一对应：s 有 ${p['seen']} 条，d 有 ${p['days']} 条`,
    en: (p) => `the days (d) must match the records seen (s) one for one: s has ${p['seen']}, d has ${p['days']}`,
  },
  'partial-effect-key': {
    zh: (p) => `证据计数 ${p['counter']} ${p['keyed'] ? '应带有 key（记录类型或无法对应的对象）' : '不应带有 key'}`,
    en: (p) => `the evidence counter ${p['counter']} ${p['keyed'] ? 'needs a key (the record type or the subject not found)' : 'takes no key'}`,
  },
  'partial-state-invalid': {
    zh: () => `计量状态的编码无效：应为数字、字符串、true/false、null、列表，或 {"$m": [...]}、{"$s": [...]}、{"$o": [...]} 之一`,
    en: () => `not an encoded measure state: expected a number, string, boolean, null, a list, or one of {"$m": [...]}, {"$s": [...]}, {"$o": [...]}`,
  },
  'partial-line-unseen': {
    zh: (p) => `记录「${p['id']}」列在 ${p['list']} 中，却不在该得分行的上报记录（s）中：计入、待审核、退回、缺佐证的记录都应是上报记录`,
    en: (p) => `record "${p['id']}" is listed in ${p['list']} but not among the line's records seen (s): records counted, pending, rejected or unsupported are all records seen`,
  },
  'partial-day': {
    zh: (p) => `记录日期编号 ${p['day']} 不是记录可能有的日期（1900-01-01 至 2999-12-31）`,
    en: (p) => `the day number ${p['day']} is not a date a record can carry (1900-01-01 to 2999-12-31)`,
  },
  'partial-line-repeat': {
    zh: (p) => `记录「${p['id']}」在 ${p['list']} 中出现不止一次：每条记录在一个得分行的每个列表中只出现一次`,
    en: (p) => `record "${p['id']}" appears more than once in ${p['list']}: a line lists each record once`,
  },
  'partial-line-unknown': {
    zh: (p) => `得分行列出的记录「${p['id']}」不在该部分状态的记录版本（versions）中：得分行只含本分片读到的记录`,
    en: (p) => `record "${p['id']}" on the line is not among the partial state's record versions (versions): a line holds the records its shard read`,
  },
  'partial-line-conflict': {
    zh: (p) => `记录「${p['id']}」有相互冲突的版本，却仍列在得分行中：有冲突的记录不计入任何得分行`,
    en: (p) => `record "${p['id']}" has conflicting versions yet is on the line: a record in conflict is on no line`,
  },
  'partial-line-indicator': {
    zh: (p) => `考核细则中没有指标「${p['indicator']}」：部分状态的得分行只属于本细则的指标`,
    en: (p) => `the rule set has no indicator "${p['indicator']}": a partial state's lines belong to the rule set's indicators`,
  },
  'partial-line-subject': {
    zh: (p) => `指标「${p['indicator']}」的得分行属于${p['type'] === 'organization' ? '组织关系图中的组织（o）' : '组织关系图中的人员（p）'}，「${p['subject']}」不是`,
    en: (p) => `a line of indicator "${p['indicator']}" belongs to ${p['type'] === 'organization' ? 'an organization (o)' : 'a person (p)'} of the graph, which "${p['subject']}" is not`,
  },
  'partial-line-role': {
    zh: (p) => `指标「${p['indicator']}」没有${p['list'] === 'v' ? '一票否决' : '加分'}规则，该得分行的 ${p['list']} 应为空`,
    en: (p) => `indicator "${p['indicator']}" has no ${p['list'] === 'v' ? 'veto' : 'bonus'} rule: the line's ${p['list']} must be empty`,
  },
  'partial-business-score': {
    zh: (p) => `业务考核得分 ${p['score']} 超出 0–${p['scale']}：这样的得分记录本引擎不会计入`,
    en: (p) => `the business score ${p['score']} is outside 0–${p['scale']}: the engine never keeps such a score`,
  },
  'partial-state-uncounted': {
    zh: (p) => `计量状态中有记录「${p['id']}」，但它不在该得分行计入的记录（c）中：计量状态只保存计入的记录`,
    en: (p) => `the measure state holds record "${p['id']}", which the line did not count (c): a measure state keeps the records counted only`,
  },
  'partial-occurrences': {
    zh: (p) => `读到的记录数（occurrences）为 ${p['occurrences']}，少于列出的记录版本数 ${p['versions']}：每个版本至少读到过一次`,
    en: (p) => `the records read (occurrences), ${p['occurrences']}, are fewer than the ${p['versions']} record versions listed: each version was read at least once`,
  },
  'partial-issue-count': {
    zh: (p) => `数据问题总数（issueCount）为 ${p['issueCount']}，少于列出的 ${p['issues']} 个问题（issues 只列出其中一部分）`,
    en: (p) => `the problems counted (issueCount), ${p['issueCount']}, are fewer than the ${p['issues']} listed (issues lists some of them only)`,
  },
  'partial-skipped': {
    zh: (p) => `跳过的记录数（skipped）为 ${p['skipped']}，多于数据问题总数（issueCount）${p['issueCount']}：每条跳过的记录至少报出一个问题`,
    en: (p) => `the records skipped (skipped), ${p['skipped']}, are more than the problems counted (issueCount), ${p['issueCount']}: each record skipped reported one at least`,
  },
  'partial-state-unexpected': {
    zh: (p) => `指标「${p['indicator']}」的计量不保存状态，这一行的计量状态（m）应为 null`,
    en: (p) => `the measure of indicator "${p['indicator']}" keeps no state: the line's measure state (m) must be null`,
  },
  'partial-state-shape': {
    zh: (p) => `指标「${p['indicator']}」（${p['type']}）的计量状态应为按记录编号保存的条目（{"$m": [...]}）`,
    en: (p) => `the measure state of indicator "${p['indicator']}" (${p['type']}) must be entries by record id ({"$m": [...]})`,
  },
  'partial-state-entry': {
    zh: (p) => `计量状态中记录「${p['id']}」的条目不是 ${p['type']} 计量会保存的条目`,
    en: (p) => `the entry of record "${p['id']}" in the measure state is not one a ${p['type']} measure keeps`,
  },
  'partial-state-missing': {
    zh: (p) => `记录「${p['id']}」列为计入（c），计量状态中却没有它的条目：计入的每条记录在计量状态中都有一个条目`,
    en: (p) => `record "${p['id']}" is counted (c) but has no entry in the measure state: every record counted has one`,
  },
  'partial-issue-params': {
    zh: (p) => `问题的参数（params）应为对象，如 {"field": "type"}，实际为 ${p['received']}`,
    en: (p) => `an issue's params must be an object, e.g. {"field": "type"}; got ${p['received']}`,
  },
  'partial-state-deep': {
    zh: (p) => `计量状态嵌套超过 ${p['depth']} 层，不是本引擎写出的部分状态`,
    en: (p) => `the measure state nests deeper than ${p['depth']} levels: not a partial state this engine wrote`,
  },
  'partial-digest-noncanonical': {
    zh: (p) => `记录内容摘要「${p['digest']}」不是规范的 base64 写法：最后一个字符带有非零的填充位（应为 AEIMQUYcgkosw048 之一）。同一摘要只有一种写法，另一种写法合并时会被当作另一个版本`,
    en: (p) => `the digest "${p['digest']}" is not in canonical base64: its last character carries padding bits (it must be one of AEIMQUYcgkosw048). A digest has one spelling only; another would be taken for another version when merging`,
  },
  'partial-business-unknown': {
    zh: (p) => `业务考核得分所属的记录「${p['id']}」不在该部分状态的记录版本（versions）中：业务考核得分只来自本分片读到的记录`,
    en: (p) => `the business score's record "${p['id']}" is not among the partial state's record versions (versions): business scores come from the records its shard read`,
  },
  'partial-business-conflict': {
    zh: (p) => `记录「${p['id']}」有相互冲突的版本，却仍有业务考核得分：有冲突的记录不计入任何得分`,
    en: (p) => `record "${p['id']}" has conflicting versions yet has a business score: a record in conflict counts nowhere`,
  },
  'partial-retained-unknown': {
    zh: (p) => `保留的原始记录「${p['id']}」不在该部分状态的记录版本（versions）中：保留的记录只来自本分片读到的记录`,
    en: (p) => `the kept record "${p['id']}" is not among the partial state's record versions (versions): the records kept are records its shard read`,
  },
  'partial-retained-conflict': {
    zh: (p) => `记录「${p['id']}」有相互冲突的版本，却仍作为原始记录保留：有冲突的记录不予保留`,
    en: (p) => `record "${p['id']}" has conflicting versions yet is kept: a record in conflict is not kept`,
  },
  'partial-retained-digest': {
    zh: (p) => `保留的原始记录「${p['id']}」与记录版本（versions）中该编号的内容摘要不符：它不是本分片读到的那个版本`,
    en: (p) => `the kept record "${p['id']}" does not match the digest its id is listed with (versions): it is not the version its shard read`,
  },
  'partial-bonus-points': {
    zh: (p) => `加分记录「${p['id']}」的分值 ${p['points']} 不大于 0：加分规则只给正分，不得分的记录不列入加分（b）`,
    en: (p) => `the bonus points of record "${p['id']}", ${p['points']}, are not above 0: a bonus rule gives positive points only, and a record earning none is not listed (b)`,
  },
  'partial-retained-not-kept': {
    zh: (p) => `部分状态保留的记录「${p['id']}」不是本次考核会保留的记录：须为问责规则读取的类型、已审核、日期在考核期内，且所属党组织或人员在组织关系图中`,
    en: (p) => `the kept record "${p['id']}" is not one this assessment keeps: it must be of a type the accountability rules read, approved, dated in the period, and count for an organization or person in the graph`,
  },
  'partial-bonus-not-given': {
    zh: (p) => `加分记录「${p['id']}」的分值 ${p['points']} 不是指标「${p['indicator']}」的加分规则给出的分值（${p['given']}）`,
    en: (p) => `the bonus points of record "${p['id']}", ${p['points']}, are not points the bonus rule of indicator "${p['indicator']}" gives (${p['given']})`,
  },
  'partial-line-derived': {
    zh: (p) => `指标「${p['indicator']}」不读取记录（由其他指标汇总或由组织关系图得出，或没有计量），该得分行的上报记录（s）应为空`,
    en: (p) => `indicator "${p['indicator']}" reads no records (it is worked out from other indicators or from the graph, or has no measure): the line's records seen (s) must be empty`,
  },
  'partial-over-limit': {
    zh: (p) => `合并的部分状态中，有 ${p['count']} 条输入在其分片达到记录上限（maxRecords）后未被读取，得分不完整：请提高该分片的上限或把记录分得更细，重新生成部分状态`,
    en: (p) => `the partial states merged left ${p['count']} input(s) unread past their shard's record cap (maxRecords), so the scores would be incomplete: raise that shard's cap or split its records further, and write its partial state again`,
  },
  'collection-full': {
    zh: (p) => `第 ${p['record']} 条记录超出运行环境的上限：一个考核对象的一项指标、或整个评估中不同的记录，单个进程最多容纳 ${p['limit']} 条；请按地区拆分记录分别评估，或分片后合并部分状态（见 docs/scale.md）`,
    en: (p) => `record ${p['record']} is past what the runtime can hold: one subject's line, or the distinct records of an assessment, can hold at most ${p['limit']} in one process; split the records by region and assess them apart, or shard them and merge partial states (see docs/scale.md)`,
  },
  'session-failed': {
    zh: (p) => `本次评估的会话此前已出错（${p['cause']}），其中的状态不完整：不能再添加记录、合并部分状态或得出结果，请重新开始评估`,
    en: (p) => `this assessment session failed earlier (${p['cause']}): its state is incomplete, so it takes no more records or partial states and gives no result; start the assessment again`,
  },
  'collection-full-merge': {
    zh: (p) => `合并部分状态时超出运行环境的上限：一个考核对象的一项指标，单个进程最多容纳 ${p['limit']} 条记录；请按地区分别评估（见 docs/scale.md）`,
    en: (p) => `merging a partial state went past what the runtime can hold: one subject's line can hold at most ${p['limit']} records in one process; assess by region instead (see docs/scale.md)`,
  },
  'read-stopped': {
    zh: (p) => `有 ${p['count']} 处问题使输入文件未能读完，其后的记录均未读取：跳过无效记录（--skip-invalid、invalidRecords: 'skip'）只跳过单条有误的记录，不跳过未读完的文件，否则得分只依据部分记录而不加说明。请先修正以下问题`,
    en: (p) => `${p['count']} problem(s) ended the reading of an input, so the records after them were never read: skipping invalid records (--skip-invalid, invalidRecords: 'skip') skips single invalid records, not inputs read only in part, which would score on part of the evidence without a word. Fix these problems first`,
  },
  'columns-dropped': {
    zh: (p) => `有 ${p['count']} 处列的问题使该列的数据在所有记录中被忽略：跳过无效记录（--skip-invalid、invalidRecords: 'skip'）只跳过单条有误的记录，不忽略整列数据，否则得分只依据部分数据而不加说明。请先修正以下问题（列名拼写、类型标注、重复或空白的列名）`,
    en: (p) => `${p['count']} column problem(s) dropped a column's data from every record: skipping invalid records (--skip-invalid, invalidRecords: 'skip') skips single invalid records, not whole columns, which would score on part of the evidence without a word. Fix these problems first (a column name's spelling, its type, a repeated or blank column name)`,
  },
  'too-many-issues': {
    zh: (p) => `问题过多，仅列出前${p['shown']}个（共${p['count']}个）`,
    en: (p) => `too many problems: the first ${p['shown']} of ${p['count']} are listed`,
  },
  'previous-period-not-before': {
    zh: (p) => `上期结果的考核期（${p['start']}至${p['end']}）不在本期（${p['currentStart']}至${p['currentEnd']}）之前：上期结果须是更早一期的评估结果，否则本期的问责都会被当作“再次发生”而加重`,
    en: (p) => `the previous result's period (${p['start']} to ${p['end']}) does not end before this period (${p['currentStart']} to ${p['currentEnd']}) begins: the previous result must be of an earlier period, or every finding of this period would count as repeated and be made heavier`,
  },
  'warning-previous-not-adjacent': {
    zh: (p) =>
      `上期结果的考核期（${p['start']}至${p['end']}）不是紧接本期之前的一期（${p['expectedStart'] === '' ? `应截至${p['expectedEnd']}` : `${p['expectedStart']}至${p['expectedEnd']}`}）：与上期的比较和连续问责（再次触发、加重一档）仅供参考`,
    en: (p) =>
      `the previous result's period (${p['start']} to ${p['end']}) is not the one just before this period (${p['expectedStart'] === '' ? `ending ${p['expectedEnd']}` : `${p['expectedStart']} to ${p['expectedEnd']}`}): the comparison with it and the repeats (repeat rules, one step heavier) are to be read with care`,
  },
  'warning-previous-provisional': {
    zh: (p) => `上期结果是在其考核期（${p['start']}至${p['end']}）结束前评估的（评估日期 ${p['asOf']}）：与上期的比较按其当时的得分，仅供参考；其中暂不提出的问责（provisional）不计为上期触发`,
    en: (p) => `the previous result was made before its period (${p['start']} to ${p['end']}) was over (as of ${p['asOf']}): the comparison reads its points at that date and is to be read with care; its provisional hits are not counted as last period's`,
  },
  'previous-duplicate-subject': {
    zh: (p) => `${p['type'] === 'person' ? '人员' : '党组织'}「${p['id']}」在评估结果中重复出现（首次出现在 ${p['first']}）：每个考核对象只能有一个结果，否则取哪一个取决于列出的先后`,
    en: (p) => `${p['type'] === 'person' ? 'person' : 'organization'} "${p['id']}" is listed twice in the assessment result (first at ${p['first']}): a subject has one result, or which one is read would depend on the order of the list`,
  },
  'previous-total-out-of-range': {
    zh: (p) => `${p['field']} 为 ${p['total']}，不是评估可能得出的总分：应不小于 0${p['max'] === '' ? '' : `，且不大于该考核对象的折算得分与加分之和 ${p['max']}`}`,
    en: (p) => `${p['field']} is ${p['total']}, not a total an assessment can give: it must be at least 0${p['max'] === '' ? '' : ` and at most ${p['max']}, the subject's scaled score plus its bonus`}`,
  },
  'previous-period-reversed': {
    zh: (p) => `评估结果的考核期起始日 ${p['start']} 晚于截止日 ${p['end']}`,
    en: (p) => `the assessment result's period starts (${p['start']}) after it ends (${p['end']})`,
  },
  'explain-ratio-nothing-to-measure': {
    zh: () => `；应计总数为0，没有可衡量的对象`,
    en: () => `; the denominator totals 0, so there is nothing to measure`,
  },
  'explain-line-unmeasurable-excluded': {
    zh: () => `按证据不足处理，本项不计分（不计入满分）`,
    en: () => `treated as insufficient evidence: line excluded from the total`,
  },
  'explain-line-unmeasurable-zero': {
    zh: () => `按证据不足处理，按规则记0分`,
    en: () => `treated as insufficient evidence: 0 points by rule`,
  },
  'explain-line-unmeasurable-not-done': {
    zh: () => `按证据不足处理，按规则视为未完成`,
    en: () => `treated as insufficient evidence: counted as not done by rule`,
  },
  // Only the one bucket the period ends in can run past it.
  'explain-cadence-past-period': {
    zh: (p) => `；${p['buckets']}在考核期结束（${p['end']}）后才结束，本期不作判断`,
    en: (p) => `; ${p['buckets']} runs past the end of the period (${p['end']}), so it is not judged in this period`,
  },
  'explain-line-nothing-due': {
    zh: () => `无任何上报记录且数据源未声明完整，但尚无到期的要求，暂按进行中计`,
    en: () => `nothing reported and the source is not declared complete, but nothing is due yet: in progress`,
  },
  'explain-deadline-unreported-not-due': {
    zh: (p) => `；应有${p['expected']}项，已报送${p['reported']}项，未报送的到期后按未完成计`,
    en: (p) => `; ${p['expected']} expected, ${p['reported']} reported, the rest count as open once due`,
  },
  'explain-deadline-extra': {
    zh: (p) => `；另有${p['count']}条记录超出应有的${p['expected']}项，只计最早完成的${p['expected']}项，其余未计入`,
    en: (p) => `; ${p['count']} record(s) beyond the ${p['expected']} expected not counted (the earliest done count)`,
  },
} as const satisfies MessageSection;
