import type { MessageParams, MessageSection } from './types.js';

interface CadenceWords {
  /** 「每月」: how often. */
  readonly every: string;
  /** 「个月」: the measure word counting units. */
  readonly measure: string;
  /** 「月份」: the unit as a noun. */
  readonly noun: string;
}

// Keyed by the cadence unit, which is also the unit's English word.
const CADENCE_WORDS: ReadonlyMap<string, CadenceWords> = new Map([
  ['month', { every: '每月', measure: '个月', noun: '月份' }],
  ['quarter', { every: '每季度', measure: '个季度', noun: '季度' }],
  ['half-year', { every: '每半年', measure: '个半年', noun: '半年' }],
  ['year', { every: '每年', measure: '年', noun: '年度' }],
]);

/** The Chinese words of a cadence unit; an unknown unit (never after validation) is named as it is. */
function cadenceWords(p: MessageParams): CadenceWords {
  const unit = String(p['unit']);
  return CADENCE_WORDS.get(unit) ?? { every: unit, measure: unit, noun: unit };
}

const plural = (n: string | number | undefined, word: string | number | undefined): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Messages of the engine's explanations, part 2: what the record measures found. */
export const explainMeasureMessages = {
  // count
  'explain-count': { zh: (p) => `要求不少于${p['required']}次，实有${p['value']}次`, en: (p) => `required at least ${p['required']}, found ${p['value']}` },
  'explain-count-running': { zh: (p) => `（截至${p['asOf']}，考核期未结束）`, en: (p) => ` (as of ${p['asOf']}, period still running)` },

  // window
  'explain-window': {
    zh: (p) => `要求在${p['from']}至${p['to']}期间至少${p['atLeast']}次，实有${p['value']}次`,
    en: (p) => `required at least ${p['atLeast']} from ${p['from']} to ${p['to']}, found ${p['value']}`,
  },
  'explain-window-open': { zh: (p) => `（截至${p['asOf']}，窗口期未结束）`, en: (p) => ` (as of ${p['asOf']}, the window is still open)` },

  // cadence
  'explain-cadence-required': {
    zh: (p) => `要求${cadenceWords(p).every}至少${p['atLeast']}次；`,
    en: (p) => `required at least ${p['atLeast']} per ${p['unit']}; `,
  },
  'explain-cadence-none-due': { zh: (p) => `尚无到期的${cadenceWords(p).noun}`, en: (p) => `no ${p['unit']} due yet` },
  'explain-cadence-met': {
    zh: (p) => `已到期${p['due']}${cadenceWords(p).measure}中${p['met']}${cadenceWords(p).measure}达到`,
    en: (p) => `${p['met']} of ${plural(p['due'], p['unit'])} due met`,
  },
  'explain-cadence-missed': {
    zh: (p) => `，缺${p['count']}${cadenceWords(p).measure}：${p['buckets']}`,
    en: (p) => `, ${p['count']} missed: ${p['buckets']}`,
  },
  'explain-cadence-not-yet-due': {
    zh: (p) => `；另有${p['count']}${cadenceWords(p).measure}截至${p['asOf']}尚未到期`,
    en: (p) => `; ${plural(p['count'], p['unit'])} not yet due as of ${p['asOf']}`,
  },

  // deadline
  'explain-deadline': {
    zh: (p) => `应完成${p['target']}项，按时${p['onTime']}项，逾期完成${p['late']}项`,
    en: (p) => `${p['target']} due, ${p['onTime']} on time, ${p['late']} late`,
  },
  'explain-deadline-worst-late': { zh: (p) => `（最长逾期${p['days']}天）`, en: (p) => ` (up to ${p['days']} days late)` },
  'explain-deadline-open': { zh: (p) => `，未完成${p['count']}项`, en: (p) => `, ${p['count']} still open` },
  'explain-deadline-open-weight': { zh: (p) => `（每项按${p['weight']}次不足计）`, en: (p) => ` (each counts as ${p['weight']} shortfalls)` },
  'explain-deadline-pending': {
    zh: (p) => `；另有${p['count']}项截至${p['asOf']}未到期`,
    en: (p) => `; ${p['count']} not yet due as of ${p['asOf']}`,
  },
  'explain-deadline-due-soon': { zh: (p) => `（其中${p['count']}项${p['days']}天内到期）`, en: (p) => ` (${p['count']} due within ${p['days']} days)` },
  'explain-deadline-unreported': {
    zh: (p) => `；应有${p['expected']}项，仅报送${p['reported']}项，未报送的按未完成计`,
    en: (p) => `; ${p['expected']} expected, ${p['reported']} reported, the rest count as open`,
  },
  'explain-deadline-without-due': {
    zh: (p) => `；${p['count']}条记录未注明完成期限，未计入`,
    en: (p) => `; ${p['count']} record(s) without a due date not counted`,
  },

  // ratio
  'explain-ratio': {
    // headcount 1: the figures count people on name lists (人次).
    zh: (p) => {
      const unit = p['headcount'] === 1 ? '人次' : '';
      return `比率 ${p['value']}（${p['numerator']}${unit}/${p['denominator']}${unit}），要求不低于${p['atLeast']}`;
    },
    en: (p) => `ratio ${p['value']} (${p['numerator']}/${p['denominator']}), required at least ${p['atLeast']}`,
  },
  'explain-ratio-zero-denominator': { zh: () => `；应计总数为0，比率按0计`, en: () => `; the denominator totals 0, so the ratio counts as 0` },
  'explain-ratio-capped': {
    zh: (p) => `；${p['count']}条记录的${p['numerator']}大于${p['denominator']}，按${p['denominator']}计`,
    en: (p) => `; ${p['count']} record(s) with ${p['numerator']} above ${p['denominator']} counted as ${p['denominator']}`,
  },
  'explain-ratio-outside': {
    zh: (p) => `；${p['count']}人次不在${p['denominator']}名单中，未计入`,
    en: (p) => `; ${p['count']} name(s) not on the ${p['denominator']} list not counted`,
  },
  'explain-ratio-unusable': {
    zh: (p) => `；${p['count']}条记录缺少${p['numerator']}或${p['denominator']}、或取值无效，未计入`,
    en: (p) => `; ${p['count']} record(s) lacking ${p['numerator']} or ${p['denominator']}, or with unusable values, not counted`,
  },

  // rating
  'explain-rating-none': { zh: (p) => `无有效评分（满分${p['scale']}）`, en: (p) => `no valid score (out of ${p['scale']})` },
  'explain-rating-trimmed': {
    zh: (p) => `${p['raters']}名评议人，去掉一个最高分和一个最低分后平均 ${p['mean']} 分（满分${p['scale']}）`,
    en: (p) => `${p['raters']} raters, mean ${p['mean']} after dropping the highest and the lowest (out of ${p['scale']})`,
  },
  'explain-rating-too-few-to-trim': {
    zh: (p) => `${p['raters']}名评议人，不足3人无法去掉最高分和最低分，按平均 ${p['mean']} 分计（满分${p['scale']}）`,
    en: (p) => `${p['raters']} rater(s), too few to drop the highest and the lowest, plain mean ${p['mean']} (out of ${p['scale']})`,
  },
  'explain-rating-mean': {
    zh: (p) => `${p['raters']}名评议人，平均 ${p['mean']} 分（满分${p['scale']}）`,
    en: (p) => `${p['raters']} rater(s), mean ${p['mean']} (out of ${p['scale']})`,
  },
  'explain-rating-few-raters': { zh: (p) => `；评议人少于要求的${p['required']}名`, en: (p) => `; fewer raters than the ${p['required']} required` },
  'explain-rating-duplicates': {
    zh: (p) => `；${p['count']}条重复评分（同一评议人）只取编号最小的一条`,
    en: (p) => `; ${p['count']} repeated score(s) by the same rater ignored (the smallest record id kept)`,
  },

  // manual
  'explain-manual-group': {
    zh: (p) => `${p['title']}评分 ${p['score']}（权重${p['weight']}）`,
    en: (p) => `${p['id']} ${p['score']} (weight ${p['weight']})`,
  },
  'explain-manual-group-missing': {
    zh: (p) => `${p['title']}未评分（权重${p['weight']}）`,
    en: (p) => `${p['id']}: no score (weight ${p['weight']})`,
  },
  'explain-manual-combined': { zh: (p) => `，综合 ${p['value']}`, en: (p) => `, combined ${p['value']}` },
  'explain-manual-no-valid': { zh: () => `（无有效评分）`, en: () => ` (no valid score)` },
  'explain-manual-reweighted': { zh: () => `（按已评分组重新折算权重）`, en: () => ` (weights rescaled over the groups that scored)` },
  'explain-manual-incomplete': {
    zh: (p) => `（评分不全：缺${p['missing']}，按0分计）`,
    en: (p) => ` (incomplete: no score from ${p['missing']}, counted as 0)`,
  },
  'explain-manual-unknown-group': {
    zh: (p) => `；${p['count']}条评分的评分组不在细则所列之中，未计入`,
    en: (p) => `; ${p['count']} score(s) from a group the rule does not list not counted`,
  },
} as const satisfies MessageSection;
