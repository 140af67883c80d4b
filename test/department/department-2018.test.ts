// The 2018 ten-table 部门决算 set: detected by itself, every table found, one planted error per identity
// family reported as an error at its cell, and no false difference from renamed or unknown 类 rows.
import { checkWorkbook } from '../../src/app/check';
import { generateInProfile } from '../../src/app/generate';
import { refText } from '../../src/core/cells';
import { departmentWorkbook, PLANTS, UNKNOWN_CLASS_LABEL, type DepartmentOptions } from '../../scripts/examples/department-2018';
import { roundTrip } from '../helpers/example';

async function check(options: DepartmentOptions) {
  const { workbook, planted } = departmentWorkbook(options);
  return { report: checkWorkbook(await roundTrip(workbook)), planted };
}

describe('the 2018 ten-table department set', () => {
  test('the clean workbook: profile detected, all ten tables found, no finding at all', async () => {
    const { report } = await check({});
    expect(report.profile).toBe('department-2018');
    expect(report.tables.map((t) => t.id)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']);
    expect(report.findings.map((f) => `${f.rule} ${f.severity} ${f.message}`)).toEqual([]);
  });

  test('each planted error is an error at its cell', async () => {
    const { report, planted } = await check({ plants: true });
    expect(report.profile).toBe('department-2018');
    expect(report.tables).toHaveLength(10);
    expect([...planted.keys()].sort()).toEqual(Object.keys(PLANTS).sort());
    for (const [key, at] of planted) {
      const rule = PLANTS[key].rule;
      const hit = report.findings.find(
        (f) => f.rule === rule && f.severity === 'error' && f.cells.some((c) => c.sheet === at.sheet && refText(c).endsWith(`!${at.cell}`)),
      );
      if (!hit)
        throw new Error(
          `${key}: no ${rule} error at ${at.sheet}!${at.cell}; found ${report.findings.map((f) => `${f.rule}@${f.cells.map(refText).join(',')}`).join(' ')}`,
        );
    }
  });

  test("today's 类 names and one unknown row: no false difference, the unknown row is 无法核对 at its cell", async () => {
    const { report } = await check({ names2024: true, unknownRow: true });
    expect(report.profile).toBe('department-2018');
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    const cannot = report.findings.filter((f) => f.message.includes('无法核对'));
    // The two identities that need the row: 01's 本年支出合计 = Σ 类 (T1-b) and 01 类 = 03 类 (X4).
    expect(cannot.map((f) => f.rule).sort()).toEqual(['T1-b', 'X4']);
    for (const f of cannot) {
      expect(f.severity).toBe('warning');
      expect(f.message).toContain(UNKNOWN_CLASS_LABEL);
      expect(f.cells.some((c) => c.sheet === '01收支决算总表' && c.col === 2)).toBe(true);
    }
  });

  test('generation in this profile is refused with a reason, not attempted', async () => {
    const result = generateInProfile(await roundTrip(departmentWorkbook({}).workbook), 'department-2018');
    expect(result.sheets).toEqual([]);
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['G-PROFILE', 'error']]);
    expect(result.findings[0].message).toContain('不支持生成');
  });

  test('09: a count without its amount (or the reverse) is a 提示 at both cells (D9-c)', async () => {
    const { workbook } = departmentWorkbook({});
    const ws = workbook.getWorksheet('09相关信息统计表')!;
    // 行次 14 公务用车购置数 = 1 with no 公务用车购置费 (行次 5); 行次 16 接待批次 = 0 with 公务接待费 printed.
    let carsBought = '';
    let batches = '';
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === '3．公务用车购置数（辆）') carsBought = `C${r}`;
      if (row.getCell(1).value === '5．国内公务接待批次（个）') batches = `C${r}`;
    });
    ws.getCell(carsBought).value = 1;
    ws.getCell(batches).value = null;
    const report = checkWorkbook(await roundTrip(workbook));
    const d9c = report.findings.filter((f) => f.rule === 'D9-c');
    expect(d9c.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(d9c.map((f) => f.cells.map(refText).join(' '))).toEqual([
      expect.stringContaining(`09相关信息统计表!${carsBought}`),
      expect.stringContaining(`09相关信息统计表!${batches}`),
    ]);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
