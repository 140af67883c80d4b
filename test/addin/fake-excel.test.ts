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

  test('notes and rules are found by cell and by id after adds, deletes and direct edits of the lists', async () => {
    const fx = new FakeExcel('1.18');
    const sheet = fx.addSheet('S', [[1, 2, 3]]);
    const content = (address: string) =>
      fx.run(async (ctx) => {
        const note = ctx.workbook.notes.getItem(address);
        note.load('content');
        await ctx.sync();
        return note.content;
      });
    await fx.run(async (ctx) => {
      ctx.workbook.notes.add('S!A1', 'a');
      ctx.workbook.notes.add('S!B1', 'b');
      await ctx.sync();
    });
    fx.state.notes.push({ id: 'own', sheetId: sheet.id, row: 0, col: 2, content: 'c' }); // a test's direct edit
    expect(await content('S!C1')).toBe('c');
    await expect(fx.run(async (ctx) => (ctx.workbook.notes.add('S!C1', 'again'), ctx.sync()))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await fx.run(async (ctx) => (ctx.workbook.notes.getItem('S!A1').delete(), ctx.sync()));
    await expect(content('S!A1')).rejects.toMatchObject({ code: 'ItemNotFound' });
    await fx.run(async (ctx) => (ctx.workbook.notes.add('S!A1', 'a2'), ctx.sync()));
    expect([await content('S!A1'), await content('S!B1')]).toEqual(['a2', 'b']);
    expect(fx.state.notes.map((n) => n.content)).toEqual(['b', 'c', 'a2']);
    fx.state.notes = []; // a list replaced by a test
    await expect(content('S!B1')).rejects.toMatchObject({ code: 'ItemNotFound' });

    const ids = await fx.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('S').getRange('A1:C1');
      const first = range.conditionalFormats.add('Custom');
      const second = range.conditionalFormats.add('Custom');
      first.load('id');
      second.load('id');
      await ctx.sync();
      return [first.id, second.id];
    });
    expect(sheet.conditionalFormats.map((c) => c.id)).toEqual([ids[1], ids[0]]); // a new rule goes on top
    await fx.run(async (ctx) => (ctx.workbook.worksheets.getItem('S').getRange().conditionalFormats.getItem(ids[1]).delete(), ctx.sync()));
    expect(sheet.conditionalFormats.map((c) => c.id)).toEqual([ids[0]]);
    await expect(
      fx.run(async (ctx) => (ctx.workbook.worksheets.getItem('S').getRange().conditionalFormats.getItem(ids[1]).delete(), ctx.sync())),
    ).rejects.toMatchObject({
      code: 'ItemNotFound',
    });
  });
});
