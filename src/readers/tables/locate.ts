// Finds the tables of a workbook: anchors (title and/or 公开0X表 marker) and the rows each table spans.
import type { TableTopic } from '../../core/model';
import { PROFILES } from '../../core/profiles';
import { cellAt, lastCol, lastRow, type SheetSnapshot, type WorkbookSnapshot } from '../../port/snapshot';
import type { Region } from '../../kinds/read/region';
import { memoText } from '../../core/memo';
import { norm } from '../../kinds/read/text';

export interface Anchor {
  sheet: SheetSnapshot;
  row: number;
  col: number;
  /** From the title, when one was found. */
  topic: TableTopic | null;
  titleText: string | null;
  /** The number in 公开0X表, when a marker was found. */
  markerNo: number | null;
  markerRow: number | null;
  markerCol: number | null;
}

export interface LocatedTable {
  anchor: Anchor;
  region: Region;
}

interface TitleEntry {
  title: string;
  topic: TableTopic;
}

/** Every title and alias of every profile, longest first so 财政拨款收入支出决算总表 wins over 收入支出决算总表. */
const TITLES: TitleEntry[] = (() => {
  const seen = new Map<string, TableTopic>();
  for (const p of PROFILES) {
    for (const spec of Object.values(p.tables)) {
      for (const t of [spec.title, ...(spec.titleAliases ?? [])]) seen.set(norm(t), spec.topic);
    }
  }
  seen.set(norm('国有资本经营预算财政拨款(收入)支出决算表'), 'stateCapital');
  return [...seen.entries()].map(([title, topic]) => ({ title, topic })).sort((a, b) => b.title.length - a.title.length);
})();

const MARKER = /公开0?([1-9])表/;

const matchTitle = memoText((text: string): TitleEntry | null => {
  const t = norm(text).replace(/\(续\)$/, '');
  // Every title ends in 表: most cells are out at once.
  if (!t.endsWith('表')) return null;
  if (t.length === 0 || /[。；;]/.test(t) || t.startsWith('注')) return null;
  for (const e of TITLES) {
    const i = t.lastIndexOf(e.title);
    // The title ends the text (a unit name or year may stand before it); long sentences are not titles.
    if (i >= 0 && i + e.title.length === t.length && t.length <= e.title.length + 40) {
      const before = t.slice(0, i);
      // A leading ordinal ("一、收入支出决算总表") is a section heading of a document, still a title.
      if (/(表|说明|情况)$/.test(before)) return null;
      return e;
    }
  }
  return null;
});

function matchMarker(text: string): number | null {
  const t = norm(text);
  const m = MARKER.exec(t);
  return m && t.length <= 12 ? Number(m[1]) : null;
}

function findAnchors(sheet: SheetSnapshot): Anchor[] {
  const titles: Anchor[] = [];
  const markers: Array<{ row: number; col: number; no: number }> = [];
  const bottom = lastRow(sheet);
  const right = lastCol(sheet);
  for (let r = sheet.originRow; r <= bottom; r++) {
    for (let c = sheet.originCol; c <= right; c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v !== 'string') continue;
      const no = matchMarker(v);
      if (no !== null) {
        markers.push({ row: r, col: c, no });
        continue;
      }
      const t = matchTitle(v);
      if (t) {
        titles.push({ sheet, row: r, col: c, topic: t.topic, titleText: v.trim(), markerNo: null, markerRow: null, markerCol: null });
      }
    }
  }
  // A heading repeated just above the title ("一、收入支出决算总表" then "收入支出决算总表"): keep the lower one.
  const deduped = titles.filter((a, i) => {
    const next = titles.slice(i + 1).find((b) => b.topic === a.topic);
    return !(next && next.row - a.row <= 3);
  });
  for (const m of markers) {
    const near = deduped
      .filter((a) => a.markerNo === null && Math.abs(a.row - m.row) <= 4)
      .sort((a, b) => Math.abs(a.row - m.row) - Math.abs(b.row - m.row))[0];
    if (near) {
      near.markerNo = m.no;
      near.markerRow = m.row;
      near.markerCol = m.col;
    } else {
      deduped.push({ sheet, row: m.row, col: m.col, topic: null, titleText: null, markerNo: m.no, markerRow: m.row, markerCol: m.col });
    }
  }
  return deduped.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Tables stacked on a sheet end where the next one starts; the last one runs to the sheet's last row. */
export function locateTables(snapshot: WorkbookSnapshot): LocatedTable[] {
  const out: LocatedTable[] = [];
  for (const sheet of snapshot.sheets) {
    const anchors = findAnchors(sheet);
    anchors.forEach((a, i) => {
      const next = anchors[i + 1];
      const top = Math.min(a.row, a.markerRow ?? a.row);
      const bottom = next ? Math.min(next.row, next.markerRow ?? next.row) - 1 : lastRow(sheet);
      out.push({ anchor: a, region: { sheet, top, bottom, left: sheet.originCol, right: lastCol(sheet) } });
    });
  }
  return out;
}
