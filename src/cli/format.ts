// Human-readable output of a check: the findings as src/app/findings-presentation.ts presents them (the pane and
// the page show the same), laid out for a terminal, then the summary.
import { presentFindings, summaryText, type PresentedFinding, type PresentedGroup, type PresentOptions } from '../app/findings-presentation';
import { refText } from '../core/cells';
import { summarize, type Finding } from '../core/findings';
import { NARRATIVE_TABLE } from '../core/narrative';
import type { CheckReport } from '../core/report';
import { padDisplay } from './terminal-text';

function groupHeading(g: PresentedGroup, report: CheckReport): string {
  const loc = report.tables.find((t) => t.id === g.table);
  const where = loc ? `（工作表“${loc.sheet}” ${loc.range}）` : g.sheet && g.table !== NARRATIVE_TABLE ? `（工作表“${g.sheet}”）` : '';
  return `■ ${g.heading}${where} — 错误 ${g.counts.error}，提示 ${g.counts.warning}，尾差 ${g.counts.tail}`;
}

/** 应为 / 实为 / 差额 padded to the widest of the group, so that the figures line up under each other. */
function figureColumns(findings: PresentedFinding[]): (f: PresentedFinding) => string | null {
  const width = (pick: (f: PresentedFinding) => string) => Math.max(0, ...findings.filter((f) => f.figures).map((f) => pick(f).length));
  const we = width((f) => f.figures!.expected);
  const wa = width((f) => f.figures!.actual);
  const wd = width((f) => f.figures!.difference);
  return (f) => {
    const x = f.figures;
    if (!x) return null;
    const unit = x.unit ? ` ${x.unit}` : '';
    return `应为 ${padDisplay(x.expected, we, true)}   实为 ${padDisplay(x.actual, wa, true)}   差额 ${padDisplay(x.difference, wd, true)}${unit}`;
  };
}

/** `statusOf`: the review status to show under a finding (`→ 已说明：…`), when it has one (#16). */
export function formatFindings(report: CheckReport, statusOf?: PresentOptions['statusOf']): string {
  const lines: string[] = [];
  for (const g of presentFindings(report, { statusOf }).groups) {
    lines.push('', groupHeading(g, report));
    const figures = figureColumns(g.bySeverity.flatMap((s) => s.findings));
    for (const s of g.bySeverity) {
      for (const f of s.findings) {
        lines.push(`  [${s.label}] ${f.title}（${f.rule}）${f.addresses ? `  ${f.addresses}` : ''}`, `      ${f.message}`);
        const fig = figures(f);
        if (fig) lines.push(`      ${fig}`);
        if (f.status) lines.push(`      → ${f.status.label}${f.status.reason ? `：${f.status.reason}` : ''}`);
      }
    }
  }
  return lines.join('\n');
}

/** Two lines: what was checked, then exactly the summary the pane and the page show. */
export function summaryLine(report: CheckReport): string {
  const found = report.tables.length;
  const year = report.year ? ` ${report.year}年度` : '';
  return `检查完成：${report.unit ?? '（未识别单位名称）'}${year}，格式 ${report.profile}，找到 ${found}/9 张表。\n${summaryText(summarize(report.findings))}`;
}

/** One problem of an input on stderr (generate, narrative): `[错误] W-INPUT 底稿1!C5 …`. */
export function findingLine(f: Finding): string {
  return `[${f.severity === 'error' ? '错误' : '提示'}] ${f.rule} ${f.cells.map(refText).join(', ')} ${f.message}`;
}
