// A report in another language than its result's: what the result or the catalogue has in both
// languages follows the report; the rest stays as the run wrote it.
import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../src/index.js';
import { toCsv } from '../../src/report/csv.js';
import { toMarkdown } from '../../src/report/markdown.js';
import { eligibilityReason, formTitles, periodLabel, waiverTitle, warningText } from '../../src/report/report-language.js';
import { bureauResult } from './helpers.js';

const period = (start: string, end: string, label: string): AssessmentResult['period'] => ({ start, end, asOf: null, label });

describe('periodLabel', () => {
  it('gives the label the engine gives the same period in the other language (hand-checked)', () => {
    expect(periodLabel(period('2022-01-01', '2022-12-31', '2022年度'), 'zh', 'en')).toBe('2022');
    expect(periodLabel(period('2022-01-01', '2022-12-31', '2022'), 'en', 'zh')).toBe('2022年度');
    expect(periodLabel(period('2022-07-01', '2022-09-30', '2022年第三季度'), 'zh', 'en')).toBe('Q3 2022');
    expect(periodLabel(period('2022-07-01', '2022-12-31', 'H2 2022'), 'en', 'zh')).toBe('2022年下半年');
    expect(periodLabel(period('2022-03-01', '2022-03-31', '2022年3月'), 'zh', 'en')).toBe('2022-03');
    expect(periodLabel(period('2022-03-01', '2022-05-31', '2022-03-01至2022-05-31'), 'zh', 'en')).toBe('2022-03-01 to 2022-05-31');
  });

  it('keeps a label the engine would not give that period (edited by hand), and any label in the same language', () => {
    expect(periodLabel(period('2022-01-01', '2022-12-31', '二〇二二年'), 'zh', 'en')).toBe('二〇二二年');
    // The label of a quarter on a year's dates is not that year's.
    expect(periodLabel(period('2022-01-01', '2022-12-31', '2022年第一季度'), 'zh', 'en')).toBe('2022年第一季度');
    expect(periodLabel(period('2022-01-01', '2022-12-31', 'anything'), 'zh', 'zh')).toBe('anything');
  });
});

describe('warningText', () => {
  it('renders a warning from its code and parameters in the report language', () => {
    const warning = { code: 'warning-pending', params: { count: 2 }, message: '2条记录尚待审核，未计入得分（审核通过后重新运行即可计入）' };
    expect(warningText(warning, 'zh', 'en')).toBe('2 record(s) are pending review and not counted (run again once approved)');
    expect(warningText(warning, 'zh', 'zh')).toBe(warning.message);
  });

  it('keeps the message when its code and parameters do not give it back (an unknown code, an edited message)', () => {
    expect(warningText({ code: 'x-custom', params: {}, message: '自定义提示' }, 'zh', 'en')).toBe('自定义提示');
    expect(warningText({ code: 'warning-pending', params: { count: 3 }, message: '2条记录尚待审核，未计入得分（审核通过后重新运行即可计入）' }, 'zh', 'en')).toBe(
      '2条记录尚待审核，未计入得分（审核通过后重新运行即可计入）',
    );
  });
});

