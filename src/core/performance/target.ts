// 年度指标值 text → operator, value, unit. The original text is always kept.
import { compactText } from '../money';

export type TargetOp = '≥' | '≤' | '=' | '>' | '<';

export type ParsedTarget =
  | { kind: 'quantitative'; op: TargetOp; value: number; unit: string; text: string }
  | { kind: 'qualitative'; text: string }
  | { kind: 'blank'; text: string }
  | { kind: 'invalid'; text: string; reason: string };

// Word forms first (longest first), then symbols. Chinese words seen in 绩效目标 tables.
const OPERATOR_WORDS: [string, TargetOp][] = [
  ['大于或等于', '≥'],
  ['大于等于', '≥'],
  ['小于或等于', '≤'],
  ['小于等于', '≤'],
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['至少', '≥'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不多于', '≤'],
  ['不大于', '≤'],
  ['大于', '>'],
  ['超过', '>'],
  ['高于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['等于', '='],
  ['>=', '≥'],
  ['<=', '≤'],
  ['≥', '≥'],
  ['≧', '≥'],
  ['⩾', '≥'],
  ['≤', '≤'],
  ['≦', '≤'],
  ['⩽', '≤'],
  ['＞', '>'],
  ['＜', '<'],
  ['＝', '='],
  ['==', '='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

/** Undoes the TeX that PDF extraction leaves in targets (`$\geq 90\%$`, `$=2$ 天`). */
function stripTex(text: string): string {
  return text
    .replace(/\\geq?(?![a-z])|\\geqslant/g, '≥')
    .replace(/\\leq?(?![a-z])|\\leqslant/g, '≤')
    .replace(/\\%/g, '%')
    .replace(/\\(mathrm|text)\{([^}]*)\}/g, '$2')
    .replace(/\$/g, '');
}

function normalise(text: string): string {
  return compactText(stripTex(text)).replace(/,(?=\d{3})/g, '');
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)/;

export function parseTarget(raw: unknown): ParsedTarget {
  if (raw === null || raw === undefined) return { kind: 'blank', text: '' };
  const text = String(raw).trim();
  if (text === '') return { kind: 'blank', text };
  if (typeof raw === 'number') {
    return { kind: 'invalid', text, reason: '年度指标值只有数字，缺少比较符号（≥、≤、=）' };
  }
  const t = normalise(text);
  let op: TargetOp | null = null;
  let rest = t;
  for (const [word, o] of OPERATOR_WORDS) {
    if (t.startsWith(word)) {
      op = o;
      rest = t.slice(word.length);
      break;
    }
  }
  const num = NUMBER.exec(rest);
  if (op === null) {
    if (num) return { kind: 'invalid', text, reason: '年度指标值只有数字，缺少比较符号（≥、≤、=）' };
    // No operator and no leading number: a qualitative target (定性), e.g. 「达到预期效果」.
    return { kind: 'qualitative', text };
  }
  if (!num) return { kind: 'invalid', text, reason: `比较符号“${op}”后没有数值` };
  const value = Number(num[0]);
  if (!Number.isFinite(value)) return { kind: 'invalid', text, reason: '数值无法识别' };
  const unit = rest.slice(num[0].length);
  if (/\d/.test(unit)) return { kind: 'invalid', text, reason: `数值后面还有数字“${unit}”，无法确定指标值` };
  return { kind: 'quantitative', op, value, unit, text };
}

/** Money units that mean 万元 in targets (`≤ 200 万` under 成本指标 means 万元). */
export function isTenThousandYuan(unit: string): boolean {
  return unit === '万元' || unit === '万';
}

export function isPercent(unit: string): boolean {
  return unit === '%';
}
