import type { Graph } from '../graph/types.js';
import type { Grade, Ladder, Quota } from '../model/rules.js';
import type { SubjectDraft } from './evaluate-subjects.js';
import { appliesToOrganization, matchingPostOrganizations, type Applicability, type Plan } from './plan.js';
import type { GradeAward } from './result.js';

/**
 * How many of `size` may hold a grade under a share: floor(size × share). A fraction such as
 * "1/3" is computed in integers, so one third of 6 is exactly 2.
 *
 * @example
 * allowedByShare('1/3', 6); // 2
 * allowedByShare(0.2, 7); // 1
 */
export function allowedByShare(share: number | string, size: number): number {
  if (typeof share === 'string') {
    const [num, den] = share.split('/').map(Number) as [number, number];
    return Math.floor((size * num) / den);
  }
  // The epsilon keeps 0.3 × 10 (2.9999999999999996 in binary) at 3.
  return Math.floor(share * size + 1e-9);
}

/** Grades highest first, whatever order the rule file lists them in. */
export function gradesHighestFirst(ladder: Ladder): Grade[] {
  return [...ladder.grades].sort((a, b) => b.min - a.min);
}

function subjectMatches(applies: Applicability, graph: Graph, subject: SubjectDraft): boolean {
  return subject.type === 'organization'
    ? appliesToOrganization(applies, graph, subject.id)
    : applies.subject === 'person' && matchingPostOrganizations(applies, graph, subject.id).length > 0;
}

/**
 * Whether a subject had nothing at stake: its maximum is 0 (every line that applies to it excluded
 * for lack of evidence or worth 0 points, or no indicator applies) and no veto fired. A score of 0
 * out of 0 says nothing of its work: such a subject gets no grade and takes no part in quotas, as
 * a subject without evidence gets no verdict. A fired veto is a known fact and still grades.
 *
 * @example
 * nothingAtStake({ max: 0, vetoes: [] }); // true
 * nothingAtStake({ max: 0, vetoes: [{ indicator: 'veto', recordIds: ['k1'] }] }); // false
 */
export function nothingAtStake(subject: Pick<SubjectDraft, 'max' | 'vetoes'>): boolean {
  return subject.max === 0 && subject.vetoes.length === 0;
}

/**
 * Whether a ladder would grade a subject: one applies to it, and it does not leave out the
 * probationary member it is. Whatever its score.
 *
 * @example
 * const covered = drafts.filter((d) => onLadder(plan, d));
 */
export function onLadder(plan: Plan, subject: SubjectDraft): boolean {
  const match = firstLadder(plan, subject);
  return match !== undefined && !leftOut(plan, match.ladder, subject);
}

function firstLadder(plan: Plan, subject: SubjectDraft): Plan['ladders'][number] | undefined {
  return plan.ladders.find((l) => subjectMatches(l.applies, plan.graph, subject));
}

// A probationary member on a ladder that leaves them out.
function leftOut(plan: Plan, ladder: Ladder, subject: SubjectDraft): boolean {
  return ladder.excludeProbationary === true && subject.type === 'person' && plan.graph.people.get(subject.id)?.probationary === true;
}

function gradeOn(plan: Plan, subject: SubjectDraft): number {
  if (plan.rules.composite?.gradeOn === 'composite' && subject.composite?.value != null) return subject.composite.value;
  return subject.total;
}

function byThreshold(grades: readonly Grade[], value: number): Grade | undefined {
  return grades.find((grade) => value >= grade.min && (grade.max === undefined || value < grade.max || grade === grades[0]));
}

function peerKey(plan: Plan, quota: Quota, subject: SubjectDraft, applies: Applicability): string {
  const peer = quota.peerGroup ?? 'all';
  if (peer === 'all') return '';
  if (subject.type === 'organization') {
    const org = plan.graph.organizations.get(subject.id);
    return peer === 'kind' ? (org?.kind ?? '') : (org?.parent ?? '');
  }
  const first = matchingPostOrganizations(applies, plan.graph, subject.id)[0] ?? '';
  if (peer === 'parent') return first;
  const role = (plan.graph.index.postsByPerson.get(subject.id) ?? []).find((p) => p.organization === first && (applies.roles?.has(p.role) ?? true))?.role;
  return role ?? '';
}

