// Human-readable output of a check: findings grouped by table and severity, then a one-line summary.
import { refText } from '../core/cells';
import { findingsByTable, SEVERITY_LABEL, SEVERITY_ORDER, summarize, type Finding } from '../core/findings';
import type { CheckReport } from '../core/report';
import { isTableId } from '../core/model';
import { NARRATIVE_TABLE } from '../core/narrative';

function tableHeading(id: string, report: CheckReport): string {
  if (isTableId(id)) {
    const t = report.tables.find((x) => x.id === id);
    return t ? `公开${id}表 ${t.title}（工作表“${t.sheet}” ${t.range}）` : `公开${id}表`;
  }
  if (id === NARRATIVE_TABLE) return report.narrative ? `情况说明（${report.narrative.source.name}）` : '情况说明';
  return `绩效自评：${id}`;
}

/** `statusOf`: the review status to show after a finding (`已说明：…`), or null (issue #16). */
export function formatFindings(report: CheckReport, statusOf: (f: Finding) => string | null = () => null): string {
  const lines: string[] = [];
  for (const { table: id, findings: fs } of findingsByTable(report.findings)) {
    const s = summarize(fs);
    lines.push('', `■ ${tableHeading(id, report)} — 错误 ${s.error}，提示 ${s.warning}，尾差 ${s.tail}`);
    for (const sev of SEVERITY_ORDER) {
      for (const f of fs.filter((x) => x.severity === sev)) {
        const where = f.cells.length
          ? ` @ ${f.cells.slice(0, 3).map(refText).join(', ')}${f.cells.length > 3 ? ` 等 ${f.cells.length} 格` : ''}`
          : '';
        const status = statusOf(f);
        lines.push(`  [${SEVERITY_LABEL[sev]}] ${f.rule}${where}`, `      ${f.message}`);
        if (status) lines.push(`      → ${status}`);
      }
    }
  }
  return lines.join('\n');
}

export function summaryLine(report: CheckReport): string {
  const s = summarize(report.findings);
  const found = report.tables.length;
  const year = report.year ? ` ${report.year}年度` : '';
  return `检查完成：${report.unit ?? '（未识别单位名称）'}${year}，格式 ${report.profile}，找到 ${found}/9 张表；错误 ${s.error} 个，提示 ${s.warning} 个，尾差 ${s.tail} 个。`;
}
