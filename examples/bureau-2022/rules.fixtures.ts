// Fixtures for rules.test.ts: a small bureau shaped like the example's, and the records that
// give an organization full marks, so that each test changes one thing and computes its
// points by hand. In your own project import from 'zerenzhi/testing' instead of the source.
//
//   bureau  局党委 (committee)   secretary wang 王建; deputy li 李华; team zhang 张敏, zhao 赵磊
//   ├── b1  第一党支部 (branch)   secretary sun 孙伟, officer zhou 周婷, members ma 马丽, hu 胡斌
//   ├── b2  第二党支部 (branch)   secretary xu 徐涛, officer gao 高燕, member zheng 郑浩
//   └── gb  中心党总支 (general)  secretary he 何强, officer lin 林娜
//       └── gb1 中心第一党支部    secretary ren 任杰, officer jiang 江涛, probationary member luo 罗军
//
//   oversight (一岗双责): li → b1, zhang → b2, zhao → gb        liaison (联系点): li → b1, zhang → b2, zhao → gb, wang → gb1
import { readFileSync } from 'node:fs';
import { graph, records, type GraphBuilder, type RecordsBuilder } from '../../src/testing/index.js';

/** The 2022 rule set, as written in rules.json. */
export const rules: object = JSON.parse(readFileSync(new URL('./rules.json', import.meta.url), 'utf8'));

/** The small bureau above. */
export function bureau(): GraphBuilder {
  return graph({ id: 'bureau-test' })
    .committee('bureau', '局党委', { secretary: 'wang', deputies: ['li'], team: ['zhang', 'zhao'] })
    .branch('b1', '第一党支部', { parent: 'bureau', secretary: 'sun', officer: 'zhou', members: ['ma', 'hu'] })
    .branch('b2', '第二党支部', { parent: 'bureau', secretary: 'xu', officer: 'gao', members: ['zheng'] })
    .generalBranch('gb', '中心党总支', { parent: 'bureau', secretary: 'he', officer: 'lin' })
    .branch('gb1', '中心第一党支部', { parent: 'gb', secretary: 'ren', officer: 'jiang', members: ['luo'] })
    .person('wang', '王建')
    .person('li', '李华')
    .person('zhang', '张敏')
    .person('zhao', '赵磊')
    .person('sun', '孙伟')
    .person('xu', '徐涛')
    .person('he', '何强')
    .person('ren', '任杰')
    .person('luo', { name: '罗军', probationary: true })
    .oversee('li', 'b1')
    .oversee('zhang', 'b2')
    .oversee('zhao', 'gb')
    .liaison('li', 'b1')
    .liaison('zhang', 'b2')
    .liaison('zhao', 'gb')
    .liaison('wang', 'gb1');
}

/** The year's records, starting empty. */
export const year = (): RecordsBuilder => records({ year: 2022 });

const minutes = { minutes: '会议记录.pdf' };

/**
 * Everything a branch or general branch needs for full marks (86 of 86: no rectification
 * task and no mobile members, so those two lines are excluded).
 */
export function perfectBranch(org: string, except: { readonly skip?: readonly string[] } = {}): RecordsBuilder {
  const skip = new Set(except.skip ?? []);
  let r = year();
  if (!skip.has('work-plan')) r = r.on('2022-03-15', 'work-plan', { organization: org });
  if (!skip.has('branch-committee-meeting')) r = r.monthly('branch-committee-meeting', { organization: org });
  if (!skip.has('member-assembly')) r = r.quarterly('member-assembly', { organization: org, attributes: { attendees: 10, expected: 10 } });
  if (!skip.has('party-class')) r = r.quarterly('party-class', { organization: org });
  if (!skip.has('theme-day')) r = r.monthly('theme-day', { organization: org, attributes: minutes });
  if (!skip.has('july-theme-day')) r = r.on('2022-07-01', 'theme-day', { organization: org, attributes: { ...minutes, theme: '走好第一方阵' } });
  if (!skip.has('history-study')) r = r.quarterly('history-study', { organization: org });
  if (!skip.has('publicity-campaign')) r = r.on('2022-04-20', 'publicity-campaign', { organization: org }).on('2022-08-20', 'publicity-campaign', { organization: org }).on('2022-10-10', 'publicity-campaign', { organization: org });
  if (!skip.has('review')) r = r.manual('br-review', { organization: org, scores: { department: 100, inspection: 100 } });
  return r;
}

/**
 * Everything the committee needs for full marks on its own lines (32 of 32 besides the 60 of
 * cm-supervision, which reads the organizations below; no rectification task).
 */
export function perfectCommittee(except: { readonly skip?: readonly string[] } = {}): RecordsBuilder {
  const skip = new Set(except.skip ?? []);
  let r = year();
  if (!skip.has('topic-meeting')) for (const date of ['2022-02-15', '2022-05-16', '2022-08-15', '2022-11-15']) r = r.on(date, 'topic-meeting', { organization: 'bureau', attributes: minutes });
  if (!skip.has('work-points')) r = r.on('2022-03-20', 'work-points-issued', { organization: 'bureau' });
  if (!skip.has('delegate-election')) r = r.on('2022-06-20', 'delegate-election', { organization: 'bureau' });
  if (!skip.has('center-group-study')) r = r.monthly('center-group-study', { organization: 'bureau' });
  if (!skip.has('review')) r = r.manual('cm-review', { organization: 'bureau', scores: { department: 100, inspection: 100 } });
  return r;
}

/** Full marks for the whole bureau: the committee and all four organizations below it. */
export function perfectBureau(): RecordsBuilder {
  return year().add(perfectCommittee(), perfectBranch('b1'), perfectBranch('b2'), perfectBranch('gb'), perfectBranch('gb1'));
}

/** A person's appraisal with five raters (trimmed mean of the middle three). */
export function appraisal(person: string, scores: readonly number[] = [100, 100, 100, 100, 100]): RecordsBuilder {
  return year().ratings('appraisal', { person, scores });
}

/** A lecture inside the July window (6-15 to 7-31). */
export function julyLecture(person: string, date = '2022-07-01'): RecordsBuilder {
  return year().on(date, 'party-lecture', { person });
}

/** A liaison visit in each quarter, less `except`. */
export function visits(person: string, except: readonly number[] = []): RecordsBuilder {
  return year().quarterly('liaison-visit', { person, except });
}
