// The workbook-level parts the lean read path needs, parsed as ExcelJS parses them (ExcelJS 4.4: book/sheet-xform,
// book/workbook-properties-xform, strings/shared-string-xform, style/styles-xform, defaultnumformats): the sheets in
// tab order, the 1904 date system, the defined names, the relationships, each cell style's number format and the
// shared strings. Anything ExcelJS would read differently from the plain case throws LeanBail.
import { LeanBail, scanXml, type Attributes } from './xml-scan';

export interface SheetEntry {
  name: string;
  id: number;
  rId: string | undefined;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  definedNames: string[];
}

/** ExcelJS's utils.xmlDecode, which it applies once more to sheet names and `str` values. */
export function excelJsXmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

export function parseWorkbookXml(xml: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false, definedNames: [] };
  scanXml(xml, {
    open(name: string, a: Attributes) {
      if (name === 'sheet') {
        if (a.name === undefined) throw new LeanBail('sheet without a name');
        info.sheets.push({ name: excelJsXmlDecode(a.name), id: parseInt(a.sheetId, 10), rId: a['r:id'] });
      } else if (name === 'workbookPr') info.date1904 = a.date1904 === '1';
      else if (name === 'definedName' && a.name !== undefined) info.definedNames.push(a.name);
    },
    text() {},
    close() {},
  });
  return info;
}

/** Relationship Id → Target. */
export function parseRels(xml: string): Map<string, string> {
  const rels = new Map<string, string>();
  scanXml(xml, {
    open(name: string, a: Attributes) {
      if (name === 'Relationship' && a.Id !== undefined && a.Target !== undefined) rels.set(a.Id, a.Target);
    },
    text() {},
    close() {},
  });
  return rels;
}

// ExcelJS's default number formats (lib/xlsx/defaultnumformats.js, the entries with a culture-free code).
const DEFAULT_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The number format of each cell style (cellXfs index), undefined where ExcelJS gives none. */
export function parseStyles(xml: string): (string | undefined)[] {
  const codes = new Map<number, string>();
  const xfNumFmt: number[] = [];
  let inCellXfs = false;
  let depthInXf = 0;
  scanXml(xml, {
    open(name: string, a: Attributes, self: boolean) {
      if (name === 'numFmt') {
        if (a.formatCode === undefined) throw new LeanBail('numFmt without a code');
        codes.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, '$1'));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (inCellXfs && name === 'xf' && depthInXf === 0) {
        xfNumFmt.push(parseInt(a.numFmtId, 10));
        if (!self) depthInXf = 1;
      } else if (depthInXf > 0 && !self) depthInXf++;
    },
    text() {},
    close(name: string) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (depthInXf > 0) depthInXf--;
    },
  });
  return xfNumFmt.map((id) => (id ? (codes.get(id) ?? DEFAULT_FORMATS[id]) : undefined));
}

/** TextXform's model: the text with _xHHHH_ escapes replaced. */
export function unescapeText(parts: string): string {
  return parts.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The shared strings as the snapshot reads them: a plain <t> gives its text, runs (<r>) their texts joined;
 * phonetic runs (<rPh>) are left out, as ExcelJS leaves them out.
 */
export function parseSharedStrings(xml: string): string[] {
  const values: string[] = [];
  let inSi = false;
  let plain: string | undefined;
  let runs: string[] | null = null;
  let inRun = false;
  let inPhonetic = 0;
  let text: string[] | null = null;
  let runText: string | undefined;
  scanXml(xml, {
    open(name: string) {
      if (name === 'si') {
        if (inSi) throw new LeanBail('nested si');
        inSi = true;
        plain = undefined;
        runs = null;
        return;
      }
      if (!inSi) return;
      if (inPhonetic > 0 || name === 'rPh') {
        inPhonetic++;
        return;
      }
      if (name === 't') {
        if (text) throw new LeanBail('nested t');
        text = [];
      } else if (name === 'r' && !inRun) {
        inRun = true;
        runText = undefined;
      }
      // Anything else (phoneticPr, run properties) ExcelJS ignores, and so do we; a <t> or <r> inside it is
      // read as ExcelJS reads it, as if it stood in the <si>.
    },
    text(t: string) {
      if (text && inPhonetic === 0) text.push(t);
    },
    close(name: string) {
      if (!inSi) return;
      if (inPhonetic > 0) {
        inPhonetic--;
        return;
      }
      if (name === 't' && text) {
        const value = unescapeText(text.join(''));
        text = null;
        if (inRun) runText = value;
        else plain = value;
      } else if (name === 'r' && inRun) {
        inRun = false;
        (runs ??= []).push(runText ?? '');
      } else if (name === 'si') {
        inSi = false;
        // An empty <si>, or one mixing plain text and runs, gives ExcelJS an odd value: the full load decides.
        if ((plain === undefined) === (runs === null)) throw new LeanBail('shared string shape');
        values.push(plain ?? (runs as unknown as string[]).join(''));
      }
    },
  });
  return values;
}
