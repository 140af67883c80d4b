// The 情况说明 part of the text output: how many figures were tied and how they came out, and why the
// others could not be checked.
import { figureCounts, type NarrativeReport } from '../core/narrative';

export function formatNarrativeSummary(n: NarrativeReport): string {
  const c = figureCounts(n.figures);
  const lines = [
    `情况说明核对（${n.source.kind === 'sheet' ? '工作表' : '文件'}“${n.source.name}”）：共找到 ${n.figures.length} 个数字，` +
      `已与公开表或其他数字核对 ${c.checked} 个（一致 ${c.ok}，尾差 ${c.tail}，错误 ${c.error}，提示 ${c.warning}），未核对 ${c.unverified} 个。`,
  ];
  if (n.figures.length === 0) lines.push('  情况说明中没有找到任何金额、百分比或数量。');
  // Why the rest is 未核对, most frequent reason first.
  const reasons = new Map<string, number>();
  for (const f of n.figures) {
    if (f.status !== 'unverified') continue;
    const reason = (f.note ?? '原因不明').replace(/，未核对$/, '');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`  未核对 ${count} 个：${reason}`);
  return lines.join('\n');
}