describe('form titles, eligibility reasons and waivers', () => {
  const zh = bureauResult('zh');

  it('a form on the result\'s ladder takes its title in the report language; another keeps its own', () => {
    const title = formTitles(zh, 'en');
    expect(title({ id: 'admonishment', title: '诫勉', severity: 4 }, 'person')).toBe('admonishment');
    expect(title({ id: 'circulation', title: '通报', severity: 2 }, 'organization')).toBe('circulated notice');
    // Not the ladder's title in the result's language, or not on the subject's ladder: as given.
    expect(title({ id: 'admonishment', title: '诫勉谈话', severity: 4 }, 'person')).toBe('诫勉谈话');
    expect(title({ id: 'circulation', title: '通报', severity: 2 }, 'person')).toBe('通报');
    expect(formTitles({ ...zh, forms: null }, 'en')({ id: 'admonishment', title: '诫勉', severity: 4 }, 'person')).toBe('诫勉');
  });

  it('an eligibility reason is the engine\'s message again, titles in the report language', () => {
    const [renJie] = zh.eligibility;
    if (!renJie) throw new Error('the bureau bars 任杰');
    expect(renJie.reason).toBe('本期拟给予诫勉（诫勉及以上），不得评为最高等次、不得参加评优评先');
    expect(eligibilityReason(zh, renJie, formTitles(zh, 'en'), 'en')).toBe('admonishment (admonishment or heavier): not eligible for the top grade or awards');
    // A reason the engine would not have written stays.
    expect(eligibilityReason(zh, { ...renJie, reason: '另有原因' }, formTitles(zh, 'en'), 'en')).toBe('另有原因');
  });

  it('the waiver of a record that gave no reason is the catalogue\'s; a rule set\'s reason stays', () => {
    expect(waiverTitle({ reason: 'unspecified', title: '未说明理由', recordIds: [] }, 'zh', 'en')).toBe('no reason given');
    expect(waiverTitle({ reason: 'collective-dissent', title: '在集体决策中提出反对意见', recordIds: [] }, 'zh', 'en')).toBe('在集体决策中提出反对意见');
  });
});

describe('a Chinese result reported in English, and the other way round', () => {
  const en = toMarkdown(bureauResult('zh'), { lang: 'en' });
  const zh = toMarkdown(bureauResult('en'), { lang: 'zh' });

  it('the period label, warnings, eligibility and forms follow the report (hand-checked on the bureau)', () => {
    expect(en).toContain('\n- Period: 2022 (2022-01-01 to 2022-12-31)\n');
    expect(en).toContain('\n- record id "r-2022-0096" has different versions: none of them counts; please check `warning-conflict`\n');
    expect(en).toContain('\n- 2 record(s) are pending review and not counted (run again once approved) `warning-pending`\n');
    expect(en).toContain('\nPeople proposed for "admonishment" or heavier this period may not receive the top grade or awards.\n');
    expect(en).toContain('\n| 任杰 | yes | admonishment (admonishment or heavier): not eligible for the top grade or awards |\n');
    expect(en).toContain('\n| 石磊 | no | disciplinary sanction (admonishment or heavier): not eligible for the top grade or awards |\n');
    expect(en).toContain('\n| circulated notice | 1 | 0 |\n| ordered self-examination | 2 | 0 |\n| disciplinary sanction | 0 | 1 |\n| admonishment | 0 | 1 |\n');
    expect(zh).toContain('\n- 考核期：2022年度（2022-01-01 至 2022-12-31）\n');
    expect(zh).toContain('\n- 2条记录尚待审核，未计入得分（审核通过后重新运行即可计入） `warning-pending`\n');
    expect(zh).toContain('\n本期拟给予“诫勉”及以上问责形式的人员，不得评为最高等次、不得参加评优评先。\n');
    expect(zh).toContain('\n| 任杰 | 是 | 本期拟给予诫勉（诫勉及以上），不得评为最高等次、不得参加评优评先 |\n');
  });

  it('says which parts stay in the language of the run, and those parts do', () => {
    expect(en).toContain('\n- Note: the titles of the rule set, indicators, grades, accountability rules and waiver grounds, and the explanations, are in the language of the run (Chinese)\n');
    expect(zh).toContain('\n- 说明：考核细则、指标、等次、问责规则和免责情形的名称及各项说明按评估时的语言（英文）给出\n');
    // The rule set's title, a grade and an indicator, as the Chinese run wrote them.
    expect(en.split('\n')[0]).toBe('# 市某某局2022年度基层党建工作责任制考核细则: assessment result');
    expect(en).toContain('| 市某某局党委 | party committee | 86.8 | 较好 |');
    expect(en).toContain('| 党委专题研究党建工作每年不少于4次 | principal responsibility |');
  });

  it('the CSV\'s form columns follow its language too', () => {
    const rows = toCsv(bureauResult('zh'), { lang: 'en', bom: false }).findings.split('\r\n');
    const renJie = rows.find((r) => r.includes(',p-ren-jie,'));
    expect(renJie).toContain(',principal leadership responsibility,first responsibility,admonishment,admonishment,veto,');
  });
});
