// Scores a rule can give when the form does not print what it reads (conditions met, issues found, items
// counted): the printed score must then be one of them. 0–50 issues/items covers every rule's range.
import { evaluateFormula, type Formula } from './formulas';

const MAX_COUNT = 50;

function conditionsOf(f: Formula): string[] {
  switch (f.type) {
    case 'all_or_nothing':
      return [f.condition];
    case 'sum_of_all_or_nothing':
      return f.parts.map((p) => p.condition);
    case 'deduction_per_issue':
      return f.precondition ? [f.precondition] : [];
    case 'base_plus_increment':
      return [f.baseCondition];
    default:
      return [];
  }
}

/** True for the rules whose inputs are a yes/no or a count (attainable scores are a short list). */
export function isEnumerable(f: Formula): boolean {
  return ['all_or_nothing', 'sum_of_all_or_nothing', 'deduction_per_issue', 'base_plus_increment', 'per_item_increment'].includes(f.type);
}

/** Every score the rule gives over all condition combinations and 0–50 issues/items, ascending. */
export function attainableScores(f: Formula, weight: number): number[] {
  const names = conditionsOf(f);
  const scores = new Set<number>();
  for (let mask = 0; mask < 1 << names.length; mask++) {
    const conditions = Object.fromEntries(names.map((n, i) => [n, (mask & (1 << i)) !== 0]));
    for (let n = 0; n <= MAX_COUNT; n++) {
      const r = evaluateFormula(f, { weight, conditions, issues: n, count: n });
      if (r.ok) scores.add(Math.round(r.score * 1e6) / 1e6);
    }
  }
  return [...scores].sort((a, b) => a - b);
}
