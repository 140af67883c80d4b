import { classifyDifference, tailAllowanceMinor } from '../../src/core/findings';
import fc from 'fast-check';
import { formatAmount, isDash, parseAmount, plainNumberText, roundToPrinted } from '../../src/core/money';

describe('parseAmount', () => {
  const wan = (v: unknown) => parseAmount(v, '万元');
  it('reads numbers and the text forms real workbooks contain, exactly in 分', () => {
    expect(wan(1653.66)).toEqual({ kind: 'number', minor: 1_653_660_000 });
    expect(wan('9,873.30')).toEqual({ kind: 'number', minor: 9_873_300_000 });
    expect(wan('９８７３．３０')).toEqual({ kind: 'number', minor: 9_873_300_000 });
    expect(wan(' 12.5 ')).toEqual({ kind: 'number', minor: 12_500_000 });
    expect(wan('(12.00)')).toEqual({ kind: 'number', minor: -12_000_000 });
    expect(wan('-0.01')).toEqual({ kind: 'number', minor: -10_000 });
    expect(parseAmount('16,536,600.00', '元')).toEqual({ kind: 'number', minor: 1_653_660_000 });
  });
  it('reads blanks and dashes as no figure, and refuses everything else', () => {
    expect(wan(null)).toEqual({ kind: 'blank' });
    expect(wan('  ')).toEqual({ kind: 'blank' });
    expect(wan('—')).toEqual({ kind: 'dash' });
    expect(wan('-')).toEqual({ kind: 'dash' });
    // PDF-born cells: a dash split by spaces, digits split by spaces.
    expect(wan('— —')).toEqual({ kind: 'dash' });
    expect(wan('0 . 0 0')).toEqual({ kind: 'number', minor: 0 });
    expect(wan('\\')).toEqual({ kind: 'dash' });
    expect(isDash('－ －')).toBe(true);
    expect(isDash('0')).toBe(false);
    expect(wan('abc')).toEqual({ kind: 'invalid', text: 'abc' });
    expect(wan('12.3.4')).toEqual({ kind: 'invalid', text: '12.3.4' });
    expect(wan('1,23.00')).toEqual({ kind: 'invalid', text: '1,23.00' });
    expect(wan(true)).toEqual({ kind: 'invalid', text: 'true' });
  });
  it('adds in 分 without floating-point drift', () => {
    const parts = ['0.10', '0.20', '1653.66', '171.59'].map((t) => (wan(t) as { minor: number }).minor);
    expect(parts.reduce((a, b) => a + b, 0)).toBe((wan('1825.55') as { minor: number }).minor);
  });
});

describe('the tail policy: 0 < |d| ≤ max(0.01, 0.005 × (n + 1)) is a tail', () => {
  const cent = 10_000; // 0.01 万元 in 分
  it.each([
    [1, 1, 'tail'],
    [1, 2, 'tail'],
    [2, 2, 'error'], // max(0.01, 0.015) = 0.015 < 0.02
    [2, 3, 'tail'], // 0.02 ≤ 0.02
    [3, 4, 'error'], // 0.03 > 0.025
    [5, 9, 'tail'], // 0.05 ≤ 0.05
    [6, 9, 'error'],
  ])('a difference of %i cents with %i non-zero addends is %s', (cents, n, expected) => {
    expect(classifyDifference(cents * cent, n, '万元')).toBe(expected);
    expect(classifyDifference(-cents * cent, n, '万元')).toBe(expected);
  });
  it('ignores what does not show at two decimals, and works in the table unit', () => {
    expect(classifyDifference(4_999, 3, '万元')).toBe('none');
    expect(classifyDifference(5_000, 3, '万元')).toBe('tail');
    expect(classifyDifference(1, 3, '元')).toBe('tail');
    expect(classifyDifference(3, 3, '元')).toBe('error');
    expect(tailAllowanceMinor(9, '万元')).toBe(50_000);
  });
  it('formats and rounds in the table unit', () => {
    expect(formatAmount(-10_000, '万元')).toBe('-0.01');
    expect(formatAmount(1_653_660_000, '万元')).toBe('1653.66');
    expect(roundToPrinted(1_653_665_000, '万元')).toBe(1_653_670_000);
    expect(roundToPrinted(-1_653_665_000, '万元')).toBe(-1_653_670_000);
  });
});

describe('plainNumberText', () => {
  // The reference: what plainNumberText gave before its String() fast path.
  const reference = (v: number): string => {
    const digits = Math.abs(v) >= 1e21 ? BigInt(v).toString() : v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
    return digits.length > 30 ? `${digits.slice(0, 20)}…（共 ${digits.replace(/^-/, '').length} 位）` : digits;
  };

  test('gives the plain digits toLocaleString gives, for scores, amounts and any finite double', () => {
    const score = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
    const any = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => v !== 0);
    fc.assert(
      fc.property(fc.oneof(score, any), (v) => {
        expect(plainNumberText(v)).toBe(reference(v));
      }),
      { numRuns: 20_000, seed: 59 },
    );
    expect(plainNumberText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(plainNumberText(1e21)).toBe('1000000000000000000000');
    expect(plainNumberText(1e-7)).toBe('0.0000001');
  });
});
