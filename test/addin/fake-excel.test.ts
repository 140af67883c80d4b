// The fake must be strict, or the adapter tests prove nothing: these check that it refuses what Excel refuses.
import { FakeExcel, FakeOfficeError } from './fake-excel';

describe('FakeExcel strictness', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded', async () => {
    const fx = new FakeExcel('1.7');
    fx.addSheet('S', [[1]]);
    await expect(
      fx.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
        return r.values;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });

  test('a loaded property is readable only after sync', async () => {
    const fx = new FakeExcel('1.7');
    fx.addSheet('S', [[1, 2]]);
    const seen = await fx.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      r.load('values');
      let before: unknown = null;
      try {
        before = r.values;
      } catch (e) {
        before = (e as FakeOfficeError).code;
      }
      await ctx.sync();
      return { before, after: r.values };
    });
    expect(seen).toEqual({ before: 'PropertyNotLoaded', after: [[1, 2]] });
  });

  test('writes are applied only at sync, and unsynced work fails the run', async () => {
    const fx = new FakeExcel('1.7');
    const sheet = fx.addSheet('S');
    await fx.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[5]];
      expect(sheet.cells['0:0']).toBeUndefined();
      await ctx.sync();
    });
    expect(sheet.cells['0:0'].value).toBe(5);
    await expect(
      fx.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A2').values = [[6]];
      }),
    ).rejects.toThrow(/never synced/);
  });

  test('APIs above the host version throw, and values are parsed as Excel does', async () => {
    const fx = new FakeExcel('1.7');
    fx.addSheet('S');
    await expect(fx.run(async (ctx) => ctx.workbook.worksheets.getItem('S').getRanges('A1,B2'))).rejects.toMatchObject({ code: 'ApiNotFound' });
    await fx.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:C1').values = [['201', "'201", '合计']];
      await ctx.sync();
    });
    const cells = fx.sheetByName('S')!.cells;
    expect([cells['0:0'].value, cells['0:1'].value, cells['0:2'].value]).toEqual([201, '201', '合计']);
  });

  test('sync counts and request bytes are recorded; a request over 5 MB is refused', async () => {
    const fx = new FakeExcel('1.7');
    fx.addSheet('S');
    const big = Array.from({ length: 600 }, () => Array.from({ length: 1000 }, () => 'xxxxxxxxx'));
    await expect(
      fx.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 600, 1000).values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fx.stats.syncs).toBe(1);
    expect(fx.stats.requestBytes[0]).toBeGreaterThan(5 * 1024 * 1024);
    expect(fx.sheetByName('S')!.cells['0:0']).toBeUndefined();
  });
});
