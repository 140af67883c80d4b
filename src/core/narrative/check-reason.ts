// N3: a 决算数大于/小于预算数 must say why (a 原因 is given unless 持平): in its sentence or in the sentences of
// its paragraph after it. Whether the claim itself matches the figures is checkBudgetComparison's.
import type { Finding } from '../findings';
import { toHalfWidth } from '../money';
import { narrativeFinding } from './finding';
import type { NarrativeSentence } from './model';

/** 决算数大于/小于（高于/低于/超过）（全年/年初）预算数; 持平 and 等于 need no reason. */
const UNEQUAL_CLAIM = /(?<![不未没])(大于|小于|高于|低于|超过)\s*(全年|年初)?预算(数)?(?!执行|目标|绩效|管理)/;

/** The words a reason is given with (主要原因是 …, 主要是 …, 由于 …, …所致). */
const REASON_WORDS = /原因|主要是|由于|因为|所致|导致|系因/;

export function checkBudgetReasons(sentences: NarrativeSentence[]): Finding[] {
  const findings: Finding[] = [];
  sentences.forEach((s, i) => {
    const claim = UNEQUAL_CLAIM.exec(toHalfWidth(s.text));
    if (!claim) return;
    const rest = [s, ...sentences.slice(i + 1).filter((t) => t.paragraph === s.paragraph)];
    if (rest.some((t) => REASON_WORDS.test(t.text))) return;
    findings.push(
      narrativeFinding(
        'N3',
        'error',
        s,
        `写了“${claim[0]}”，但没有说明原因：决算数与预算数不同时须写明主要原因（如“主要原因是……”），持平的除外。`,
        s.cell ? [s.cell] : [],
      ),
    );
  });
  return findings;
}
