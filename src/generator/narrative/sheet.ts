// The draft as a sheet: one paragraph per row in column A, wide and wrapped for reading.
import type { SheetLayout } from '../../port/layout';
import type { NarrativeDraft, ParagraphLevel } from './model';

export const DRAFT_SHEET_NAME = '情况说明（草稿）';

const STYLE: Record<ParagraphLevel, { bold?: boolean; fontSize: number; hAlign?: 'center' }> = {
  title: { bold: true, fontSize: 16, hAlign: 'center' },
  h1: { bold: true, fontSize: 12 },
  h2: { bold: true, fontSize: 11 },
  body: { fontSize: 11 },
};

export function draftSheet(draft: NarrativeDraft, name = DRAFT_SHEET_NAME): SheetLayout {
  return {
    name,
    cells: draft.paragraphs.map((p, row) => ({
      row,
      col: 0,
      value: p.text,
      style: { ...STYLE[p.level], wrap: true, vAlign: 'top', fontName: p.level === 'body' ? '仿宋' : '黑体' },
    })),
    merges: [],
    columnWidths: [110],
    pageSetup: { orientation: 'portrait', paperSize: 'A4', fitToWidth: true },
  };
}
