// 绩效自评 scoring checks: every 项目/部门整体 self-evaluation table as read, checked against the chosen rubric.
// Reading them from a workbook is the app's (src/app/performance.ts).
import type { Finding } from '../findings';
import type { ProjectSummary } from '../report';
import { checkDept } from './dept-checks';
import { checkFujianForm } from './fujian';
import { num, type FujianFormRead, type NumberCell, type PerformanceRead } from './model';
import { checkExecInversions, checkProject } from './project-checks';
import { disclosureRubric, isFujianRubric, RubricOptionError, type PerformanceOptions } from './options';
import { gradeOf } from './rubric';
import { FUJIAN_2018_FORMS } from './rubrics/fujian-2018';

export { parseRubricOption, RubricOptionError, RUBRIC_IDS, type PerformanceOptions } from './options';

export interface PerformanceResult {
  findings: Finding[];
  projects: ProjectSummary[];
}

/** Scores the 绩效自评 tables read from a workbook; the reading problems come first among the findings. */
export function scorePerformance(read: PerformanceRead, options: PerformanceOptions = {}): PerformanceResult {
  const fujian = scoreFujianForms(read.fujian ?? [], options);
  if (read.projects.length === 0 && read.depts.length === 0) {
    return { findings: [...read.findings, ...fujian.findings], projects: fujian.projects };
  }
  const findings: Finding[] = [...read.findings, ...fujian.findings];
  if (isFujianRubric(options.rubric)) {
    // The Fujian 2018 forms have their own layouts, which this reader does not read yet.
    findings.push({
      rule: 'P00',
      severity: 'warning',
      table: read.projects[0]?.name ?? read.depts[0]?.name ?? '',
      message: `所选评分规则“${FUJIAN_2018_FORMS[options.rubric].title}”适用于福建2018自评表式，本工作簿中的是绩效自评公开表；已按2024公开表规则复核。`,
      cells: [read.projects[0]?.titleRef ?? read.depts[0].titleRef],
    });
  }
  let rubric;
  try {
    rubric = disclosureRubric(isFujianRubric(options.rubric) ? {} : options);
  } catch (e) {
    if (!(e instanceof RubricOptionError)) throw e;
    findings.push({ rule: 'P00', severity: 'error', table: '', message: `评分设置有误：${e.message}`, cells: [] });
    rubric = disclosureRubric({});
  }
  const projectChecks = read.projects.map((p) => checkProject(p, rubric));
  for (const r of projectChecks) findings.push(...r.findings);
  findings.push(...checkExecInversions(projectChecks.flatMap((r) => (r.execPoint ? [r.execPoint] : []))));
  const deptChecks = read.depts.map((d) => checkDept(d, rubric));
  for (const r of deptChecks) findings.push(...r.findings);
  const perTable = new Map<string, number>();
  for (const f of findings) perTable.set(f.table, (perTable.get(f.table) ?? 0) + 1);
  const summary = (t: { name: string; sheet: string; total: NumberCell }, recomputed: number | null): ProjectSummary => {
    const printed = num(t.total);
    const basis = printed ?? recomputed;
    // The 总分 is missing, or differs from the recomputed one beyond the rubric's tolerance (what P8/P10 report).
    const totalIssue = printed === null || (recomputed !== null && Math.abs(printed - recomputed) > rubric.tolerances.total + 1e-9);
    return {
      project: t.name,
      sheet: t.sheet,
      printedTotal: printed,
      recomputedTotal: recomputed,
      totalIssue,
      grade: basis === null ? null : gradeOf(basis, rubric.grades),
      findings: perTable.get(t.name) ?? 0,
    };
  };
  const projects = [
    ...read.projects.map((p, i) => summary(p, projectChecks[i].recomputedTotal)),
    ...read.depts.map((d, i) => summary(d, deptChecks[i].recomputedTotal)),
  ];
  return { findings, projects: [...fujian.projects, ...projects] };
}

/** Each Fujian form by its own rubric (the one detected, unless `--rubric` names another Fujian form). */
function scoreFujianForms(forms: FujianFormRead[], options: PerformanceOptions): PerformanceResult {
  const findings: Finding[] = [];
  const projects: ProjectSummary[] = [];
  for (const f of forms) {
    const form = FUJIAN_2018_FORMS[isFujianRubric(options.rubric) ? options.rubric : f.formId];
    const r = checkFujianForm(form, f.evaluation);
    findings.push(...r.findings);
    const printed = f.evaluation.total;
    projects.push({
      project: f.evaluation.project,
      sheet: f.sheet,
      printedTotal: printed,
      recomputedTotal: r.recomputedTotal,
      totalIssue: printed === null || (r.recomputedTotal !== null && Math.abs(printed - r.recomputedTotal) > 0.01 + 1e-9),
      grade: r.grade,
      findings: r.findings.length,
    });
  }
  return { findings, projects };
}
