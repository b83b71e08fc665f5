import type { MessageSection } from './types.js';

/**
 * Messages of the testing kit (zerenzhi/testing): matcher failures, lookup errors and
 * property-check details.
 */
export const testingMessages = {
  'no-subject': {
    zh: (p) => `结果中没有党组织或人员「${p['id']}」（党组织：${p['organizations']}；人员：${p['people']}）`,
    en: (p) => `no organization or person "${p['id']}" in the result (organizations: ${p['organizations']}; people: ${p['people']})`,
  },
  'no-line': {
    zh: (p) => `「${p['subject']}」没有指标「${p['indicator']}」的得分行（${p['reason']}；该对象的指标：${p['have']}）`,
    en: (p) => `"${p['subject']}" has no line for indicator "${p['indicator']}" (${p['reason']}; its indicators: ${p['have']})`,
  },
  'no-line-unknown': { zh: () => '细则中没有这个指标', en: () => 'the rule set has no such indicator' },
  'no-line-not-applicable': { zh: () => '该指标不适用于这个对象', en: () => 'the indicator does not apply to this subject' },
  'not-a-person': { zh: (p) => `「${p['id']}」是党组织，不是人员，没有评定结论`, en: (p) => `"${p['id']}" is an organization, not a person: it has no verdict` },
  // Arguments and options the kit refuses (each an issue of a ValidationError, at its path).
  'unknown-option': {
    zh: (p) => `未知字段「${p['field']}」${p['hint']}；可用字段：${p['allowed']}`,
    en: (p) => `unknown field "${p['field']}"${p['hint']}; allowed: ${p['allowed']}`,
  },
  'did-you-mean': { zh: (p) => `（是否想写「${p['name']}」？）`, en: (p) => ` (did you mean "${p['name']}"?)` },
  'no-subject-id': {
    zh: (p) => `没有党组织或人员「${p['id']}」${p['hint']}（已有：${p['have']}）`,
    en: (p) => `no organization or person "${p['id']}"${p['hint']} (there are: ${p['have']})`,
  },
  'no-rule': {
    zh: (p) => `考核细则中没有问责规则「${p['id']}」${p['hint']}（已有：${p['have']}）`,
    en: (p) => `the rule set has no accountability rule "${p['id']}"${p['hint']} (its rules: ${p['have']})`,
  },
  'no-form': {
    zh: (p) => `没有编号或名称为「${p['value']}」的处理方式${p['hint']}（可用：${p['have']}）`,
    en: (p) => `no form with the id or title "${p['value']}"${p['hint']} (forms: ${p['have']})`,
  },
  'no-grade': {
    zh: (p) => `考核细则中没有编号或名称为「${p['value']}」的等次${p['hint']}（可用：${p['have']}）`,
    en: (p) => `the rule set has no grade with the id or title "${p['value']}"${p['hint']} (grades: ${p['have']})`,
  },
  'no-verdict': {
    zh: (p) => `没有评定结论「${p['value']}」${p['hint']}；可用：${p['allowed']}`,
    en: (p) => `no verdict "${p['value']}"${p['hint']}; allowed: ${p['allowed']}`,
  },
  'without-unknown-id': {
    zh: (p) => `场景的 ${p['count']} 条记录中没有编号为「${p['id']}」的记录，无法去掉${p['hint']}`,
    en: (p) => `none of the scenario's ${p['count']} records has the id "${p['id']}" to leave out${p['hint']}`,
  },
  'without-nothing': {
    zh: (p) => `筛选函数没有选中场景 ${p['count']} 条记录中的任何一条：什么也没去掉的“如果……会怎样”什么也没有测试`,
    en: (p) => `the test selected none of the scenario's ${p['count']} records: a what-if that leaves nothing out tests nothing`,
  },
  'except-unused': {
    zh: (p) => `要排除的「${p['value']}」不在所选范围（${p['have']}）之中，什么也没有排除`,
    en: (p) => `except names ${p['value']}, which is not among those chosen (${p['have']}): it leaves nothing out`,
  },
  'too-few': { zh: (p) => `至少需要 ${p['minimum']} 项`, en: (p) => `needs at least ${p['minimum']} item(s)` },
  'raters-count': {
    zh: (p) => `给了 ${p['raters']} 位评议人、${p['scores']} 个分数：评议人应与分数一一对应`,
    en: (p) => `${p['raters']} raters for ${p['scores']} scores: give one rater per score`,
  },
  'needs-year': {
    zh: (p) => `${p['helper']}() 需要年份：records({ year: 2022 })、调用时的 { year }，或先写入一条带日期的记录`,
    en: (p) => `${p['helper']}() needs a year: records({ year: 2022 }), { year } on the call, or a dated record first`,
  },
  'options-with-report': {
    zh: (p) => `选项（${p['keys']}）只用于场景：收到的是已经做好的报告，这些选项不会起作用`,
    en: (p) => `options (${p['keys']}) apply to a scenario only: with a report already made they would do nothing`,
  },
  'pick-empty': { zh: () => 'zerenzhi/testing：无法从空列表中选取', en: () => 'zerenzhi/testing: cannot pick from an empty list' },
  'bad-seed': {
    zh: (p) => `zerenzhi/testing：种子应为整数，收到的是 ${p['received']}`,
    en: (p) => `zerenzhi/testing: the seed must be a whole number, received ${p['received']}`,
  },
  'bad-received': {
    zh: (p) => `${p['matcher']} 需要 scenario(...) 或 assess(...) 的结果，收到的是 ${p['received']}`,
    en: (p) => `${p['matcher']} needs a scenario(...) or an assess(...) result, received ${p['received']}`,
  },
  'bad-received-properties': {
    zh: (p) => `toSatisfyRuleSetProperties 需要 scenario(...) 或 checkRuleSetProperties(...) 的报告，收到的是 ${p['received']}`,
    en: (p) => `toSatisfyRuleSetProperties needs a scenario(...) or a checkRuleSetProperties(...) report, received ${p['received']}`,
  },
  'expect-points': {
    zh: (p) => `期望${p['subject']}的「${p['indicator']}」得 ${p['expected']} 分，实际得 ${p['actual']} 分（满分 ${p['max']}）`,
    en: (p) => `expected ${p['subject']} to score ${p['expected']} on "${p['indicator']}", got ${p['actual']} (of ${p['max']})`,
  },
  'expect-points-not': {
    zh: (p) => `期望${p['subject']}的「${p['indicator']}」不得 ${p['expected']} 分，实际正是 ${p['actual']} 分`,
    en: (p) => `expected ${p['subject']} not to score ${p['expected']} on "${p['indicator']}", but it did`,
  },
  'expect-total': {
    zh: (p) => `期望${p['subject']}的总分为 ${p['expected']}，实际为 ${p['actual']}`,
    en: (p) => `expected ${p['subject']} to total ${p['expected']}, got ${p['actual']}`,
  },
  'expect-total-not': {
    zh: (p) => `期望${p['subject']}的总分不为 ${p['expected']}，实际正是 ${p['actual']}`,
    en: (p) => `expected ${p['subject']} not to total ${p['expected']}, but it did`,
  },
  'expect-grade': {
    zh: (p) => `期望${p['subject']}的等次为「${p['expected']}」，实际为「${p['actual']}」`,
    en: (p) => `expected ${p['subject']} to be graded "${p['expected']}", got "${p['actual']}"`,
  },
  'expect-grade-not': {
    zh: (p) => `期望${p['subject']}的等次不是「${p['expected']}」，实际正是`,
    en: (p) => `expected ${p['subject']} not to be graded "${p['expected']}", but it was`,
  },
  'expect-verdict': {
    zh: (p) => `期望${p['subject']}的评定结论为「${p['expected']}」，实际为「${p['actual']}」`,
    en: (p) => `expected the verdict on ${p['subject']} to be "${p['expected']}", got "${p['actual']}"`,
  },
  'expect-verdict-not': {
    zh: (p) => `期望${p['subject']}的评定结论不是「${p['expected']}」，实际正是`,
    en: (p) => `expected the verdict on ${p['subject']} not to be "${p['expected']}", but it was`,
  },
  'expect-finding': { zh: (p) => `期望有问责建议 ${p['filter']}，但没有找到`, en: (p) => `expected a finding ${p['filter']}, found none` },
  'expect-finding-not': {
    zh: (p) => `期望没有问责建议 ${p['filter']}，但找到${p['count']}条`,
    en: (p) => `expected no finding ${p['filter']}, found ${p['count']}`,
  },
  'expect-properties': {
    zh: (p) => `考核细则性质检查未通过：${p['count']}项失败（种子 ${p['seed']}）`,
    en: (p) => `rule-set properties failed: ${p['count']} failure(s) (seed ${p['seed']})`,
  },
  'expect-properties-not': {
    zh: (p) => `期望考核细则性质检查不通过，但全部通过（种子 ${p['seed']}）`,
    en: (p) => `expected the rule-set properties to fail, but they all held (seed ${p['seed']})`,
  },
  'line-head': {
    zh: (p) => `「${p['title']}」（${p['indicator']}）：${p['status']}，得 ${p['points']}/${p['max']} 分${p['extra']}`,
    en: (p) => `"${p['title']}" (${p['indicator']}): ${p['status']}, ${p['points']}/${p['max']} points${p['extra']}`,
  },
  'line-records': {
    zh: (p) => `记录：计入 ${p['counted']} 条（上报 ${p['reported']}，待审核 ${p['pending']}，已退回 ${p['rejected']}，缺佐证 ${p['unsupported']}）${p['ids']}`,
    en: (p) => `records: ${p['counted']} counted (${p['reported']} reported, ${p['pending']} pending, ${p['rejected']} rejected, ${p['unsupported']} unsupported)${p['ids']}`,
  },
  'line-ids': { zh: (p) => `：${p['ids']}`, en: (p) => `: ${p['ids']}` },
  'line-explanation': { zh: (p) => `说明：${p['text']}`, en: (p) => `why: ${p['text']}` },
  'line-bonus': { zh: (p) => `，加分 ${p['bonus']}`, en: (p) => `, bonus ${p['bonus']}` },
  'line-veto': { zh: () => '，触发一票否决', en: () => ', veto fired' },
  'subject-head': {
    zh: (p) => `${p['who']}：得分 ${p['score']}/${p['max']}，折算 ${p['scaled']}，加分 ${p['bonus']}，总分 ${p['total']}`,
    en: (p) => `${p['who']}: ${p['score']}/${p['max']} points, scaled ${p['scaled']}, bonus ${p['bonus']}, total ${p['total']}`,
  },
  'subject-grade': { zh: (p) => `等次：${p['grade']}`, en: (p) => `grade: ${p['grade']}` },
  'subject-verdict': { zh: (p) => `评定结论：${p['verdict']}`, en: (p) => `verdict: ${p['verdict']}` },
  'grade-none': { zh: () => '无（不参加评定）', en: () => 'none (not graded)' },
  'grade-score': { zh: (p) => `${p['title']}（${p['id']}，按分数）`, en: (p) => `${p['title']} (${p['id']}, by score)` },
  'grade-veto': { zh: (p) => `${p['title']}（${p['id']}，一票否决）`, en: (p) => `${p['title']} (${p['id']}, by veto)` },
  'grade-quota': {
    zh: (p) => `${p['title']}（${p['id']}，受名额限制，按分数应为 ${p['earned']}）`,
    en: (p) => `${p['title']} (${p['id']}, moved down by a quota from ${p['earned']})`,
  },
  'findings-none': { zh: () => '（本次没有任何问责建议）', en: () => '(no findings at all)' },
  'findings-all': { zh: (p) => `全部问责建议（${p['count']}条）：`, en: (p) => `all findings (${p['count']}):` },
  'findings-provisional': {
    zh: (p) => `考核期尚未结束（评估日期 ${p['asOf']}），以下触发暂不提出问责建议（hits 中 provisional，${p['count']}处）：`,
    en: (p) => `the period is still running (as of ${p['asOf']}): these hits give no finding yet (provisional in hits, ${p['count']}):`,
  },
  'findings-matching': { zh: (p) => `符合条件的问责建议（${p['count']}条）：`, en: (p) => `matching findings (${p['count']}):` },
  'finding-line': {
    zh: (p) => `${p['id']}：${p['subject']}，${p['liability']}，建议「${p['form']}」（${p['formId']}）`,
    en: (p) => `${p['id']}: ${p['subject']}, ${p['liability']}, proposed "${p['form']}" (${p['formId']})`,
  },
  'property-monotonic': { zh: () => '增加应有记录不降分', en: () => 'adding a required record never lowers a score' },
  'property-bounds': { zh: () => '分值不越界', en: () => 'points within bounds' },
  'property-order': { zh: () => '结果与记录顺序无关', en: () => 'result independent of record order' },
  'property-failure': { zh: (p) => `[${p['property']}] ${p['where']}：${p['detail']}`, en: (p) => `[${p['property']}] ${p['where']}: ${p['detail']}` },
  'detail-monotonic': {
    zh: (p) => `为「${p['indicator']}」增加一条「${p['type']}」记录（${p['record']}，${p['date']}）后，${p['what']}由 ${p['before']} 降为 ${p['after']}`,
    en: (p) => `adding a "${p['type']}" record for "${p['indicator']}" (${p['record']}, ${p['date']}) lowered ${p['what']} from ${p['before']} to ${p['after']}`,
  },
  'what-total': { zh: (p) => `「${p['subject']}」的总分`, en: (p) => `the total of "${p['subject']}"` },
  'what-line': { zh: (p) => `「${p['subject']}」在「${p['indicator']}」的得分`, en: (p) => `the points of "${p['subject']}" on "${p['indicator']}"` },
  'detail-line-bounds': { zh: (p) => `得分 ${p['points']} 不在 0–${p['max']} 之内`, en: (p) => `points ${p['points']} outside 0–${p['max']}` },
  'detail-bonus-bounds': { zh: (p) => `加分 ${p['bonus']} 不在 0–${p['cap']} 之内`, en: (p) => `bonus ${p['bonus']} outside 0–${p['cap']}` },
  'detail-score-bounds': { zh: (p) => `得分合计 ${p['score']} 不在 0–${p['max']} 之内`, en: (p) => `score ${p['score']} outside 0–${p['max']}` },
  'detail-total-bounds': {
    zh: (p) => `总分 ${p['total']} 不在 0–${p['limit']} 之内（百分制 ${p['scale']} + 加分上限 ${p['bonusCap']}）`,
    en: (p) => `total ${p['total']} outside 0–${p['limit']} (scale ${p['scale']} + bonus cap ${p['bonusCap']})`,
  },
  'detail-order': {
    zh: (p) => `打乱记录顺序（第${p['shuffle']}次）后结果不同：${p['what']}`,
    en: (p) => `shuffling the records (shuffle ${p['shuffle']}) changed the result: ${p['what']}`,
  },
  'order-line': { zh: (p) => `得分由 ${p['before']} 变为 ${p['after']}`, en: (p) => `points ${p['before']} became ${p['after']}` },
  'order-other': { zh: (p) => `「${p['path']}」不同`, en: (p) => `"${p['path']}" differs` },
} as const satisfies MessageSection;
