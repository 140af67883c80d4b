// N1: parts of a stated whole (a whole, then 其中 and its parts) add up to it.
import { classifyDifference, type Finding } from '../findings';
import { formatAmount, toHalfWidth, type MoneyUnit } from '../money';
import { narrativeFinding } from './finding';
import { cellsOf, textUnit, type Work } from './figure-work';

/** Parts of a whole that by definition make it up (基本支出 = 人员 + 公用; 政府采购 = 货物 + 工程 + 服务). */
const EXHAUSTIVE: Record<string, string[][]> = {
  'spend:basic': [
    ['personnelAll', 'publicAll'],
    ['personnel', 'public'],
  ],
  gpbBasic: [['personnel', 'public']],
  'proc:total': [['proc:goods', 'proc:works', 'proc:services']],
  '3p:total': [['3p:abroad', '3p:car', '3p:reception']],
  '3p:car': [['3p:carPurchase', '3p:carRun']],
};

/**
 * A whole followed by 其中 and its parts (in the same sentence up to the next ；, or in the next sentence when
 * it starts with 其中): parts that by definition make up the whole add up to it; parts in the whole's own
 * sentence also stay below it (a list in the next sentence may be of something else: 其中：本年收入中 …).
 */
export function checkParts(works: Work[]): Finding[] {
  const findings: Finding[] = [];
  const amounts = works.filter((w) => w.fig.kind === 'amount' && w.subject && !w.fig.inReason && w.minor !== undefined);
  for (let i = 0; i < amounts.length; i++) {
    const whole = amounts[i];
    const ws = whole.result.sentence;
    const text = toHalfWidth(ws.text);
    const qi = text.indexOf('其中', whole.fig.end);
    const nextAmount = amounts[i + 1];
    let parts: Work[];
    let sameSentence = false;
    if (qi >= 0) {
      const semicolon = text.indexOf('；', qi);
      const stop = semicolon < 0 ? text.length : semicolon;
      parts = amounts.slice(i + 1).filter((w) => w.result.sentence === ws && w.fig.start > qi && w.fig.start < stop);
      sameSentence = true;
    } else if (nextAmount && nextAmount.result.sentence !== ws && /^\s*其中/.test(nextAmount.result.sentence.text)) {
      parts = amounts.slice(i + 1).filter((w) => w.result.sentence === nextAmount.result.sentence);
    } else continue;
    if (parts.length === 0) continue;
    const ids = parts.map((p) => p.subject!.id);
    const exhaustive = (EXHAUSTIVE[whole.subject!.id] ?? []).some((set) => set.length === ids.length && set.every((x) => ids.includes(x)));
    const sum = parts.reduce((acc, p) => acc + p.minor!, 0);
    const unit: MoneyUnit = textUnit(whole.fig.unit)!;
    const cls = classifyDifference(sum - whole.minor!, parts.length, unit);
    const exceeds = sameSentence && sum > whole.minor! && cls === 'error';
    if (!exhaustive && !exceeds) continue;
    const label = whole.subject!.label;
    const partsText = parts.map((p) => `${p.result.subject} ${p.fig.value}`).join(' + ');
    const total = formatAmount(sum, unit);
    if (cls === 'none') {
      if (exhaustive && whole.result.status === 'unverified') {
        whole.result.status = 'ok';
        whole.result.note = `等于各部分之和（${partsText}）`;
      }
      for (const p of parts) {
        if (p.result.status !== 'unverified') continue;
        p.result.status = 'ok';
        p.result.note = `各部分相加等于${label} ${whole.fig.value}`;
        p.result.cells = whole.result.cells;
      }
      continue;
    }
    for (const p of parts) if (p.result.status === 'unverified' || cls === 'error') p.result.status = cls === 'tail' ? 'tail' : 'error';
    const at = parts[0].result.sentence;
    findings.push(
      narrativeFinding(
        'N1',
        cls === 'tail' ? 'tail' : 'error',
        at,
        `${label}的组成部分相加（${partsText} = ${total}）${exceeds ? '超过' : '不等于'}${label} ${whole.fig.value} ${whole.fig.unit}` +
          (cls === 'tail' ? '，属尾差。' : '。'),
        cellsOf(at, [...whole.result.cells, ...parts.flatMap((p) => p.result.cells)]),
      ),
    );
  }
  return findings;
}
