// Figures as the 情况说明 prints them: amounts in 万元 with 2 decimals, shares and rates in % with 2 decimals,
// rounded half away from zero from the exact 分 (never through floating point).

/** 分 per 0.01 万元. */
const MINOR_PER_WAN_CENT = 10_000n;

function hundredths(n: bigint): string {
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

/** Half away from zero of num/den (den > 0). */
function roundDiv(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (2n * abs + den) / (2n * den);
  return neg ? -q : q;
}

/** An amount in 分 as 万元 with 2 decimals, without the unit: 1_653_660_000 → "1653.66". */
export function wan(minor: number): string {
  return hundredths(roundDiv(BigInt(minor), MINOR_PER_WAN_CENT));
}

/** part/whole as a percentage with 2 decimals, without the sign: (1, 8) → "12.50". Null when whole is 0. */
export function percent(part: number, whole: number): string | null {
  if (whole === 0) return null;
  const w = BigInt(whole);
  const sign = w < 0n ? -1n : 1n;
  return hundredths(roundDiv(BigInt(part) * 10_000n * sign, w * sign));
}

/**
 * The comparison with last year's figure, as the published documents word it:
 * "较上年决算数增加1.00万元，增长25.00%", "…减少…，下降…%", "与上年决算数持平";
 * no rate when last year was 0 (a rate from nothing means nothing).
 */
export function changeClause(current: number, previous: number, against = '上年决算数'): { text: string; changed: boolean } {
  const d = current - previous;
  if (d === 0) return { text: `与${against}持平`, changed: false };
  const up = d > 0;
  const amount = `较${against}${up ? '增加' : '减少'}${wan(Math.abs(d))}万元`;
  const rate = previous > 0 ? percent(Math.abs(d), previous) : null;
  return { text: rate === null ? amount : `${amount}，${up ? '增长' : '下降'}${rate}%`, changed: true };
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 27 → 二十七 (up to 99: the headings and item numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}
