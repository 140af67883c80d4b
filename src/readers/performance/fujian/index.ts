// Finds the Fujian 2018 self-evaluation forms (one per sheet) and reads each by its own layout. The form is
// told by its content, not its heading (简易 forms are often headed 项目常规自评表): docs/fujian-forms.md.
import type { Finding } from '../../../core/findings';
import type { FujianFormRead } from '../../../core/performance/model';
import type { FujianFormId } from '../../../core/performance/rubrics/fujian-2018';
import { cellAt, lastCol, lastRow, type SheetSnapshot, type WorkbookSnapshot } from '../../../port/snapshot';
import { labelOf } from '../cells';
import { findLabel, type At } from './grid';
import { readR17 } from './r17';
import { readR18 } from './r18';
import { readS17 } from './s17';

/** How far down a form's first label may stand (below a heading or two). */
const HEAD_ROWS = 6;

/** The form a sheet holds, by its first label that is not a heading: 一.单位基本信息, 一 基础信息 or 项目名称. */
export function detectFujianForm(sheet: SheetSnapshot): { formId: FujianFormId; at: At } | null {
  for (let row = 0; row <= Math.min(HEAD_ROWS, lastRow(sheet)); row++) {
    for (let col = 0; col <= lastCol(sheet); col++) {
      const l = labelOf(cellAt(sheet, row, col));
      if (!l || /自评表\)?$/.test(l)) continue;
      if (/^一[.、]?单位基本信息/.test(l)) return { formId: 'fujian-2018-r17', at: { row, col } };
      if (/^一[.、]?基础信息/.test(l)) return { formId: 'fujian-2018-r18', at: { row, col } };
      // 项目名称 also heads the 2024 项目 table: the 简易 form is the one with 分值（E）.
      if (l === '项目名称' && findLabel(sheet, row, lastRow(sheet), (x) => x.startsWith('分值(E'))) {
        return { formId: 'fujian-2018-s17', at: { row, col } };
      }
      return null;
    }
  }
  return null;
}

const READERS = { 'fujian-2018-r17': readR17, 'fujian-2018-r18': readR18, 'fujian-2018-s17': readS17 };

export function readFujianForms(snapshot: WorkbookSnapshot): { forms: FujianFormRead[]; findings: Finding[]; sheets: Set<string> } {
  const forms: FujianFormRead[] = [];
  const findings: Finding[] = [];
  const sheets = new Set<string>();
  for (const sheet of snapshot.sheets) {
    const d = detectFujianForm(sheet);
    if (!d) continue;
    const r = READERS[d.formId](sheet, d.at);
    forms.push(r.form);
    findings.push(...r.findings);
    sheets.add(sheet.name);
  }
  return { forms, findings, sheets };
}
