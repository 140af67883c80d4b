// Reads the nine 公开 tables wherever they stand in a workbook and says which profile they match.
import { rangeText } from '../../core/cells';
import type { Finding } from '../../core/findings';
import { type FinalAccounts, type TableData, type TableId } from '../../core/model';
import { DEFAULT_PROFILE_ID, PROFILES, profileById, specsOf, type Profile, type TableSpec } from '../../core/profiles';
import { cellAt, type WorkbookSnapshot } from '../../port/snapshot';
import { readMeta, type BodyResult, type TableReadContext } from '../../kinds/read/context';
import { kindOf } from '../../kinds/registry';
import { locateTables, type LocatedTable } from './locate';
import { ref } from '../../kinds/read/region';
import { findYear, norm } from '../../kinds/read/text';

export interface ReadOptions {
  /** Force a profile; otherwise the reader picks the one the tables match best. */
  profile?: string;
}

export interface ReadResult {
  accounts: FinalAccounts;
  profile: Profile;
  /** Problems met while reading (missing table, unreadable amount, unknown row…). */
  findings: Finding[];
}

/** `公开01表（…）` where the set prints 公开 markers, `01表（…）` in the 2018 department set. */
export function tableLabel(spec: TableSpec): string {
  return `${spec.marker ? '公开' : ''}${spec.id}表（${spec.title}）`;
}

function readBody(ctx: TableReadContext, spec: TableSpec, bodyTop: number): BodyResult {
  return kindOf(spec).read(ctx, spec, bodyTop);
}

function usedRight(t: LocatedTable, bottom: number): number {
  let right = t.region.left;
  for (let r = t.region.top; r <= bottom; r++) {
    for (let c = t.region.left; c <= t.region.right; c++) if (cellAt(t.region.sheet, r, c) !== null) right = Math.max(right, c);
  }
  for (const m of t.region.sheet.merges) if (m.top >= t.region.top && m.bottom <= bottom) right = Math.max(right, m.right);
  return right;
}

interface ProfileRead extends ReadResult {
  score: number;
  /** Every table found by its exact title and marker, read without an error: no other profile can do better. */
  perfect: boolean;
}

function readWithProfile(located: LocatedTable[], profile: Profile): ProfileRead {
  const findings: Finding[] = [];
  const tables: Partial<Record<TableId, TableData>> = {};
  let score = 0;
  let imperfect = 0;
  let unitName: string | null = null;
  let year: number | null = null;
  for (const t of located) {
    const { anchor } = t;
    const spec: TableSpec | undefined = anchor.topic
      ? specsOf(profile).find((s) => s.topic === anchor.topic)
      : anchor.markerNo !== null
        ? profile.tables[`0${anchor.markerNo}` as TableId]
        : undefined;
    if (!spec) continue;
    const label = tableLabel(spec);
    if (anchor.markerNo !== null) {
      if (`0${anchor.markerNo}` === spec.id) score += 2;
      else {
        score -= 3;
        imperfect++;
        findings.push({
          table: spec.id,
          rule: 'R-MARKER',
          severity: 'warning',
          message: `“${anchor.titleText ?? spec.title}”标注为公开0${anchor.markerNo}表，按${profile.name}格式应为公开${spec.id}表。`,
          cells: [{ sheet: anchor.sheet.name, row: anchor.markerRow!, col: anchor.markerCol! }],
        });
      }
    }
    if (anchor.titleText && norm(anchor.titleText).endsWith(norm(spec.title))) score += 1;
    else imperfect++;
    if (tables[spec.id]) {
      findings.push({
        table: spec.id,
        rule: 'R-DUPTABLE',
        severity: 'warning',
        message: `工作簿中有多张${label}，只核对了第一张（工作表“${tables[spec.id]!.sheet}”），第 ${anchor.row + 1} 行的“${anchor.sheet.name}”这张未核对。`,
        cells: [{ sheet: anchor.sheet.name, row: anchor.row, col: anchor.col }],
      });
      continue;
    }
    const meta = readMeta(t.region, anchor.row, anchor.titleText);
    const ctx: TableReadContext = { id: spec.id, label, region: t.region, unit: meta.unit ?? '万元', findings: [] };
    if (!meta.unit) {
      ctx.findings.push({
        table: spec.id,
        rule: 'R-UNIT',
        severity: 'warning',
        message: `${label}没有找到“单位：万元”或“单位：元”行，已按万元读取。请在表头下注明金额单位。`,
        cells: [{ sheet: anchor.sheet.name, row: anchor.row, col: anchor.col }],
      });
    }
    const body = readBody(ctx, spec, Math.max(meta.bodyTop, (anchor.markerRow ?? anchor.row) + 1));
    const errors = ctx.findings.filter((f) => f.severity === 'error').length;
    imperfect += errors;
    score -= errors + 0.25 * ctx.findings.filter((f) => f.severity === 'warning').length;
    findings.push(...ctx.findings);
    const bottom = Math.max(body.lastRow, anchor.row);
    tables[spec.id] = {
      id: spec.id,
      topic: spec.topic,
      title: spec.title,
      sheet: anchor.sheet.name,
      range: rangeText(t.region.top, t.region.left, bottom, usedRight(t, bottom)),
      unit: ctx.unit,
      rows: body.rows,
      notes: body.notes,
      ...(body.unmatched?.length ? { unmatched: body.unmatched } : {}),
      titleRef: ref(t.region, anchor.row, anchor.col),
    };
    unitName = unitName ?? meta.unitName;
    year = year ?? meta.year ?? body.notes.map(findYear).find((y) => y !== null) ?? findYear(anchor.sheet.name);
  }
  for (const spec of specsOf(profile)) {
    const id = spec.id;
    if (!tables[id]) {
      findings.push({
        table: id,
        rule: 'R-TABLE',
        severity: 'error',
        message: `没有找到${tableLabel(spec)}。请确认工作簿中有该表，且表名${spec.marker ? `或“${spec.marker}”标注` : ''}与公开格式一致。`,
        cells: [],
      });
    }
  }
  return {
    accounts: { unitName, year, profileId: profile.id, tables },
    profile,
    findings,
    score,
    perfect: imperfect === 0 && Object.keys(tables).length > 0,
  };
}

export function readAccounts(snapshot: WorkbookSnapshot, options: ReadOptions = {}): ReadResult {
  const located = locateTables(snapshot);
  if (options.profile) {
    const profile = profileById(options.profile);
    if (!profile) throw new Error(`unknown profile ${options.profile}`);
    return readWithProfile(located, profile);
  }
  // Read with each profile and keep the one the workbook matches best (ties: the default first).
  let best: ProfileRead | null = null;
  const ordered = [profileById(DEFAULT_PROFILE_ID)!, ...PROFILES.filter((p) => p.id !== DEFAULT_PROFILE_ID)];
  for (const p of ordered) {
    const r = readWithProfile(located, p);
    if (!best || r.score > best.score) best = r;
    if (r.perfect) break; // the common case: one read, not three
  }
  const { score: _score, perfect: _perfect, ...result } = best!;
  return result;
}
