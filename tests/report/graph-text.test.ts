import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../src/index.js';
import { formatDutiesText } from '../../src/report/graph-text.js';
import { bureauGraph } from './helpers.js';

describe('formatDutiesText', () => {
  it('lists the posts, then every duty with its capacity (hand-checked on the bureau)', () => {
    expect(formatDutiesText(bureauGraph, 'p-li-hua').split('\n')).toEqual([
      '李华 (p-li-hua)',
      '  职务：机关第一党支部（办公室、财务科）党员；市某某局党委副书记',
      '  [主体责任] 市某某局党委 (bureau)',
      '  [一级抓一级] 机关第二党支部（业务一科、业务二科） (br-business)（作为市某某局党委副书记）',
      '  [一级抓一级] 机关第一党支部（办公室、财务科） (br-office)（作为市某某局党委副书记）',
      '  [一级抓一级] 机关第三党支部（规划科、法规科） (br-planning)（作为市某某局党委副书记）',
      '  [一级抓一级] 离退休干部党支部 (br-retired)（作为市某某局党委副书记）',
      '  [一级抓一级] 市某某事业发展中心党总支 (gb-center)（作为市某某局党委副书记）',
      '  [一岗双责] 市某某事业发展中心党总支 (gb-center)（分管：事业发展中心）',
      '  [包抓包联] 事业发展中心第二党支部 (br-center-2)（联系点）',
    ]);
  });

  it('in English; a secretary first answers for their own organization', () => {
    const lines = formatDutiesText(bureauGraph, 'p-sun-wei', 'en').split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '孙伟 (p-sun-wei)',
      '  posts: secretary, 机关第一党支部（办公室、财务科）',
      '  [first responsibility] 机关第一党支部（办公室、财务科） (br-office)',
      '  [principal responsibility] 机关第一党支部（办公室、财务科） (br-office)',
    ]);
  });

  it('a person without posts answers for nothing', () => {
    const graph = parseGraph({
      organizations: [{ id: 'c', name: '党委', kind: 'committee' }],
      people: [
        { id: 's', name: '书记甲', partyMember: true },
        { id: 'x', name: '群众乙', partyMember: false },
      ],
      posts: [{ person: 's', organization: 'c', role: 'secretary' }],
    });
    expect(formatDutiesText(graph, 'x')).toBe('群众乙 (x)\n  职务：无');
    expect(formatDutiesText(graph, 'x', 'en')).toBe('群众乙 (x)\n  posts: none');
  });
});
