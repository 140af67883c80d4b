// Page orientation of the generated tables: portrait (as published) unless landscape needs fewer
// A4 pages at fit-to-width or portrait would print too small.
import { join } from 'node:path';
import { FUZHOU_2024 } from '../../src/core/profiles/fuzhou-2024';
import { generate } from '../../src/app/generate';
import { chooseLandscape } from '../../src/kinds/layout/frame';
import { ROOT, snapshotOf } from '../helpers/example';

describe('chooseLandscape', () => {
  test('a narrow table is portrait, however long', () => {
    expect(chooseLandscape([12, 34, 12, 12, 12], {}, 200)).toBe(false);
  });

  test('a wide table that fits one portrait page at a readable scale stays portrait', () => {
    // 02 of the example: 130 characters wide, 53 rows — one portrait page, two landscape pages.
    expect(chooseLandscape([12, 34, 12, 12, 12, 12, 12, 12, 12], { 0: 30 }, 53)).toBe(false);
  });

  test('a table that would print below the readable scale in portrait is landscape', () => {
    expect(chooseLandscape([10, 30, 12, 10, 20, 12, 10, 38, 12], { 0: 30 }, 38)).toBe(true);
  });

  test('a short, very wide table is landscape', () => {
    expect(chooseLandscape(new Array(16).fill(12), {}, 8)).toBe(true);
  });
});

test('the Fuzhou example: only 06 (three blocks side by side) is printed landscape', async () => {
  const snapshot = await snapshotOf(join(ROOT, 'examples', 'fuzhou-gxj-2024-workings.xlsx'));
  const { sheets } = generate(snapshot, FUZHOU_2024);
  expect(sheets).toHaveLength(9);
  const landscape = sheets.filter((s) => s.pageSetup?.orientation === 'landscape').map((s) => s.name.slice(0, 5));
  expect(landscape).toEqual(['公开06表']);
  for (const s of sheets) expect(s.pageSetup).toMatchObject({ paperSize: 'A4', fitToWidth: true });
});
