import type { MessageSection } from './types.js';

/** Messages about rule sets: validation and lint. */
export const rulesMessages = {
  'unknown-form': {
    zh: (p) => `问责形式「${p['id']}」不在${p['ladder'] === 'organization' ? '党组织' : '个人'}问责形式梯度中`,
    en: (p) => `form "${p['id']}" is not on the ${p['ladder']} ladder of forms`,
  },
  'trigger-not-deadline': {
    zh: (p) => `指标「${p['id']}」不是时限类（deadline）指标，不能用作“逾期未完成”触发条件`,
    en: (p) => `indicator "${p['id']}" is not a deadline measure`,
  },
  'repeat-cycle': { zh: (p) => `问责规则的“屡犯”触发条件循环引用：${p['cycle']}`, en: (p) => `accountability repeat triggers form a cycle: ${p['cycle']}` },
  'unknown-rule': { zh: (p) => `问责规则「${p['id']}」不存在（或引用了自身）`, en: (p) => `accountability rule "${p['id']}" does not exist (or is the rule itself)` },
  'unknown-measure-type': {
    zh: (p) => `未知的计量方式「${p['value']}」，可选：${p['allowed']}`,
    en: (p) => `unknown measure type "${p['value']}"; allowed: ${p['allowed']}`,
  },
  'unknown-trigger-type': {
    zh: (p) => `未知的问责触发条件「${p['value']}」，可选：${p['allowed']}`,
    en: (p) => `unknown accountability trigger "${p['value']}"; allowed: ${p['allowed']}`,
  },
  'unknown-reach-target': {
    zh: (p) => `未知的问责对象「${p['value']}」，可选：${p['allowed']}`,
    en: (p) => `unknown reach target "${p['value']}"; allowed: ${p['allowed']}`,
  },
  'unknown-scoring-method': {
    zh: (p) => `未知的计分方法「${p['value']}」，可选：${p['allowed']}`,
    en: (p) => `unknown scoring method "${p['value']}"; allowed: ${p['allowed']}`,
  },
  'unknown-responsibility': {
    zh: (p) => `未知的责任类型「${p['value']}」，可选：principal（主体责任）、first（第一责任）、dual（一岗双责）、supervision（一级抓一级）、liaison（包抓包联）`,
    en: (p) => `unknown responsibility "${p['value']}"; allowed: ${p['allowed']}`,
  },
  'invalid-where': { zh: () => `where 必须是对象，如 {"kind": "专题党课"}`, en: () => `where must be an object, e.g. {"kind": "topic lecture"}` },
  'invalid-where-value': {
    zh: (p) => `筛选条件「${p['key']}」的值无效：须为字符串、数值、布尔值、null 或它们的非空列表`,
    en: (p) => `filter "${p['key']}" has an invalid value: use a string, number, boolean, null or a non-empty list of them`,
  },
  'duplicate-rule-id': { zh: (p) => `${p['what']}编号「${p['id']}」重复（首次出现在 ${p['first']}）`, en: (p) => `duplicate ${p['what']} id "${p['id']}" (first at ${p['first']})` },
  'measure-required': {
    zh: (p) => `指标「${p['id']}」分值为 ${p['points']}，须给出 measure（计量方式）`,
    en: (p) => `indicator "${p['id']}" is worth ${p['points']} points and needs a measure`,
  },
  'scoring-required': {
    zh: (p) => `指标「${p['id']}」分值为 ${p['points']}，须给出 scoring（计分方法）`,
    en: (p) => `indicator "${p['id']}" is worth ${p['points']} points and needs a scoring method`,
  },
  'empty-indicator': {
    zh: (p) => `指标「${p['id']}」既无计量、也无加分或一票否决，不起任何作用`,
    en: (p) => `indicator "${p['id']}" has no measure, bonus or veto: it does nothing`,
  },
  'veto-scope-organization': {
    zh: (p) => `指标「${p['id']}」考核党组织，一票否决的 scope 不能写 organization（它只用于考核人员的指标，指本人任职的党组织）：只看本组织的记录写 self 或省略，连同所有下级组织写 subtree`,
    en: (p) => `indicator "${p['id']}" applies to organizations: veto scope "organization" is for indicators that apply to people (the organizations where they hold the post); write "self" or leave it out for the organization's own records, "subtree" to add every organization below it`,
  },
  'step-exceeds-points': {
    zh: (p) => `计分档位 ${p['step']} 分超过指标分值 ${p['points']} 分`,
    en: (p) => `a step of ${p['step']} points exceeds the indicator's ${p['points']} points`,
  },
  'range-reversed': { zh: (p) => `起始日期 ${p['from']} 晚于结束日期 ${p['to']}`, en: (p) => `start ${p['from']} is after end ${p['to']}` },
  'period-empty': {
    zh: () => `考核期既没有 year，也没有 start 和 end：须写成以下一种——{"year": 2022}（全年）、{"year": 2022, "half": 1}（半年）、{"year": 2022, "quarter": 1}（季度）、{"year": 2022, "month": 1}（月份）、{"start": "2022-01-01", "end": "2022-12-31"}（起止日期）`,
    en: () => `the period has no year and no start and end: write it one of these ways: {"year": 2022} (the whole year), {"year": 2022, "half": 1} (a half), {"year": 2022, "quarter": 1} (a quarter), {"year": 2022, "month": 1} (a month), {"start": "2022-01-01", "end": "2022-12-31"} (dates)`,
  },
  'period-mixed-forms': {
    zh: (p) => {
      const f = String(p['fields']).split(', ').map((x) => `「${x}」`);
      return `${f.slice(0, -1).join('、')}${f.length > 1 ? '和' : ''}${f.at(-1)}不能同时给出：考核期只能是一种写法——只写 year（全年），或 year 加 half、quarter、month 之一，或 start 加 end（起止日期）`;
    },
    en: (p) => {
      const f = String(p['fields']).split(', ').map((x) => `"${x}"`);
      return `${f.slice(0, -1).join(', ')}${f.length > 1 ? ' and ' : ''}${f.at(-1)} cannot be given together: a period is written one way only — year alone (the whole year), year with one of half, quarter or month, or start with end (dates)`;
    },
  },
  'bonus-amount': {
    zh: () => `加分须且只能给出 each（每条加分）或 byAttribute（按属性加分）之一`,
    en: () => `a bonus needs exactly one of each or byAttribute`,
  },
  'quota-limit': { zh: () => `名额限制须给出 maxShare（比例）或 maxCount（人数）`, en: () => `a quota needs maxShare or maxCount` },
  'unknown-ladder': { zh: (p) => `等次序列「${p['id']}」不存在`, en: (p) => `ladder "${p['id']}" does not exist` },
  'unknown-grade': { zh: (p) => `等次序列「${p['ladder']}」中没有等次「${p['id']}」`, en: (p) => `ladder "${p['ladder']}" has no grade "${p['id']}"` },
  'unknown-indicator': { zh: (p) => `指标「${p['id']}」不存在`, en: (p) => `indicator "${p['id']}" does not exist` },
  'rollup-source-subject': {
    zh: (p) => `汇总来源「${p['source']}」不适用于${p['subject'] === 'organization' ? '党组织' : '人员'}考核对象`,
    en: (p) => `roll-up source "${p['source']}" does not apply to ${p['subject']} subjects`,
  },
  'rollup-cycle': { zh: (p) => `汇总指标循环引用：${p['cycle']}`, en: (p) => `roll-up indicators form a cycle: ${p['cycle']}` },
  'measure-by-organization-subject': {
    zh: (p) => `指标「${p['id']}」考核党组织，measure 不能写 by（它只用于考核人员的指标，选读本人的记录还是本人任职党组织的记录）：党组织的指标总是读本组织的记录，连同下级组织用 scope: "subtree"`,
    en: (p) => `indicator "${p['id']}" applies to organizations: measure "by" is for indicators that apply to people (their own records or those of the organizations where they hold the post); an organization's indicator always reads the organization's records — use scope "subtree" to add every organization below it`,
  },
  'measure-scope-person': {
    zh: (p) => `指标「${p['id']}」考核人员并读本人的记录，measure 的 scope 不起作用：要读本人任职党组织的记录，写 by: "organization"，再用 scope: "subtree" 连同其下级组织；否则删去 scope`,
    en: (p) => `indicator "${p['id']}" applies to people and reads their own records, so measure "scope" has no effect: to read the records of the organizations where they hold the post write by "organization" (and scope "subtree" to add those below); otherwise remove scope`,
  },
  'structure-option-unused': {
    zh: (p) => `组织结构事实「${p['fact']}」不使用 ${p['field']}（${p['field'] === 'atLeast' ? '只用于 team-size' : '只用于 officer-staffed'}），请删去`,
    en: (p) => `structure fact "${p['fact']}" does not use ${p['field']} (${p['field'] === 'atLeast' ? 'team-size only' : 'officer-staffed only'}); remove it`,
  },
  'share-as-percent': {
    zh: (p) => `数值过大：应不大于 1。比例写成 0 到 1 之间的小数，${p['value']}% 应写 ${p['share']}`,
    en: (p) => `too big: must be at most 1. A share is a decimal from 0 to 1: ${p['value']}% is written ${p['share']}`,
  },
  'structure-subject': {
    zh: (p) => `组织结构事实「${p['fact']}」不适用于${p['subject'] === 'organization' ? '党组织' : '人员'}考核对象`,
    en: (p) => `structure fact "${p['fact']}" does not apply to ${p['subject']} subjects`,
  },
  'rollup-subject-mismatch': {
    zh: (p) => `汇总引用的指标「${p['id']}」不适用于党组织，无法从下级组织汇总`,
    en: (p) => `roll-up reads indicator "${p['id']}", which does not apply to organizations`,
  },
  'rollup-self-not-own': {
    zh: (p) => `汇总本对象自身结果时引用的指标「${p['id']}」不适用于本指标的考核对象，读不到任何结果`,
    en: (p) => `the roll-up reads its subject's own result of indicator "${p['id']}", which never applies to this indicator's subjects: it would read nothing`,
  },
  'rollup-reads-no-points': {
    zh: (p) => `汇总引用的指标「${p['id']}」分值为 0，没有得分率可以汇总`,
    en: (p) => `the roll-up reads indicator "${p['id']}", which is worth 0 points and so has no rate to roll up`,
  },
  'quota-share-over-one': {
    zh: (p) => `名额比例「${p['share']}」超过 100%：比例须在 0 到 1 之间`,
    en: (p) => `the quota's share "${p['share']}" is over 100%: a share lies between 0 and 1`,
  },
  'lint-points-not-scale': {
    zh: (p) => `适用于${p['subject']}的指标分值合计 ${p['sum']} 分，与总分 ${p['scale']} 分不一致（得分将按比例折算）`,
    en: (p) => `indicators for ${p['subject']} add up to ${p['sum']}, not the scale of ${p['scale']} (scores will be scaled)`,
  },
  'lint-grade-gap': {
    zh: (p) => `等次序列「${p['ladder']}」在 ${p['from']}–${p['to']} 分之间有空档，落在其中的得分无等次`,
    en: (p) => `ladder "${p['ladder']}" leaves scores from ${p['from']} to ${p['to']} without a grade`,
  },
  'lint-grade-overlap': {
    zh: (p) => `等次序列「${p['ladder']}」的等次「${p['a']}」与「${p['b']}」分数区间重叠`,
    en: (p) => `grades "${p['a']}" and "${p['b']}" of ladder "${p['ladder']}" overlap`,
  },
  'lint-grade-order': {
    zh: (p) => `等次序列「${p['ladder']}」应按分数从高到低排列`,
    en: (p) => `grades of ladder "${p['ladder']}" should run from the highest to the lowest`,
  },
  'lint-grade-unreachable': {
    zh: (p) => `等次「${p['grade']}」的下限 ${p['min']} 分高于可能的最高分 ${p['max']} 分，永远无法达到`,
    en: (p) => `grade "${p['grade']}" starts at ${p['min']}, above the highest possible score ${p['max']}`,
  },
  'lint-no-subject': {
    zh: (p) => `指标「${p['id']}」在组织关系图中没有适用的考核对象`,
    en: (p) => `indicator "${p['id']}" applies to no subject in the graph`,
  },
  'lint-unknown-record-type': {
    zh: (p) => `记录类型「${p['type']}」未在 recordTypes 中声明（可能是拼写错误）`,
    en: (p) => `record type "${p['type']}" is not declared in recordTypes (a typo?)`,
  },
  'lint-no-ladder': {
    zh: (p) => `${p['subject']}有考核指标但没有适用的等次序列，将不评定等次`,
    en: (p) => `${p['subject']} have indicators but no ladder: they will not be graded`,
  },
  'lint-window-outside-period': {
    zh: (p) => `指标「${p['id']}」的时间窗口 ${p['from']} 至 ${p['to']} 不在考核期（${p['period']}）内，永远无法完成`,
    en: (p) => `the window ${p['from']} to ${p['to']} of indicator "${p['id']}" lies outside the period (${p['period']}): it can never be met`,
  },
  'lint-expected-without-due': {
    zh: (p) => `指标「${p['id']}」设了应完成事项数 ${p['expected']} 但没有统一期限 due：未报送的事项无从判定逾期，该设置不起作用`,
    en: (p) => `indicator "${p['id']}" expects ${p['expected']} tasks but sets no due date: tasks never reported cannot fall due, so expected has no effect`,
  },
  'lint-due-outside-period': {
    zh: (p) => `指标「${p['id']}」的完成时限 ${p['due']} 不在考核期（${p['period']}）内：本期没有任务在该日到期，expected 规定的任务数也不计入`,
    en: (p) => `the due date ${p['due']} of indicator "${p['id']}" lies outside the period (${p['period']}): no task of this period falls due then, and expected counts for nothing`,
  },
  'lint-rollup-self-missing': {
    zh: (p) => `指标「${p['id']}」汇总本对象自身的结果，但所引用的指标都不适用于${p['subject']}，对其读不到任何结果`,
    en: (p) => `indicator "${p['id']}" rolls up its subject's own results, but none of the indicators it reads applies to ${p['subject']}: it reads nothing for them`,
  },
  'lint-rollup-nothing-below': {
    zh: (p) => `指标「${p['id']}」对${p['subject']}汇总${p['source']}的结果，但${p['subject']}之下没有党组织，对其读不到任何结果`,
    en: (p) => `indicator "${p['id']}" rolls up ${p['source']} for each ${p['subject']}, but there is no organization below a ${p['subject']}: it reads nothing for them`,
  },
  'lint-rollup-of-not-below': {
    zh: (p) => `指标「${p['id']}」对${p['subject']}汇总${p['source']}的结果，但所引用的指标都不适用于${p['subject']}之下的${p['kinds']}，对其读不到任何结果`,
    en: (p) => `indicator "${p['id']}" rolls up ${p['source']} for each ${p['subject']}, but none of the indicators it reads applies to what lies below a ${p['subject']} (${p['kinds']}): it reads nothing for them`,
  },
  'lint-source-children': { zh: () => '直接下级组织', en: () => 'the organizations directly below' },
  'lint-source-subtree': { zh: () => '所有下级组织', en: () => 'all the organizations below' },
  'invalid-share': {
    zh: (p) => `比例「${p['value']}」无效：应为 0 到 1 之间的小数（如 0.2）或分数（如 "1/3"，分母不为 0）`,
    en: (p) => `share "${p['value']}" is invalid: a decimal from 0 to 1 (0.2) or a fraction such as "1/3" (the denominator not 0)`,
  },
  'quota-lowest-grade': {
    zh: (p) => `名额限制不能用于等次梯度「${p['ladder']}」中最低的等次「${p['id']}」：超出名额的要降一个等次，最低等次无处可降`,
    en: (p) => `a quota cannot limit "${p['id']}", the lowest grade of ladder "${p['ladder']}": those over a quota move one grade down, and there is none below`,
  },
  'lint-quota-unbounded': {
    zh: (p) => `名额限制「${p['grade']}」的比例为 100%，不起限制作用`,
    en: (p) => `the quota on "${p['grade']}" is 100%: it limits nothing`,
  },
  'lint-window-partly-outside-period': {
    zh: (p) => `指标「${p['id']}」的时间窗口 ${p['from']} 至 ${p['to']} 只有一部分在考核期（${p['period']}）内：窗口内、考核期外的记录本期不计入，在窗口内完成的也可能判为未达标`,
    en: (p) => `the window ${p['from']} to ${p['to']} of indicator "${p['id']}" lies only partly inside the period (${p['period']}): records in the window but outside the period do not count here, so a subject that met the window may still fall short`,
  },
} as const satisfies MessageSection;
