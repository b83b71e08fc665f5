import type { Issue } from '../core/issue.js';
import { makeIssue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { formatPath } from '../core/path.js';
import { DEFAULT_ORGANIZATION_FORMS, DEFAULT_PERSON_FORMS } from '../model/accountability.js';
import type { RuleSet } from '../model/rules.js';

/**
 * Cross-checks of a rule set's accountability section: rule ids unique; the indicators, ladders
 * and rules that triggers name exist (a deadline trigger on a deadline measure, a repeat on another
 * rule); every form named exists on its ladder.
 */
export function checkAccountability(rules: RuleSet, lang: Lang): Issue[] {
  const section = rules.accountability;
  if (!section) return [];
  const issues: Issue[] = [];
  const add = (code: string, path: (string | number)[], params: Record<string, string | number>): void => {
    issues.push(makeIssue(code, ['accountability', ...path], params, lang));
  };
  const orgForms = new Set((section.forms?.organization ?? DEFAULT_ORGANIZATION_FORMS).map((f) => f.id));
  const personForms = new Set((section.forms?.person ?? DEFAULT_PERSON_FORMS).map((f) => f.id));
  const checkForm = (choice: { organization?: string | undefined; person?: string | undefined } | undefined, path: (string | number)[]): void => {
    if (choice?.organization !== undefined && !orgForms.has(choice.organization)) add('unknown-form', [...path, 'organization'], { id: choice.organization, ladder: 'organization' });
    if (choice?.person !== undefined && !personForms.has(choice.person)) add('unknown-form', [...path, 'person'], { id: choice.person, ladder: 'person' });
  };
  const indicators = new Map(rules.indicators.map((i) => [i.id, i]));
  const ladders = new Set((rules.ladders ?? []).map((l) => l.id));
  const ruleAt = new Map<string, number>();
  section.rules.forEach((rule, i) => {
    const first = ruleAt.get(rule.id);
    if (first !== undefined) add('duplicate-rule-id', ['rules', i, 'id'], { id: rule.id, what: lang === 'zh' ? '问责规则' : 'accountability rule', first: formatPath(['accountability', 'rules', first], lang) });
    else ruleAt.set(rule.id, i);
  });
  section.rules.forEach((rule, i) => {
    const t = rule.trigger;
    if ((t.type === 'shortfall' || t.type === 'deadline-open') && t.indicator !== undefined) {
      const indicator = indicators.get(t.indicator);
      if (!indicator) add('unknown-indicator', ['rules', i, 'trigger', 'indicator'], { id: t.indicator });
      else if (t.type === 'deadline-open' && indicator.measure?.type !== 'deadline') add('trigger-not-deadline', ['rules', i, 'trigger', 'indicator'], { id: t.indicator });
    }
    if (t.type === 'lowest-grade' && t.ladder !== undefined && !ladders.has(t.ladder)) add('unknown-ladder', ['rules', i, 'trigger', 'ladder'], { id: t.ladder });
    if (t.type === 'repeat' && (!ruleAt.has(t.rule) || t.rule === rule.id)) add('unknown-rule', ['rules', i, 'trigger', 'rule'], { id: t.rule });
    checkForm(rule.form, ['rules', i, 'form']);
    rule.reach.forEach((reach, j) => checkForm(reach.form, ['rules', i, 'reach', j, 'form']));
  });
  // A repeat rule reads the current hits of the rule it names: rules naming each other in a ring
  // could never be evaluated. Each ring is reported once, at its first rule in the file.
  const needs = new Map<string, string>();
  for (const rule of section.rules) if (rule.trigger.type === 'repeat' && rule.trigger.rule !== rule.id && ruleAt.has(rule.trigger.rule) && !needs.has(rule.id)) needs.set(rule.id, rule.trigger.rule);
  const reported = new Set<string>();
  section.rules.forEach((rule, i) => {
    if (reported.has(rule.id) || ruleAt.get(rule.id) !== i) return;
    const path: string[] = [];
    for (let at: string | undefined = rule.id; at !== undefined && !path.includes(at); at = needs.get(at)) path.push(at);
    const last = path[path.length - 1] as string;
    if (needs.get(last) !== rule.id) return;
    for (const id of path) reported.add(id);
    add('repeat-cycle', ['rules', i, 'trigger', 'rule'], { cycle: [...path, rule.id].join(' → ') });
  });
  // Supervision findings share the id space of the rules: the same id twice would make two findings indistinguishable.
  if (section.supervision && ruleAt.has(section.supervision.id)) {
    add('duplicate-rule-id', ['supervision', 'id'], { id: section.supervision.id, what: lang === 'zh' ? '问责规则' : 'accountability rule', first: formatPath(['accountability', 'rules', ruleAt.get(section.supervision.id) as number], lang) });
  }
  if (section.ineligibleFrom !== undefined && !personForms.has(section.ineligibleFrom)) add('unknown-form', ['ineligibleFrom'], { id: section.ineligibleFrom, ladder: 'person' });
  if (section.supervision?.form !== undefined && !orgForms.has(section.supervision.form)) add('unknown-form', ['supervision', 'form'], { id: section.supervision.form, ladder: 'organization' });
  return issues;
}
