// Writes a document (port/document.ts) as a .docx with the `docx` package, in the official layout of
// government documents (GB/T 9704): title 宋体 二号 bold centred, 一、 headings 黑体 三号, （一） headings
// 楷体 三号, body 仿宋_GB2312 三号 with a two-character first-line indent. Runs in Node and in the browser.
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import type { DocumentParagraph, ParagraphLevel } from '../../port/document';

/** Half-points: 二号 22 pt, 三号 16 pt. */
const SIZE_ER = 44;
const SIZE_SAN = 32;
/** Two characters of 三号 in twips (16 pt × 2 × 20). */
const INDENT_TWO_CHARS = 640;
/** Fixed 28 pt lines (the usual 公文 line spacing), in twips. */
const LINE_28PT = 560;

const FONT: Record<ParagraphLevel, string> = { title: '宋体', h1: '黑体', h2: '楷体_GB2312', body: '仿宋_GB2312' };

function paragraph(p: DocumentParagraph): Paragraph {
  const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: FONT[p.level] };
  const run = new TextRun({ text: p.text, font, size: p.level === 'title' ? SIZE_ER : SIZE_SAN, bold: p.level === 'title' });
  return new Paragraph({
    children: [run],
    alignment: p.level === 'title' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: p.level === 'title' ? undefined : { firstLine: INDENT_TWO_CHARS },
    spacing: { line: LINE_28PT, lineRule: LineRuleType.EXACT, after: p.level === 'title' ? LINE_28PT : 0 },
    // Outline levels: the headings show in Word's navigation pane and a table of contents.
    outlineLevel: p.level === 'h1' ? 0 : p.level === 'h2' ? 1 : undefined,
  });
}

/** The .docx bytes of `paragraphs` (A4, 公文 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right). */
export async function documentDocx(paragraphs: DocumentParagraph[], title?: string): Promise<Uint8Array> {
  const mm = (n: number): number => Math.round((n / 25.4) * 1440);
  const doc = new Document({
    title,
    creator: '决算公开助手',
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } },
        children: paragraphs.map(paragraph),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
