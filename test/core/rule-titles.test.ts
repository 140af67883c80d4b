// Every rule code a finding can carry has a plain Chinese title: the codes declared as data (the profiles'
// identities, the coded rules) and every code-shaped string literal written anywhere in src.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROFILES, specsOf } from '../../src/core/profiles';
import { ruleTitle, titledRuleCodes } from '../../src/core/rule-titles';
import { CODED_RULES } from '../../src/core/rules';

const SRC = join(__dirname, '..', '..', 'src');

/** A rule code: T1-b, X13, P8, P00, N10, D10-a, R-AMOUNT, G-LAYOUT… */
const CODE = /(['"`])([A-Z]\d{1,2}(?:-[a-z])?|[A-Z]-[A-Z]+)\1/g;

/** Code-shaped literals that are not rule codes, each with where it is and what it is. */
const NOT_RULES: Record<string, string> = {
  A4: "paper size ('A4') in page setups",
  A1: 'an A1 address in a comment of adapters/file/inspect-workbook.ts',
  B7: 'an A1 address in a comment of adapters/file/lean/sheet-xml.ts',
  R17: 'the Fujian 2018 form id R17 (its rows are scored under F1–F6)',
  R18: 'the Fujian 2018 form id R18',
  S17: 'the Fujian 2018 form id S17',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function literalCodes(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    if (file.endsWith('rule-titles.ts')) continue; // the table itself
    for (const m of readFileSync(file, 'utf8').matchAll(CODE)) {
      const list = found.get(m[2]) ?? [];
      list.push(relative(SRC, file));
      found.set(m[2], list);
    }
  }
  return found;
}

test('every rule code written in src has a title (and the scan finds the codes it should)', () => {
  const codes = literalCodes();
  // The scan sees codes of every family, so a broken pattern cannot pass by finding nothing.
  for (const code of ['T1-b', 'X13', 'P8', 'P00', 'N1', 'N10', 'D10-a', 'F3', 'C1', 'R-AMOUNT', 'G-LAYOUT', 'L-YEAR', 'W-INPUT']) {
    expect([code, codes.has(code)]).toEqual([code, true]);
  }
  const untitled = [...codes.keys()].filter((c) => !(c in NOT_RULES) && ruleTitle(c) === null).map((c) => `${c} (${codes.get(c)!.join(', ')})`);
  expect(untitled).toEqual([]);
  // The exclusions are still needed: each is still written somewhere.
  expect(Object.keys(NOT_RULES).filter((c) => !codes.has(c))).toEqual([]);
});

test('every identity of every profile and every coded rule has a title', () => {
  const ids = new Set<string>(CODED_RULES.map((r) => r.id));
  for (const p of PROFILES) {
    for (const spec of specsOf(p)) for (const i of spec.identities) ids.add(i.rule);
    for (const i of p.crossIdentities) ids.add(i.rule);
  }
  expect(ids.size).toBeGreaterThan(30);
  expect([...ids].filter((id) => ruleTitle(id) === null)).toEqual([]);
});

test('titles are plain Chinese, one per code, none repeating a code', () => {
  const codes = titledRuleCodes();
  expect(codes.length).toBeGreaterThan(100);
  for (const code of codes) {
    const title = ruleTitle(code)!;
    expect([code, /[\u4e00-\u9fff]/.test(title)]).toEqual([code, true]);
    expect([code, /\b[A-Z]\d/.test(title)]).toEqual([code, false]);
  }
  expect(ruleTitle('NO-SUCH')).toBeNull();
});
