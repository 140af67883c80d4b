// The per-project summary table of the CLI (Chinese headings, aligned for a monospace terminal).
import { pts } from '../core/performance/format';
import type { ProjectSummary } from '../core/report';
import { displayWidth, padDisplay } from './terminal-text';

function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

const HEADINGS = ['序号', '项目', '工作表', '印刷总分', '复核总分', '等级', '问题数'];

export function formatProjectSummaries(projects: ProjectSummary[]): string {
  if (projects.length === 0) return '未找到绩效自评表。';
  const rows = projects.map((p, i) => [
    String(i + 1),
    truncate(p.project || '（未命名）', 40),
    truncate(p.sheet, 16),
    p.printedTotal === null ? '—' : pts(p.printedTotal),
    p.recomputedTotal === null ? '—' : pts(p.recomputedTotal),
    p.grade ?? '—',
    String(p.findings),
  ]);
  const widths = HEADINGS.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]))));
  const numeric = new Set([0, 3, 4, 6]);
  const line = (cells: string[]) =>
    cells
      .map((s, c) => padDisplay(s, widths[c], numeric.has(c)))
      .join('  ')
      .trimEnd();
  const withFindings = projects.filter((p) => p.findings > 0).length;
  return [
    line(HEADINGS),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    `绩效自评表共${projects.length}张，其中${withFindings}张有问题。`,
  ].join('\n');
}
