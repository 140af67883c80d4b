// The example 情况说明 (#13): the Fuzhou document's 第三部分 exactly as printed (test/fixtures/fuzhou-gxj-2024/
// narrative.txt, real errors included), as a .docx and as a 情况说明 sheet of the example workbook.
import { writeFileSync } from 'node:fs';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type ExcelJS from 'exceljs';

/** The paragraphs of the text: one per non-blank line, as written. */
export function narrativeParagraphs(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

const SECTION = /^\s*[一二三四五六七八九十]{1,3}\s*、/;
const SUBSECTION = /^\s*[(（][一二三四五六七八九十]{1,3}[)）]/;

/** One row per paragraph in column A, wrapped; every value a plain string (never a formula). */
export function addNarrativeSheet(wb: ExcelJS.Workbook, text: string, name = '情况说明'): void {
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = 120;
  narrativeParagraphs(text).forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (SECTION.test(line)) cell.font = { bold: true };
  });
}

/** The same text as a Word document: 黑体 for the title and 一、 headings, 楷体 for (一), 仿宋 for the body. */
export async function writeNarrativeDocx(path: string, text: string): Promise<void> {
  const lines = narrativeParagraphs(text);
  const children = lines.map((line, i) => {
    const title = i < 2;
    const font = title || SECTION.test(line) ? '黑体' : SUBSECTION.test(line) ? '楷体' : '仿宋';
    return new Paragraph({
      alignment: title ? AlignmentType.CENTER : AlignmentType.LEFT,
      indent: title ? undefined : { firstLine: 640 },
      children: [new TextRun({ text: line, font: { eastAsia: font, ascii: font }, size: title ? 36 : 32 })],
    });
  });
  const doc = new Document({ creator: '决算公开助手 examples', title: '2024 年度单位决算情况说明', sections: [{ children }] });
  writeFileSync(path, await Packer.toBuffer(doc));
  console.log(`wrote ${path}`);
}
