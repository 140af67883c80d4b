// 绩效自评 scoring checks: read every 项目/部门整体 self-evaluation table, check it against the chosen rubric.
import { readPerformance } from '../../readers/performance';
import type { WorkbookSnapshot } from '../../port/snapshot';
import type { Finding } from '../findings';
import type { ProjectSummary } from '../report';
import { checkDept } from './dept-checks';
import { checkExecInversions, checkProject, type ExecRatePoint } from './project-checks';
import { disclosureRubric, isFujianRubric, RubricOptionError, type PerformanceOptions } from './options';
import { gradeOf } from './rubric';
import { FUJIAN_2018_FORMS } from './rubrics/fujian-2018';

export { formatProjectSummaries } from './summary';
export { parseRubricOption, RubricOptionError, RUBRIC_IDS, type PerformanceOptions } from './options';

export interface PerformanceResult {
  findings: Finding[];
  projects: ProjectSummary[];
}

export function checkPerformance(snapshot: WorkbookSnapshot, options: PerformanceOptions = {}): PerformanceResult {
  const read = readPerformance(snapshot);
  if (read.projects.length === 0 && read.depts.length === 0) return { findings: read.findings, projects: [] };
  const findings: Finding[] = [...read.findings];
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
  const points: ExecRatePoint[] = [];
  const totals = new Map<string, number | null>();
  for (const p of read.projects) {
    const r = checkProject(p, rubric);
    findings.push(...r.findings);
    if (r.execPoint) points.push(r.execPoint);
    totals.set(p.titleRef.sheet + '!' + p.titleRef.row, r.recomputedTotal);
  }
  findings.push(...checkExecInversions(points));
  for (const d of read.depts) {
    const r = checkDept(d, rubric);
    findings.push(...r.findings);
    totals.set(d.titleRef.sheet + '!' + d.titleRef.row, r.recomputedTotal);
  }
  const count = (name: string) => findings.filter((f) => f.table === name).length;
  const summary = (name: string, sheet: string, printed: number | null, key: string): ProjectSummary => {
    const recomputed = totals.get(key) ?? null;
    const basis = printed ?? recomputed;
    return { project: name, sheet, printedTotal: printed, recomputedTotal: recomputed, grade: basis === null ? null : gradeOf(basis, rubric.grades), findings: count(name) };
  };
  const projects = [
    ...read.projects.map((p) => summary(p.name, p.sheet, p.total.blank || p.total.invalid ? null : p.total.value, p.titleRef.sheet + '!' + p.titleRef.row)),
    ...read.depts.map((d) => summary(d.name, d.sheet, d.total.blank || d.total.invalid ? null : d.total.value, d.titleRef.sheet + '!' + d.titleRef.row)),
  ];
  return { findings, projects };
}
