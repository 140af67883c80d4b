// Reads the 情况说明: from plain text (a .txt, or a .docx's raw text the adapter extracted), or from a sheet
// of the workbook named 情况说明 (or whose first text cell says 情况说明), one paragraph per row.
import type { NarrativeDocument, NarrativeParagraph, NarrativeSource } from '../../core/narrative';
import type { SheetSnapshot, WorkbookSnapshot } from '../../port/snapshot';

/** Paragraphs of a text: one per line; blank lines separate nothing more (they are dropped). */
export function narrativeFromText(text: string, source: NarrativeSource): NarrativeDocument {
  const paragraphs: NarrativeParagraph[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ text: line }));
  return { source, paragraphs };
}

function firstText(sheet: SheetSnapshot): string | null {
  for (const row of sheet.values) for (const v of row) if (typeof v === 'string' && v.trim() !== '') return v;
  return null;
}

const NAME = '情况说明';

/**
 * The narrative sheet: one named 情况说明 (exactly, then one whose name holds it, e.g. 情况说明（草稿）), else
 * the first whose first text cell says 情况说明. Null when the workbook has none.
 */
export function findNarrativeSheet(snapshot: WorkbookSnapshot): SheetSnapshot | null {
  const byName = (s: SheetSnapshot) => s.name.trim().replace(/\s/g, '');
  return (
    snapshot.sheets.find((s) => byName(s) === NAME) ??
    snapshot.sheets.find((s) => byName(s).includes(NAME)) ??
    snapshot.sheets.find((s) => (firstText(s) ?? '').replace(/\s/g, '').includes(NAME)) ??
    null
  );
}

/** One paragraph per row: the row's text cells joined, located at its first text cell. */
export function narrativeFromSheet(sheet: SheetSnapshot): NarrativeDocument {
  const paragraphs: NarrativeParagraph[] = [];
  sheet.values.forEach((row, r) => {
    let text = '';
    let col = -1;
    row.forEach((v, c) => {
      if (v === null || v === undefined || String(v).trim() === '') return;
      if (col < 0) col = c;
      text += String(v);
    });
    if (col >= 0) paragraphs.push({ text, cell: { sheet: sheet.name, row: sheet.originRow + r, col: sheet.originCol + col } });
  });
  return { source: { kind: 'sheet', name: sheet.name }, paragraphs };
}
