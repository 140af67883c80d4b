// The batch summary CSV: no text we write can become a formula in Excel or WPS (#14).
import { csvField, summaryCsv } from '../../src/cli/batch/summary';
import type { BatchRow } from '../../src/cli/batch/task';

const row = (file: string, unit: string | null, errors = 0): BatchRow => ({
  file,
  status: 'ok',
  kind: 'tables',
  unit,
  year: 2024,
  profile: 'fuzhou-2024',
  errors,
  warnings: 0,
  tails: 0,
  performanceTables: 0,
  totalIssues: 0,
  ms: 5,
});

test('a text that starts like a formula gets a leading apostrophe; numbers, including negative ones, stay numbers', () => {
  for (const s of ['=HYPERLINK("http://x","y")', '=1+1.xlsx', '@SUM(A1).xlsx', '+1', '-1+2', '\t=1']) {
    const field = csvField(s);
    expect(field.startsWith(`"'`)).toBe(true);
    // Unquoted, the field reads back as the text with its apostrophe: nothing else changed.
    expect(field.slice(1, -1).replace(/""/g, '"')).toBe(`'${s}`);
  }
  expect(csvField(-3)).toBe('-3');
  expect(csvField('福州市工业和信息化局（本级）')).toBe('福州市工业和信息化局（本级）');
});

test('in the summary, a hostile file and unit name are text, every other field as before', () => {
  const csv = summaryCsv([row('/in/=1+1.xlsx', '=HYPERLINK("http://x","y")', 2), row('/in/a.xlsx', '单位', 0)], 'check');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[1].startsWith(`"'=1+1.xlsx",公开表,"'=HYPERLINK(""http://x"",""y"")",2024,`)).toBe(true);
  expect(lines[2].startsWith('a.xlsx,公开表,单位,2024,')).toBe(true);
  // No field of any line starts with a formula character outside quotes.
  for (const line of lines) expect(line.split(',').some((f) => /^[=+\-@]/.test(f))).toBe(false);
});
