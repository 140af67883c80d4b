// Checks against the classification catalogs: code shape, parent rows, names.
import { rowKind } from '../keys';
import { CLASS_LIST_YEAR, codeShapeProblem, knownName, NAMES_2018 } from '../catalogs/functional';
import { economicItem } from '../catalogs/economic';
import type { Rule } from './engine';
import { normName } from './names';

export const CATALOG_RULES: Rule[] = [
  {
    id: 'C1',
    severity: 'error',
    title: '功能分类科目编码的形状：类 3 位、款 5 位、项 7 位，类须存在',
    run(ctx) {
      for (const t of Object.values(ctx.accounts.tables)) {
        if (!t) continue;
        for (const row of t.rows) {
          if (!row.code || rowKind(row.key) !== 'code') continue;
          const problem = codeShapeProblem(row.code);
          if (!problem) continue;
          const why = problem === 'shape' ? '功能分类编码应为 3 位（类）、5 位（款）或 7 位（项）数字' : `不存在“${row.code.slice(0, 3)}”这个类`;
          ctx.emit(t, 'error', `${ctx.name(t)}科目编码“${row.code}”（${row.label}）不是有效编码：${why}。`, row.codeRef ? [row.codeRef] : []);
        }
      }
    },
  },
  {
    id: 'C2',
    severity: 'error',
    title: '款须在其类之下、项须在其款之下（上级行存在且位置正确）',
    run(ctx) {
      for (const t of Object.values(ctx.accounts.tables)) {
        if (!t) continue;
        const coded = t.rows.filter((r) => r.code && rowKind(r.key) === 'code' && !codeShapeProblem(r.code));
        let codes: Set<string> | null = null;
        let currentClass: string | null = null;
        let currentKuan: string | null = null;
        for (const row of coded) {
          const code = row.code!;
          if (code.length === 3) {
            currentClass = code;
            currentKuan = null;
            continue;
          }
          const current = code.length === 5 ? currentClass : currentKuan;
          // The usual case: the row right above at the parent level is its parent (no lookup, no slice).
          if (current !== null && current.length === code.length - 2 && code.startsWith(current)) {
            if (code.length === 5) currentKuan = code;
            continue;
          }
          const parent = code.slice(0, code.length - 2);
          codes ??= new Set(coded.map((r) => r.code!));
          if (!codes.has(parent)) {
            ctx.emit(
              t,
              'error',
              `${ctx.name(t)}科目“${code} ${row.label}”的上级科目“${parent}”没有列出。各级科目应完整列示（类、款、项）。`,
              row.codeRef ? [row.codeRef] : [],
            );
          } else if (code.length === 5 ? currentClass !== parent : currentKuan !== parent) {
            ctx.emit(t, 'error', `${ctx.name(t)}科目“${code} ${row.label}”没有排在其上级科目“${parent}”之下。`, row.codeRef ? [row.codeRef] : []);
          }
          if (code.length === 5) currentKuan = code;
        }
      }
    },
  },
  {
    id: 'C3',
    severity: 'warning',
    title: '科目名称与编码对应（与已知科目名称表比较）',
    run(ctx) {
      const older = ctx.profile.classLists.some((l) => CLASS_LIST_YEAR[l] < 2019);
      for (const t of Object.values(ctx.accounts.tables)) {
        if (!t) continue;
        for (const row of t.rows) {
          if (!row.code || !row.label) continue;
          const kind = rowKind(row.key);
          const known = kind === 'econ' ? economicItem(row.code)?.name : kind === 'code' ? knownName(row.code) : undefined;
          if (!known || known === row.label || normName(known) === normName(row.label)) continue;
          // A 2018 set prints the names of its catalog year (docs/department-2018.md).
          if (older && NAMES_2018.get(row.code)?.some((n) => normName(n) === normName(row.label))) continue;
          ctx.emit(
            t,
            'warning',
            `${ctx.name(t)}科目“${row.code}”的名称写作“${row.label}”，科目表中为“${known}”。请核对编码与名称是否对应。`,
            row.labelRef ? [row.labelRef] : [],
          );
        }
      }
    },
  },
];
