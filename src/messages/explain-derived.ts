import type { MessageSection } from './types.js';

/** Messages of the engine's explanations, part 3: what the derived measures (structure, roll-up) found. */
export const explainDerivedMessages = {
  // structure: the facts, as named when a fact does not apply to a subject.
  'explain-fact-secretary-in-post': { zh: () => `书记在岗`, en: () => `secretary in post` },
  'explain-fact-officer-staffed': { zh: () => `配备党务工作者`, en: () => `party-affairs officer staffed` },
  'explain-fact-liaison-present': { zh: () => `有联系点领导`, en: () => `liaison leader assigned` },
  'explain-fact-overseen': { zh: () => `纳入分管范围`, en: () => `inside an oversight area` },
  'explain-fact-team-size': { zh: () => `领导班子人数`, en: () => `leadership team size` },
  'explain-fact-has-oversight-area': { zh: () => `有分管领域`, en: () => `oversees an area` },
  'explain-fact-has-liaison-point': { zh: () => `有联系点`, en: () => `keeps a contact point` },
  'explain-structure-only-for': {
    zh: (p) => `“${p['fact']}”仅适用于${p['kind']}，不适用于本对象`,
    en: (p) => `“${p['fact']}” applies to ${p['kind']} only, not to this subject`,
  },

  // structure: what was found.
  'explain-structure-no-secretary': { zh: () => `未配备书记`, en: () => `no secretary in post` },
  'explain-structure-secretary': { zh: (p) => `书记在岗：${p['name']}`, en: (p) => `secretary in post: ${p['name']}` },
  'explain-structure-no-officer': { zh: () => `未配备党务工作者`, en: () => `no party-affairs officer` },
  'explain-structure-officers': { zh: (p) => `党务工作者：${p['names']}`, en: (p) => `party-affairs officer(s): ${p['names']}` },
  'explain-structure-officer-posts': { zh: (p) => `${p['name']}（兼任${p['posts']}个组织）`, en: (p) => `${p['name']} (officer in ${p['posts']} organizations)` },
  'explain-structure-officers-spread': {
    zh: (p) => `党务工作者${p['officers']}兼职过多（上限${p['limit']}个），属应付配备，视为未配齐`,
    en: (p) => `party-affairs officer ${p['officers']} spread over more than ${p['limit']}: staffed for show, not counted`,
  },
  'explain-structure-officers-not-members': {
    zh: (p) => `党务工作者${p['names']}不是党员，视为未配备`,
    en: (p) => `party-affairs officer(s) ${p['names']} not party members, so not staffed`,
  },
  'explain-structure-no-liaison': { zh: () => `未确定联系点领导`, en: () => `no liaison leader` },
  'explain-structure-liaisons': { zh: (p) => `联系点领导：${p['names']}`, en: (p) => `liaison leader(s): ${p['names']}` },
  'explain-structure-not-overseen': { zh: () => `不在任何班子成员的分管范围内`, en: () => `inside no team member’s oversight area` },
  'explain-structure-overseen': { zh: (p) => `由${p['by']}分管`, en: (p) => `overseen by ${p['by']}` },
  'explain-structure-overseen-above': {
    zh: (p) => `随上级组织${p['organization']}由${p['by']}分管`,
    en: (p) => `overseen by ${p['by']} through ${p['organization']}`,
  },
  'explain-structure-team-size': {
    zh: (p) => `领导班子${p['size']}人，要求不少于${p['atLeast']}人`,
    en: (p) => `leadership team of ${p['size']}, at least ${p['atLeast']} required`,
  },
  'explain-structure-no-area': { zh: () => `无分管领域`, en: () => `oversees no area` },
  'explain-structure-areas': { zh: (p) => `分管：${p['names']}`, en: (p) => `oversees ${p['names']}` },
  'explain-structure-no-contact-point': { zh: () => `无联系点`, en: () => `no contact point` },
  'explain-structure-contact-points': { zh: (p) => `联系点：${p['names']}`, en: (p) => `contact point(s): ${p['names']}` },

  // roll-up: the sources and what they gave.
  'explain-source-children': { zh: () => `下级组织`, en: () => `organizations directly below` },
  'explain-source-subtree': { zh: () => `所属各级组织`, en: () => `organizations below` },
  'explain-source-oversight': { zh: () => `分管领域组织`, en: () => `organizations overseen` },
  'explain-source-liaison': { zh: () => `联系点`, en: () => `contact points` },
  'explain-source-led-organizations': { zh: () => `任职班子所在组织`, en: () => `organizations led` },
  'explain-source-self': { zh: () => `本级`, en: () => `own result` },
  'explain-rollup-rate-total': { zh: () => `得分率`, en: () => `score rate` },
  'explain-rollup-rate-indicators': { zh: () => `相关指标得分率`, en: () => `score rate on the named indicators` },
  'explain-rollup-not-applicable': {
    zh: (p) => `${p['source']}不适用于${p['kind']}（权重${p['weight']}）`,
    en: (p) => `${p['source']}: does not apply to this subject (weight ${p['weight']})`,
  },
  'explain-rollup-no-result': { zh: (p) => `${p['source']}无考核结果（权重${p['weight']}）`, en: (p) => `${p['source']}: no result (weight ${p['weight']})` },
  'explain-rollup-self': {
    zh: (p) => `本级${p['rate']} ${p['share']}（权重${p['weight']}）`,
    en: (p) => `own ${p['rate']} ${p['share']} (weight ${p['weight']})`,
  },
  'explain-rollup-source': {
    zh: (p) => `${p['source']}（${p['organizations']}个）平均${p['rate']} ${p['share']}（权重${p['weight']}）`,
    en: (p) => `${p['source']} (${p['organizations']}) mean ${p['rate']} ${p['share']} (weight ${p['weight']})`,
  },
  'explain-rollup-nothing': { zh: () => `；无可汇总的考核结果`, en: () => `; nothing to roll up` },
  'explain-rollup-combined': { zh: (p) => `；综合 ${p['value']}`, en: (p) => `; combined ${p['value']}` },
  'explain-rollup-reweighted': { zh: () => `（按有结果的来源折算权重）`, en: () => ` (weights rescaled over the sources with a result)` },
} as const satisfies MessageSection;