/**
 * Grades every subject on the first ladder that applies to it: by thresholds, the lowest grade on
 * a veto, none for probationary members where the ladder says so and none where nothing was at
 * stake ({@link nothingAtStake}); then applies quotas among the graded, top grade first, keeping
 * within each peer group the best totals (ties: the smaller id) and moving the rest one grade
 * down. Keyed by the subject itself: an organization and a person may share an id.
 */
export function gradeSubjects(plan: Plan, subjects: readonly SubjectDraft[], lang: 'zh' | 'en'): Map<SubjectDraft, GradeAward | null> {
  const awards = new Map<SubjectDraft, GradeAward | null>();
  const ladderOf = new Map<SubjectDraft, { ladder: Ladder; applies: Applicability; grades: Grade[] }>();
  for (const subject of subjects) {
    const match = firstLadder(plan, subject);
    if (!match) {
      awards.set(subject, null);
      continue;
    }
    const grades = gradesHighestFirst(match.ladder);
    ladderOf.set(subject, { ...match, grades });
    if (leftOut(plan, match.ladder, subject)) {
      awards.set(subject, null);
      continue;
    }
    const title = (g: Grade): string => (lang === 'en' && g.titleEn !== undefined ? g.titleEn : g.title);
    const lowest = grades[grades.length - 1] as Grade;
    if (subject.vetoes.length > 0) {
      awards.set(subject, { ladder: match.ladder.id, id: lowest.id, title: title(lowest), reason: 'veto', rank: grades.length, grades: grades.length });
      continue;
    }
    if (nothingAtStake(subject)) {
      awards.set(subject, null);
      continue;
    }
    const grade = byThreshold(grades, gradeOn(plan, subject));
    awards.set(subject, grade ? { ladder: match.ladder.id, id: grade.id, title: title(grade), reason: 'score', rank: grades.indexOf(grade) + 1, grades: grades.length } : null);
  }
  const quotasByLadder = new Map<string, Quota[]>();
  for (const quota of plan.rules.quotas ?? []) {
    const list = quotasByLadder.get(quota.ladder) ?? [];
    list.push(quota);
    quotasByLadder.set(quota.ladder, list);
  }
  for (const { ladder, applies } of plan.ladders) {
    const grades = gradesHighestFirst(ladder);
    const quotas = (quotasByLadder.get(ladder.id) ?? []).sort(
      (a, b) => grades.findIndex((g) => g.id === a.grade) - grades.findIndex((g) => g.id === b.grade),
    );
    const graded = subjects.filter((s) => ladderOf.get(s)?.ladder.id === ladder.id && awards.get(s) != null);
    for (const quota of quotas) {
      const gradeIndex = grades.findIndex((g) => g.id === quota.grade);
      const next = grades[gradeIndex + 1];
      if (!next) continue;
      const groups = new Map<string, SubjectDraft[]>();
      for (const subject of graded) {
        const key = peerKey(plan, quota, subject, applies);
        const list = groups.get(key) ?? [];
        list.push(subject);
        groups.set(key, list);
      }
      for (const members of groups.values()) {
        const byShare = quota.maxShare === undefined ? Number.POSITIVE_INFINITY : allowedByShare(quota.maxShare, members.length);
        const allowed = Math.min(byShare, quota.maxCount ?? Number.POSITIVE_INFINITY);
        const holders = members
          .filter((s) => awards.get(s)?.id === quota.grade)
          .sort((a, b) => gradeOn(plan, b) - gradeOn(plan, a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        for (const subject of holders.slice(allowed)) {
          const earned = awards.get(subject) as GradeAward;
          awards.set(subject, {
            ladder: ladder.id,
            id: next.id,
            title: lang === 'en' && next.titleEn !== undefined ? next.titleEn : next.title,
            reason: 'quota',
            rank: gradeIndex + 2,
            grades: grades.length,
            earned: earned.reason === 'quota' ? (earned.earned as string) : earned.id,
          });
        }
      }
    }
  }
  return awards;
}
