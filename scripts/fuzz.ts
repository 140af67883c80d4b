// `npm run fuzz -- --count 10000 [--seed 14]`: the large fuzz run (test/reliability/fuzz-engine.ts) and the
// broken-file table, each broken file run through the CLI in its own process (time, peak memory, exit code,
// message). Writes docs/reliability.md with the figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFuzzer, CLASSES, type CaseResult } from '../test/reliability/fuzz-engine';
import { oleFile } from '../test/reliability/ole-craft';
import { bombEntry, craftZip, deflatedEntry, SHEET_HEAD, withEntry } from '../test/reliability/zip-craft';

const ROOT = join(__dirname, '..');
const HANG_MS = 10_000;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} expects a positive integer`);
  return v;
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

async function fuzz(count: number, seed: number) {
  const fuzzer = await makeFuzzer(seed);
  const results: CaseResult[] = [];
  let peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const r = await fuzzer.run(i);
    // The figures only: the messages of 10,000 inputs are not kept.
    results.push({ ...r, what: r.problems.length ? r.what : '' });
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if ((i + 1) % 500 === 0) process.stderr.write(`${i + 1}/${count} (${Math.round((performance.now() - t0) / 1000)} s)\n`);
  }
  return { results, peakRss, seconds: (performance.now() - t0) / 1000 };
}

interface BrokenRow {
  input: string;
  code: number | null;
  message: string;
  ms: number;
  peakKb: number;
}

/** One CLI run in a fresh process (tsx), timed, with its peak resident memory. */
function cli(args: string[]): Omit<BrokenRow, 'input'> {
  const code = `require(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))}).main(${JSON.stringify(args)}, { out: () => {}, err: (t) => process.stderr.write(t + '\\n') }).then((c) => { process.stdout.write(String(process.resourceUsage().maxRSS)); process.exitCode = c; });`;
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-r', require.resolve('tsx/cjs'), '-e', code], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, message: r.stderr.trim().split('\n')[0] ?? '', ms: performance.now() - t, peakKb: Number(r.stdout) || 0 };
}

function brokenFiles(dir: string): [string, string, string[]][] {
  const small = readFileSync(join(ROOT, 'examples', 'shanghai-putuo-czj-2024.xlsx'));
  const put = (name: string, data: Uint8Array | string) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const sheet = 'xl/worksheets/sheet1.xml';
  const rows = Array.from(
    { length: 40_000 },
    (_, r) =>
      `<row r="${r + 1}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r + c}</v></c>`).join('')}</row>`,
  ).join('');
  return [
    ['正常的工作簿（对照）', put('正常.xlsx', small), []],
    ['空文件', put('空.xlsx', ''), []],
    ['文本文件改名为 .xlsx', put('文本.xlsx', '这不是一个工作簿'), []],
    ['CSV 改名为 .xlsx', put('csv.xlsx', '单位,金额\n甲,12\n'), []],
    ['截断一半的 .xlsx', put('截断.xlsx', small.subarray(0, small.length >> 1)), []],
    ['有打开密码的 .xlsx（OLE + EncryptionInfo）', put('加密.xlsx', oleFile(['EncryptionInfo', 'EncryptedPackage'])), []],
    ['.xls（OLE，无 EncryptionInfo）', put('旧版.xlsx', oleFile(['Workbook'])), []],
    [
      '.xlsb（zip 中是 xl/workbook.bin）',
      put('二进制.xlsx', craftZip([deflatedEntry('[Content_Types].xml', '<Types/>'), deflatedEntry('xl/workbook.bin', 'x')])),
      [],
    ],
    [
      'XML 含外部实体（XXE）',
      put(
        'xxe.xlsx',
        withEntry(small, deflatedEntry('xl/workbook.xml', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook>&e;</workbook>')),
      ),
      [],
    ],
    ['1 MB 的 zip 炸弹（工作表解压 1 GB）', put('炸弹.xlsx', withEntry(small, bombEntry(sheet, SHEET_HEAD('A1'), 1024))), []],
    ['目录谎报大小的 zip 炸弹（声明 20 KB，实为 1 GB）', put('谎报.xlsx', withEntry(small, bombEntry(sheet, SHEET_HEAD('A1'), 1024, 20_000))), []],
    ['工作表 <dimension> 100 万行 × 26 列、30 MB', put('百万行.xlsx', withEntry(small, bombEntry(sheet, SHEET_HEAD('A1:Z1000000'), 30))), []],
    [
      '40 万个单元格，--timeout 1',
      put('慢.xlsx', withEntry(small, deflatedEntry(sheet, `${SHEET_HEAD('A1:J40000')}${rows}</sheetData></worksheet>`))),
      ['--timeout', '1'],
    ],
  ];
}

function table(rows: string[][]): string {
  const [head, ...body] = rows;
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...body.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');
}

async function main() {
  const count = option('--count', 10_000);
  const seed = option('--seed', 14);
  const run = await fuzz(count, seed);
  const { results } = run;
  const crashes = results.filter((r) => r.outcome === 'crash');
  const hangs = results.filter((r) => r.ms > HANG_MS);
  // Crashes first: they are the ones to read.
  const broken = results.filter((r) => r.problems.length).sort((a, b) => Number(b.outcome === 'crash') - Number(a.outcome === 'crash'));
  const worst = results.reduce((a, b) => (b.ms > a.ms ? b : a));
  const byClass = CLASSES.map((cls) => {
    const rs = results.filter((r) => r.cls === cls);
    return [
      cls,
      String(rs.length),
      String(rs.filter((r) => r.outcome === 'refused').length),
      String(rs.reduce((s, r) => s + r.corrupted, 0)),
      String(rs.filter((r) => r.outputsChecked).length),
      String(Math.round(Math.max(...rs.map((r) => r.ms)))),
    ];
  });
  process.stderr.write('broken-file table …\n');
  const dir = mkdtempSync(join(tmpdir(), 'fa-fuzz-'));
  const rows: BrokenRow[] = [];
  try {
    for (const [input, path, extra] of brokenFiles(dir)) {
      const row = cli(['check', path, ...extra]);
      rows.push({ input, ...row, message: row.message.split(dir).join('…') });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const doc = readFileSync(join(ROOT, 'docs', 'reliability.md'), 'utf8');
  const figures = [
    `<!-- fuzz:begin (written by npm run fuzz; do not edit by hand) -->`,
    `Run of ${new Date().toISOString().slice(0, 10)}: \`npm run fuzz -- --count ${count} --seed ${seed}\`, ${cpus().length} cores (shared with other work), Node ${process.version}.`,
    '',
    table([
      ['inputs tried', 'crashes', 'hangs (> 10 s)', 'broken promises', 'worst time', 'peak memory (RSS)', 'total time'],
      [
        String(count),
        String(crashes.length),
        String(hangs.length),
        String(broken.length),
        `${Math.round(worst.ms)} ms (${worst.cls} #${worst.index})`,
        mb(run.peakRss),
        `${Math.round(run.seconds)} s`,
      ],
    ]),
    '',
    'By class (refused: the file was not read, with its Chinese cause; corrupted: amount cells made unreadable, each of which must be named by a finding at its cell; outputs: inputs whose marked copy and generated workbook were written and read back):',
    '',
    table([['class', 'inputs', 'refused', 'corrupted cells', 'outputs written', 'worst ms'], ...byClass]),
    ...(broken.length
      ? [
          '',
          'Broken promises (first 20):',
          '',
          ...broken.slice(0, 20).map((r) => `- #${r.index} ${r.cls} ${r.what.slice(0, 200)}: ${r.problems[0].slice(0, 300)}`),
        ]
      : []),
    '',
    '### Broken files through the CLI',
    '',
    '`final-accounts check <file>` in a fresh process (through tsx: its start, about 1 s and 100 MB, is in every row; the first row is a normal workbook for comparison).',
    '',
    table([
      ['input', 'exit code', 'message (first line)', 'time', 'peak memory'],
      ...rows.map((r) => [r.input, String(r.code), r.message.slice(0, 160), `${(r.ms / 1000).toFixed(1)} s`, mb(r.peakKb * 1024)]),
    ]),
    `<!-- fuzz:end -->`,
  ].join('\n');
  const out = doc.replace(/<!-- fuzz:begin[\s\S]*<!-- fuzz:end -->/, figures);
  writeFileSync(join(ROOT, 'docs', 'reliability.md'), out);
  process.stderr.write(
    `${count} inputs, ${crashes.length} crashes, ${hangs.length} hangs, ${broken.length} broken promises; docs/reliability.md written\n`,
  );
  process.exitCode = crashes.length || hangs.length || broken.length ? 1 : 0;
}

void main();
