import type { MessageSection } from './types.js';

/**
 * Messages of the engine's explanations, part 1: separators, clauses several measures share,
 * the scoring methods and the assembly of an indicator line.
 */
export const explainMessages = {
  // Joining fragments: only the punctuation differs by language.
  'explain-separator-list': { zh: () => `、`, en: () => `, ` },
  'explain-separator-comma': { zh: () => `，`, en: () => `, ` },
  'explain-separator-clause': { zh: () => `；`, en: () => `; ` },

  // Kinds of subject, as a measure names what it applies to.
  'explain-kind-organizations': { zh: () => `党组织`, en: () => `organizations` },
  'explain-kind-people': { zh: () => `个人`, en: () => `people` },

  // Clauses shared by several measures.
  'explain-times-short': { zh: (p) => `，缺${p['count']}次`, en: (p) => `, ${p['count']} short` },
  'explain-at-least': { zh: (p) => `，要求不低于${p['atLeast']}`, en: (p) => `, required at least ${p['atLeast']}` },
  'explain-at-least-points': { zh: (p) => `，要求不低于${p['atLeast']}分`, en: (p) => `, required at least ${p['atLeast']}` },
  'explain-not-reached': { zh: () => `，未达到`, en: () => `, not reached` },
  'explain-scores-invalid': {
    zh: (p) => `；${p['count']}条评分非数字或超出0–${p['scale']}，未计入`,
    en: (p) => `; ${p['count']} score(s) not a number or outside 0–${p['scale']} not counted`,
  },

  // Scoring methods.
  'explain-score-met': { zh: (p) => `达标，得${p['points']}分`, en: (p) => `met, ${p['points']} points` },
  'explain-score-not-met': { zh: () => `未达标，得0分`, en: () => `not met, 0 points` },
  'explain-score-points': { zh: (p) => `，得${p['points']}分`, en: (p) => `, ${p['points']} points` },
  'explain-score-proportional': {
    zh: (p) => `按完成比例 ${p['ratio']} 计，得${p['points']}分`,
    en: (p) => `${p['ratio']} achieved, ${p['points']} points`,
  },
  'explain-score-nothing-missed': { zh: (p) => `无缺项，得${p['points']}分`, en: (p) => `nothing missed, ${p['points']} points` },
  'explain-deduct-each': { zh: (p) => `缺${p['count']}次，每次扣${p['each']}分`, en: (p) => `${p['count']} short, ${p['each']} off each` },
  'explain-deduct-cap': { zh: (p) => `，最多扣${p['cap']}分`, en: (p) => `, at most ${p['cap']} off` },
  'explain-deduct-floored': {
    zh: (p) => `，应扣${p['due']}分，扣完为止，扣${p['taken']}分`,
    en: (p) => `, ${p['due']} due but no line goes below zero, ${p['taken']} off`,
  },
  'explain-deduct-taken': { zh: (p) => `，扣${p['taken']}分`, en: (p) => `, ${p['taken']} off` },
  'explain-steps-ratio': { zh: (p) => `完成比例 ${p['ratio']}`, en: (p) => `${p['ratio']} achieved` },
  'explain-steps-value': { zh: (p) => `实测值 ${p['value']}`, en: (p) => `measured ${p['value']}` },
  'explain-steps-below': {
    zh: (p) => `${p['measured']}，未达到最低档（${p['floor']}），得0分`,
    en: (p) => `${p['measured']}, below the lowest step (${p['floor']}), 0 points`,
  },
  'explain-steps-band': { zh: (p) => `${p['measured']}，对应${p['band']}分档`, en: (p) => `${p['measured']}, ${p['band']}-point step` },
  'explain-steps-limited': { zh: (p) => `（以本项满分${p['max']}分为限）`, en: (p) => ` (limited to the line's ${p['max']})` },

  // An indicator line: notes on the evidence, insufficient evidence, bonus and veto.
  'explain-line': { zh: (p) => `${p['title']}：${p['parts']}`, en: (p) => `${p['title']}: ${p['parts']}` },
  'explain-line-pending': { zh: (p) => `另有${p['count']}条待审核记录未计入`, en: (p) => `${p['count']} pending record(s) not counted` },
  'explain-line-rejected': { zh: (p) => `${p['count']}条已退回记录未计入`, en: (p) => `${p['count']} rejected record(s) not counted` },
  'explain-line-unsupported': {
    zh: (p) => `${p['count']}条记录缺少佐证材料（${p['attributes']}）未计入`,
    en: (p) => `${p['count']} record(s) lacking supporting material (${p['attributes']}) not counted`,
  },
  'explain-line-excluded': {
    zh: () => `无任何上报记录且数据源未声明完整，本项不计分（不计入满分）`,
    en: () => `nothing reported and the source is not declared complete: line excluded from the total`,
  },
  'explain-line-zero': {
    zh: () => `无任何上报记录且数据源未声明完整，按规则记0分`,
    en: () => `nothing reported and the source is not declared complete: 0 points by rule`,
  },
  'explain-line-not-done': {
    zh: () => `无任何上报记录且数据源未声明完整，按规则视为未完成`,
    en: () => `nothing reported and the source is not declared complete: counted as not done by rule`,
  },
  'explain-line-bonus': { zh: (p) => `加${p['bonus']}分`, en: (p) => `bonus ${p['bonus']}` },
  'explain-line-bonus-cap': { zh: (p) => `（封顶${p['cap']}分）`, en: (p) => ` (capped at ${p['cap']})` },
  'explain-line-no-bonus': { zh: () => `无加分记录`, en: () => `no bonus records` },
  'explain-line-veto': { zh: (p) => `触发一票否决（记录 ${p['records']}）`, en: (p) => `veto fired (records ${p['records']})` },
  'explain-line-veto-organization': {
    zh: (p) => `所在党组织（${p['organizations']}）的记录触发一票否决（记录 ${p['records']}）`,
    en: (p) => `veto fired by records of their organization, ${p['organizations']} (records ${p['records']})`,
  },
  'explain-line-veto-subtree': {
    zh: (p) => `所在党组织（${p['organizations']}）或其下级党组织的记录触发一票否决（记录 ${p['records']}）`,
    en: (p) => `veto fired by records of their organization, ${p['organizations']}, or one below it (records ${p['records']})`,
  },
  'explain-line-no-veto': { zh: () => `未触发一票否决`, en: () => `veto not fired` },
} as const satisfies MessageSection;
