// The JSON Schema of a partial state, written by hand for the systems that carry partial states
// between machines (a batch or stream engine, a queue) and may check them in another language.
// It says what each field holds; `absorb` checks more than a schema can (records counted that
// were seen, days one for each record seen, a measure state's records counted, scores within
// the scale, records named that the versions list, kept records matching their digests), and a
// test checks that the schema never refuses what `absorb` accepts.
import { CALENDAR_DAYS } from '../core/calendar.js';
import { recordJsonSchema } from '../model/json-schema.js';
import { EFFECT_COUNTERS, KEYED_EFFECT_COUNTERS } from './versions.js';

const str = { type: 'string' } as const;
const count = { type: 'integer', minimum: 0 } as const;
// Each record at most once in a list of a line (absorb refuses a repeat).
const ids = (description: string): object => ({ type: 'array', items: str, uniqueItems: true, description });
const ref = (name: string): { $ref: string } => ({ $ref: `#/$defs/${name}` });

/**
 * An object with these properties, `optional` ones allowed to be missing, and no others unless
 * `open` (what `absorb` takes with more keys than it reads).
 */
function object(properties: Record<string, object>, optional: readonly string[] = [], open = false): object {
  return { type: 'object', properties, required: Object.keys(properties).filter((key) => !optional.includes(key)), ...(open ? {} : { additionalProperties: false }) };
}

/** A JSON array of exactly these items, in order. */
const tuple = (items: readonly object[], description?: string): object => ({
  type: 'array',
  prefixItems: items,
  items: false,
  minItems: items.length,
  ...(description === undefined ? {} : { description }),
});

const subjectType = { enum: ['o', 'p'], description: 'o 组织 / organization，p 个人 / person' } as const;

const { title: _title, $schema: _schema, ...record } = recordJsonSchema();

const DEFS = {
  Digest: {
    type: 'string',
    // The last character's two padding bits zero: one spelling for each digest (absorb refuses another).
    pattern: '^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$',
    description: '记录规范文本的 SHA-256（规范的 base64）/ the SHA-256 of the record\'s canonical text, in canonical base64',
  },
  Effect: {
    description: '该版本对证据统计的影响；带 key 的计数写明记录类型或找不到的对象 / what the version did to the evidence statistics; keyed counters name the record type or the subject not found',
    anyOf: [
      object({ counter: { enum: [null, ...EFFECT_COUNTERS.filter((c) => !KEYED_EFFECT_COUNTERS.has(c))] } }),
      object({ counter: { enum: EFFECT_COUNTERS.filter((c) => KEYED_EFFECT_COUNTERS.has(c)) }, key: str }),
    ],
  },
  Version: tuple(
    [{ type: 'string', minLength: 1, description: '记录编号 / record id' }, { type: 'array', items: ref('Digest'), minItems: 1, description: '两个以上即冲突 / two or more: a conflict' }, ref('Effect')],
    '一个记录编号的版本 / the versions of one record id',
  ),
  Encoded: {
    description: '计量状态：Map、Set、对象写成条目列表，键不会被赋到对象上 / a measure state: Maps, Sets and objects as entry lists, so that no key is ever assigned onto an object',
    anyOf: [
      { type: 'null' },
      { type: 'boolean' },
      { type: 'number' },
      { type: 'string' },
      { type: 'array', items: ref('Encoded') },
      object({ $m: { type: 'array', items: tuple([ref('Encoded'), ref('Encoded')]) } }),
      object({ $s: { type: 'array', items: ref('Encoded') } }),
      object({ $o: { type: 'array', items: tuple([str, ref('Encoded')]) } }),
    ],
  },
  Scores: { type: 'array', items: tuple([str, { type: 'number' }]), description: '按记录编号 / by record id' },
  LineState: object({
    m: ref('Encoded'),
    c: ids('计入的记录，按编号排序 / records counted, in id order'),
    s: ids('上报的记录（计量类型的全部记录），按编号排序 / records seen (all of the measure\'s types), in id order'),
    d: {
      type: 'array',
      // the days of the dates a record can carry, 1900-01-01 to 2999-12-31
      items: { type: 'integer', minimum: CALENDAR_DAYS.first, maximum: CALENDAR_DAYS.last },
      description: '上报记录的日期编号（1970-01-01 起的天数，1900–2999 年），与 s 一一对应 / the day numbers of the records seen (days since 1970-01-01, years 1900–2999), one for each in s',
    },
    p: ids('待审核 / pending'),
    r: ids('退回 / rejected'),
    u: ids('缺佐证 / unsupported (missing supporting material)'),
    b: { type: 'array', items: tuple([str, { type: 'number', exclusiveMinimum: 0 }]), description: '加分，按记录编号，均大于 0 / bonus points by record id, each above 0' },
    v: ids('触发否决 / firing the veto'),
  }),
  Line: tuple([subjectType, { type: 'string', description: '对象编号 / subject id' }, { type: 'string', description: '指标编号 / indicator id' }, ref('LineState')], '一个考核对象的一项指标 / one subject\'s line for one indicator'),
  Business: tuple([subjectType, { type: 'string', description: '对象编号 / subject id' }, ref('Scores')], '业务考核得分 / business scores'),
  // A problem as the shard reported it; `absorb` keeps any other keys it has as they are.
  Issue: object(
    {
      code: str,
      path: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
      params: { type: 'object' },
      message: str,
      file: str,
      line: { type: 'integer' },
    },
    ['file', 'line'],
    true,
  ),
  Record: record,
};

const SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'zerenzhi partial state',
  description:
    '一个分片的部分状态（session.snapshot() 的输出）；同一考核的部分状态可按任意顺序合并，结果与一次评估逐字节相同 / one shard\'s partial state (session.snapshot()); partial states of one assessment merge in any order to one pass\'s result, byte for byte',
  ...object({
    format: { const: 'zerenzhi-partial/2' },
    engine: { type: 'string', description: '写出它的引擎版本 / the engine version that wrote it' },
    basis: { type: 'string', description: '组织关系图、细则、asOf 与引擎版本的指纹：不同的拒绝合并 / fingerprint of graph, rule set, asOf and engine: a different one is refused' },
    occurrences: { ...count, description: '读到的有效记录条数，含逐字重复 / valid records read, verbatim repeats included' },
    versions: { type: 'array', items: ref('Version') },
    lines: { type: 'array', items: ref('Line') },
    business: { type: 'array', items: ref('Business') },
    retained: { type: 'array', items: ref('Record'), description: '问责规则需要的原始记录 / the records the accountability rules read' },
    issues: { type: 'array', items: ref('Issue'), description: '分片发现的数据问题（前若干个）/ the data problems the shard found (the first ones)' },
    issueCount: count,
    skipped: count,
    overLimit: count,
  }),
  $defs: DEFS,
};

/**
 * The JSON Schema (draft 2020-12) of a partial state (`session.snapshot()`, format
 * `zerenzhi-partial/2`), for systems that carry partial states between machines and check them,
 * in any language. `absorb` checks more than the schema can say (what docs/scale.md lists); the
 * schema never refuses what `absorb` accepts.
 *
 * @example
 * fs.writeFileSync('partial.schema.json', JSON.stringify(partialStateJsonSchema(), null, 2));
 */
export function partialStateJsonSchema(): Record<string, unknown> {
  return structuredClone(SCHEMA) as Record<string, unknown>;
}
