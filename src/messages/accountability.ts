import type { MessageParams, MessageSection } from './types.js';

// The verdicts a trigger names, in Chinese; an unknown verdict is named as it is.
const VERDICT_ZH: ReadonlyMap<string, string> = new Map([
  ['derelict', '失职'],
  ['incompetent', '不称职'],
  ['undetermined', '无法认定'],
  ['fulfilled', '本职'],
]);
const verdictZh = (p: MessageParams): string => VERDICT_ZH.get(String(p['verdict'])) ?? String(p['verdict']);

/** Messages of the accountability layer: why a rule fired, the findings it proposes, and decisions on them. */
// A finding's status as the Chinese report names it (the report's own labels: report-finding-status-*).
const FINDING_STATUS_ZH: ReadonlyMap<string, string> = new Map([
  ['confirmed', '已确认'],
  ['waived', '已免予问责'],
  ['changed', '已改变形式'],
]);

export const accountabilityMessages = {
  // What set a rule off (trigger hits).
  'hit-veto': { zh: (p) => `触发一票否决（记录 ${p['records']}）`, en: (p) => `one-vote veto (records ${p['records']})` },
  'hit-lowest-grade': { zh: (p) => `考核等次为最低等次「${p['grade']}」（总分${p['total']}）`, en: (p) => `lowest grade "${p['grade']}" (total ${p['total']})` },
  'hit-shortfall': {
    zh: (p) => `「${p['title']}」缺${p['count']}次（${p['explanation']}）`,
    en: (p) => `"${p['title']}": ${p['count']} short (${p['explanation']})`,
  },
  // A shortfall that is no number of times (a vacant post, a rate below its floor, months missed:
  // the line's explanation says how it falls short).
  'hit-shortfall-unmet': {
    zh: (p) => `「${p['title']}」未达标（${p['explanation']}）`,
    en: (p) => `"${p['title']}": not met (${p['explanation']})`,
  },
  'hit-deadline-open': { zh: (p) => `${p['count']}项任务逾期未完成（${p['titles']}）`, en: (p) => `${p['count']} task(s) overdue and still open (${p['titles']})` },
  'hit-incident': { zh: () => `发生问题事件`, en: () => `incident` },
  'hit-incident-severity': { zh: (p) => `发生严重程度不低于${p['severity']}的问题事件`, en: (p) => `incident of severity ${p['severity']} or more` },
  'hit-formalism': { zh: () => `存在形式主义问题`, en: () => `formalism` },
  'hit-records': { zh: (p) => `${p['what']}（记录 ${p['records']}）`, en: (p) => `${p['what']} (records ${p['records']})` },
  'hit-verdict': { zh: (p) => `评定为「${verdictZh(p)}」（总分${p['total']}）`, en: (p) => `verdict "${p['verdict']}" (total ${p['total']})` },
  // `rule`: the repeated rule's title in the result's language.
  'hit-repeat': { zh: (p) => `连续两期触发「${p['rule']}」：${p['explanation']}`, en: (p) => `"${p['rule']}" again this period: ${p['explanation']}` },

  // A proposed finding's explanation.
  'finding-trigger': { zh: (p) => `【${p['rule']}】${p['subject']}：${p['explanation']}`, en: (p) => `[${p['rule']}] ${p['subject']}: ${p['explanation']}` },
  'finding-basis-direct': { zh: () => `直接责任`, en: () => `direct` },
  'finding-proposal': {
    zh: (p) => `${p['subject']}承担${p['liability']}（${p['basis']}），建议「${p['form']}」`,
    en: (p) => `${p['subject']} bears ${p['liability']} (${p['basis']}); proposed: ${p['form']}`,
  },
  // A circumstance and how it moved the form. 问责条例 Arts. 18–19 tell 从轻/从重 (within the form)
  // from 减轻/加重 (a form lighter or heavier): a circumstance here moves one form, so it is 减轻 or
  // 加重. A record is named by its own title (`titles`), not by the default kind of its type.
  'finding-circumstance-repeat': { zh: () => `上期已有同类问题`, en: () => `repeated from the previous period` },
  'finding-circumstance-aggravating': { zh: (p) => `有「${p['titles']}」情节`, en: (p) => `aggravating circumstance (${p['titles']})` },
  'finding-circumstance-mitigating': { zh: (p) => `有「${p['titles']}」情节`, en: (p) => `mitigating circumstance (${p['titles']})` },
  'finding-circumstance-aggravating-untitled': { zh: () => `有加重问责情节`, en: () => `aggravating circumstances` },
  'finding-circumstance-mitigating-untitled': { zh: () => `有减轻问责情节`, en: () => `mitigating circumstances` },
  'finding-circumstance-heavier': { zh: () => `，加重一档`, en: () => `, one form heavier` },
  'finding-circumstance-lighter': { zh: () => `，减轻一档`, en: () => `, one form lighter` },
  'finding-circumstance-clamped-heavier': { zh: () => `，本应加重一档，已是梯度最重一档`, en: () => `, would be one form heavier but the form is already the heaviest` },
  'finding-circumstance-clamped-lighter': { zh: () => `，本应减轻一档，已是梯度最轻一档`, en: () => `, would be one form lighter but the form is already the lightest` },
  // While its secretary post is vacant, a deputy secretary presides and is reached as the secretary.
  'finding-secretary-vacant': {
    zh: (p) => `${p['organization']}书记空缺，由副书记${p['subject']}主持工作`,
    en: (p) => `the secretary post of ${p['organization']} is vacant, and deputy secretary ${p['subject']} presides`,
  },
  'waiver-reason-unspecified': { zh: () => `未说明理由`, en: () => `no reason given` },
  'finding-waiver': { zh: (p) => `符合免责情形：${p['title']}，建议免予问责`, en: (p) => `waiver grounds: ${p['title']}; proposed to waive` },
  'finding-supervision': {
    zh: (p) => `【${p['rule']}】${p['subject']}所属${p['children']}个下级组织中${p['flagged']}个被提出问责（${p['names']}），一级抓一级不力，建议「${p['form']}」`,
    en: (p) => `[${p['rule']}] ${p['flagged']} of the ${p['children']} organizations under ${p['subject']} are flagged (${p['names']}): supervision failed; proposed: ${p['form']}`,
  },
  'finding-supervision-provisional': {
    zh: (p) => `${p['subject']}所属${p['children']}个下级组织中${p['flagged']}个触发问责规则（${p['names']}；其中${p['held']}为暂定），如至考核期末情况不变，将以一级抓一级不力建议「${p['form']}」`,
    en: (p) => `${p['flagged']} of the ${p['children']} organizations under ${p['subject']} set off accountability rules (${p['names']}; provisionally: ${p['held']}): if nothing changes by the end of the period, supervision failed, and ${p['form']} would be proposed`,
  },
  'finding-ineligible': {
    zh: (p) => `本期拟给予${p['forms']}（${p['line']}及以上），不得评为最高等次、不得参加评优评先`,
    en: (p) => `${p['forms']} (${p['line']} or heavier): not eligible for the top grade or awards`,
  },

  // Warnings about the records the accountability rules read.
  'warning-incident-severity-not-number': {
    zh: (p) => `问责规则「${p['rule']}」：${p['count']}条事件记录的严重程度属性「${p['attribute']}」不是数字，未计入（记录 ${p['records']}）；应写数字或“4”这样的纯数字文本`,
    en: (p) => `accountability rule "${p['rule']}": ${p['count']} incident record(s) have a severity attribute "${p['attribute']}" that is not a number and were not counted (records ${p['records']}); give a number, or a text of digits such as "4"`,
  },
  // A rule named in a warning by its title, quoted (`titles` joins several).
  'accountability-rule-named': { zh: (p) => `「${p['title']}」`, en: (p) => `"${p['title']}"` },
  'warning-findings-provisional': {
    zh: (p) =>
      `考核期尚未结束（评估日期 ${p['asOf']}，考核期至 ${p['end']}）：问责规则${p['titles']}有${p['count']}处触发到考核期末还可能改变（按目前情况作出的等次或评价，仍可补上、尚未报上或待审核的缺项，尚可完成的逾期事项，组织关系图上可能改变的事实，以及因此才达到比例的一级抓一级），暂不提出问责建议，作为预警列出；考核期结束后再评估`,
    en: (p) =>
      `the period is still running (as of ${p['asOf']}, the period ends ${p['end']}): ${p['count']} hit(s) of accountability rule(s) ${p['titles']} may still change by the end of the period (a grade or verdict read from the evidence so far; a shortfall that may still be made up, whose records may not be in yet or await review; an overdue task that may still be completed; a fact of the graph that may change; supervision reached only with such hits), so no finding is proposed from them yet; they are listed as early warnings. Assess again once the period is over`,
  },
  'warning-circumstance-unknown-rule': {
    zh: (p) => `${p['count']}条情节或免责记录的属性 rule 写了「${p['rule']}」，没有这个编号的问责规则，对该名称不生效（记录 ${p['records']}）`,
    en: (p) => `${p['count']} circumstance or waiver record(s) name "${p['rule']}" in their rule attribute, which is no accountability rule: they apply to no rule by that name (records ${p['records']})`,
  },

  'warning-waiver-organization': {
    zh: (p) => `${p['count']}条免责记录只写了党组织、没有写人员，未计入：免责（问责条例第十七条）只适用于个人，对党组织的问责建议不附免责建议（记录 ${p['records']}）`,
    en: (p) => `${p['count']} waiver record(s) name an organization and no person and were not applied: a waiver (Art. 17) applies to a person, not to a party organization (records ${p['records']})`,
  },
  'warning-circumstance-other-case': {
    zh: (p) =>
      `${p['count']}条情节或免责记录写明的党组织不是该人员被提出问责的案件所在的党组织，未计入（记录 ${p['records']}）：写了 organization 的，只对在该党组织的案件生效；对该人员在该规则下的所有问责建议生效的，不写 organization`,
    en: (p) =>
      `${p['count']} circumstance or waiver record(s) name an organization where none of the person's cases under the rule is, and were not applied (records ${p['records']}): a record naming an organization applies to the cases at that organization; to apply to all the person's findings under the rule, name no organization`,
  },

  // What withFindings was given in place of a finished run, for `invalid-type` (`received`).
  'received-unfinished-run': {
    zh: () => `对象，但不是 session.finish() 得到的已结束会话（复制或手工拼装的也不算）`,
    en: () => `an object that is not a finished session returned by session.finish() (a copy, or one put together by hand, is not one)`,
  },

  // Ladders of forms in the rule set.
  'duplicate-form-id': {
    zh: (p) => `问责形式编号「${p['id']}」在梯度中重复（首次出现在 ${p['first']}），同一形式只能有一个位置`,
    en: (p) => `form id "${p['id']}" appears twice on the ladder (first at ${p['first']}): a form has one place`,
  },

  // Decisions on proposed findings.
  'unknown-finding': { zh: (p) => `问责建议「${p['id']}」不存在`, en: (p) => `finding "${p['id']}" does not exist` },
  'duplicate-decision': {
    zh: (p) => `问责建议「${p['id']}」已有决定（decisions[${p['first']}]），同一建议只能决定一次`,
    en: (p) => `finding "${p['id']}" is already decided at decisions[${p['first']}]: one decision per finding`,
  },
  'decision-reason-required': {
    zh: (p) => `${p['action'] === 'waive' ? '免予问责' : '改变问责形式'}须写明理由（reason）`,
    en: (p) => `a decision to ${p['action']} needs a reason`,
  },
  'decision-form-unexpected': {
    zh: () => `只有 change（改变形式）决定才能给出 form`,
    en: () => `only a change decision takes a form`,
  },
  'ladder-lacks-line': {
    zh: (p) => `所给的${p['ladder'] === 'organization' ? '党组织' : '个人'}问责形式梯度（options.forms.${p['ladder']}）中没有评优评先资格线的形式「${p['id']}」，无法确定其轻重`,
    en: (p) => `the ${p['ladder']} ladder given in options.forms has no form "${p['id']}", the eligibility line (ineligibleFrom): its place on the ladder is unknown`,
  },
  'ladder-lacks-form': {
    zh: (p) => `所给的${p['ladder'] === 'organization' ? '党组织' : '个人'}问责形式梯度（options.forms.${p['ladder']}）中没有问责建议「${p['finding']}」所用的形式「${p['id']}」，无法确定其轻重`,
    en: (p) => `the ${p['ladder']} ladder given in options.forms has no form "${p['id']}", used by finding "${p['finding']}": its place on the ladder is unknown`,
  },
  'decision-before-period': {
    zh: (p) => `决定日期 ${p['value']} 早于考核期开始（${p['start']}），问责建议那时还没有提出`,
    en: (p) => `decision date ${p['value']} is before the period began (${p['start']}), when the finding did not exist yet`,
  },
  'finding-already-decided': {
    zh: (p) => `问责建议「${p['id']}」${FINDING_STATUS_ZH.get(String(p['status'])) ?? `已是「${p['status']}」状态`}，不能再次决定`,
    en: (p) => `finding "${p['id']}" is already ${p['status']}`,
  },
} as const satisfies MessageSection;
