// `final-accounts check --narrative`: the JSON contract, .docx and .txt giving the same result, the workbook's
// own 情况说明 sheet by default, and bad input (old .doc, empty .docx, text without figures, missing file).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { FUZHOU_XLSX, ROOT } from '../helpers/example';
import { fixturePath, readFixture } from '../helpers/fixtures';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = mkdtempSync(join(tmpdir(), 'fa-narrative-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const TXT = fixturePath('fuzhou-gxj-2024/narrative.txt');

interface FigureJson {
  text: string;
  value: number;
  kind: string;
  paragraph: number;
  sentence: string;
  subject: string | null;
  status: string;
  cells: string[];
  expected?: number;
}
interface FindingJson {
  rule: string;
  severity: string;
  table: string;
  cells: string[];
  location?: { paragraph: number; sentence: number; cell?: string };
}

async function docx(path: string, lines: string[]): Promise<void> {
  const doc = new Document({ sections: [{ children: lines.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
  writeFileSync(path, await Packer.toBuffer(doc));
}

describe('check --narrative', () => {
  let txtJson: { narrative: { source: string; figures: FigureJson[] }; findings: FindingJson[] };

  beforeAll(async () => {
    txtJson = JSON.parse((await run(['check', FUZHOU_XLSX, '--narrative', TXT, '--json'])).out);
  });

  it('adds "narrative" with every figure, and N findings with their location to "findings"', () => {
    const n = txtJson.narrative;
    expect(n.source).toBe(TXT);
    const personnel = n.figures.find((f) => f.subject === '人员经费')!;
    expect(personnel).toMatchObject({
      text: '3048.19万元',
      value: 3048.19,
      kind: 'amount',
      paragraph: 65,
      status: 'ok',
      cells: ['公开06表 一般公共预算财政拨款基本支出决算表!C37'],
      expected: 3048.19,
    });
    expect(personnel.sentence.startsWith('(一) 人员经费3048.19万元')).toBe(true);
    expect(new Set(n.figures.map((f) => f.kind))).toEqual(new Set(['amount', 'share', 'change', 'rate', 'count']));
    expect(n.figures.filter((f) => f.status !== 'unverified').length).toBeGreaterThanOrEqual(90);
    const ns = txtJson.findings.filter((f) => f.table === '情况说明');
    expect(ns.map((f) => [f.rule, f.severity, f.location])).toEqual([
      ['N9', 'warning', { paragraph: 49, sentence: 1 }],
      ['N1', 'warning', { paragraph: 77, sentence: 1 }],
      ['N2', 'error', { paragraph: 82, sentence: 2 }],
    ]);
  });

  it('reads a .docx (the committed example and one written here) to the same figures as the .txt', async () => {
    const path = join(tmp, '情况说明.docx');
    await docx(path, readFixture('fuzhou-gxj-2024/narrative.txt').split('\n'));
    for (const file of [path, join(ROOT, 'examples', 'fuzhou-gxj-2024-narrative.docx')]) {
      const j = JSON.parse((await run(['check', FUZHOU_XLSX, '--narrative', file, '--json'])).out);
      const shape = (fs: FigureJson[]) => fs.map((f) => [f.text, f.status, f.subject, f.cells.join()]);
      expect(shape(j.narrative.figures)).toEqual(shape(txtJson.narrative.figures));
    }
  });

  it('without --narrative uses the workbook’s 情况说明 sheet, findings at its cells', async () => {
    const j = JSON.parse((await run(['check', FUZHOU_XLSX, '--json'])).out);
    expect(j.narrative.source).toBe('情况说明');
    expect(j.narrative.figures).toHaveLength(txtJson.narrative.figures.length);
    const ns = (j.findings as FindingJson[]).filter((f) => f.table === '情况说明');
    expect(ns.map((f) => f.location?.cell)).toEqual(['情况说明!A49', '情况说明!A77', '情况说明!A82']);
    expect(ns.map((f) => f.cells[0])).toEqual(['情况说明!A49', '情况说明!A77', '情况说明!A82']);
  });

  it('--marked marks the 情况说明 sheet’s cells like the tables’: fill by severity and the message as a note', async () => {
    const marked = join(tmp, 'marked.xlsx');
    expect((await run(['check', FUZHOU_XLSX, '--marked', marked])).code).toBe(1);
    const ws = (await new ExcelJS.Workbook().xlsx.readFile(marked)).getWorksheet('情况说明')!;
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const note = (a: string) => {
      const n = ws.getCell(a).note;
      return typeof n === 'string' ? n : (n?.texts?.map((t) => t.text).join('') ?? '');
    };
    expect([fill('A82'), fill('A49'), fill('A77'), fill('A5')]).toEqual(['FFFFC7CE', 'FFFFEB9C', 'FFFFEB9C', undefined]);
    expect(note('A82')).toContain('N2');
    expect(note('A82')).toContain('政府采购服务支出的占比应约为 99.80%');
    // The text itself is kept exactly as written.
    expect(ws.getCell('A49').value).toBe('改贴息费用增加 850.23 万元。。');
  });

  it('--narrative with a folder is refused in Chinese', async () => {
    const r = await run(['check', tmp, '--narrative', TXT]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('错误：--narrative 只能与单个工作簿一起使用，不能用于文件夹批量检查。');
  });

  it('a workbook without a 情况说明 sheet has no "narrative"', async () => {
    const j = JSON.parse((await run(['check', join(ROOT, 'examples', 'shanghai-putuo-czj-2024.xlsx'), '--json'])).out);
    expect(j.narrative).toBeUndefined();
    expect((j.findings as FindingJson[]).filter((f) => /^N\d+$/.test(f.rule))).toEqual([]);
  });

  it('the text output summarises the narrative check in Chinese', async () => {
    const r = await run(['check', FUZHOU_XLSX, '--narrative', TXT]);
    expect(r.out).toContain(`■ 情况说明（${TXT}） — 错误 1，提示 2，尾差 0`);
    expect(r.out).toMatch(
      /情况说明核对（文件“.*narrative\.txt”）：共找到 \d+ 个数字，已与公开表或其他数字核对 \d+ 个（一致 \d+，尾差 0，错误 1，提示 1），未核对 \d+ 个。/,
    );
    expect(r.out).toContain('未核对 20 个：原因说明中的明细数，公开表不单列');
  });
});

describe('check --narrative: bad input', () => {
  it('an old Word .doc is refused with a Chinese message, exit code 2', async () => {
    const path = join(tmp, '情况说明.doc');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    const r = await run(['check', FUZHOU_XLSX, '--narrative', path]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`错误：“${path}”是旧版 Word 文档（.doc），无法读取。请在 Word 或 WPS 中“另存为” Word 文档（*.docx）或纯文本（*.txt）后再试。`);
  });

  it('a .doc renamed .docx is refused the same way; a broken .docx says it is not a Word document', async () => {
    const renamed = join(tmp, 'renamed.docx');
    writeFileSync(renamed, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]));
    expect((await run(['check', FUZHOU_XLSX, '--narrative', renamed])).err).toContain('旧版 Word 文档');
    const broken = join(tmp, 'broken.docx');
    writeFileSync(broken, 'PK\u0003\u0004 not really a zip');
    const r = await run(['check', FUZHOU_XLSX, '--narrative', broken]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误：无法读取“.*broken\.docx”：它不是有效的 Word 文档（\.docx）/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('an empty .docx: a Chinese message, exit code 2', async () => {
    const path = join(tmp, 'empty.docx');
    await docx(path, []);
    const r = await run(['check', FUZHOU_XLSX, '--narrative', path]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`错误：情况说明文件“${path}”中没有任何文字。`);
  });

  it('a text without figures: the check runs and says so (N10 提示), no crash', async () => {
    const path = join(tmp, 'no-figures.txt');
    writeFileSync(path, '本单位认真落实过紧日子要求。\n');
    const r = await run(['check', FUZHOU_XLSX, '--narrative', path, '--json']);
    const j = JSON.parse(r.out);
    expect(j.narrative.figures).toEqual([]);
    const n10 = (j.findings as Array<FindingJson & { message: string }>).filter((f) => f.rule === 'N10');
    expect(n10.map((f) => [f.severity, f.message])).toEqual([
      ['warning', `情况说明“${path}”中没有找到任何金额、百分比或数量，无法与公开表核对；请确认选择的是情况说明。`],
    ]);
    expect((await run(['check', FUZHOU_XLSX, '--narrative', path])).out).toContain('情况说明中没有找到任何金额、百分比或数量。');
  });

  it('a figure in a subject the product does not know is listed as 未核对 with the reason', async () => {
    const path = join(tmp, 'unknown.txt');
    writeFileSync(path, '本年度举办展会支出 88.00 万元。\n');
    const j = JSON.parse((await run(['check', FUZHOU_XLSX, '--narrative', path, '--json'])).out);
    expect(j.narrative.figures).toEqual([
      expect.objectContaining({ text: '88.00 万元', status: 'unverified', subject: null, note: '无法从句子确定这个金额指的是哪一项，未核对' }),
    ]);
  });

  it('a missing file, another extension: Chinese messages', async () => {
    expect((await run(['check', FUZHOU_XLSX, '--narrative', join(tmp, 'nope.docx')])).err).toBe(
      `错误：找不到情况说明文件“${join(tmp, 'nope.docx')}”。`,
    );
    const pdf = join(tmp, 'x.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    expect((await run(['check', FUZHOU_XLSX, '--narrative', pdf])).err).toContain('请使用 Word 文档（.docx）或纯文本（.txt）');
  });

  it('a .txt saved as GBK reads the same as UTF-8', async () => {
    const path = join(tmp, 'gbk.txt');
    // 人员经费3048.19万元。 in GB18030: 人 c8cb, 员 d4b1, 经 bead, 费 b7d1, the digits in ASCII, 万 cdf2, 元 d4aa, 。 a1a3.
    const gbk = Buffer.from('c8cbd4b1beadb7d1' + '333034382e3139' + 'cdf2d4aaa1a3', 'hex');
    writeFileSync(path, gbk);
    const j = JSON.parse((await run(['check', FUZHOU_XLSX, '--narrative', path, '--json'])).out);
    expect(j.narrative.figures.map((f: FigureJson) => [f.subject, f.status])).toEqual([['人员经费', 'ok']]);
  });
});
