import type { EvidenceRecord } from '../model/record.js';

/** The records kept for the accountability rules, indexed once so no rule scans them all per subject. */
export interface RetainedIndex {
  readonly all: readonly EvidenceRecord[];
  readonly byId: ReadonlyMap<string, EvidenceRecord>;
  readonly byOrganization: (id: string) => readonly EvidenceRecord[];
  readonly byPerson: (id: string) => readonly EvidenceRecord[];
}

/**
 * Indexes retained records by id, by organization and by person (in the order given).
 *
 * @example
 * const index = indexRetained(run.retained);
 * index.byOrganization('br-center-1').length;
 */
export function indexRetained(records: readonly EvidenceRecord[]): RetainedIndex {
  const byId = new Map<string, EvidenceRecord>();
  const byOrganization = new Map<string, EvidenceRecord[]>();
  const byPerson = new Map<string, EvidenceRecord[]>();
  const push = (map: Map<string, EvidenceRecord[]>, key: string, record: EvidenceRecord): void => {
    const list = map.get(key);
    if (list) list.push(record);
    else map.set(key, [record]);
  };
  for (const record of records) {
    byId.set(record.id, record);
    if (record.organization !== undefined) push(byOrganization, record.organization, record);
    if (record.person !== undefined) push(byPerson, record.person, record);
  }
  return {
    all: records,
    byId,
    byOrganization: (id) => byOrganization.get(id) ?? [],
    byPerson: (id) => byPerson.get(id) ?? [],
  };
}
