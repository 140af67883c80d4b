// What the figure checks share: a figure being checked (Work), the context of one narrative, the rounding
// intervals of printed figures.
import type { CellRef } from '../cells';
import type { Finding, Severity } from '../findings';
import type { FinalAccounts } from '../model';
import { MINOR_PER_UNIT, type MoneyUnit } from '../money';
import type { TextFigure } from './figures';
import type { NarrativeSentence } from './model';
import type { FigureResult } from './result';
import { nameIndex, type NameIndex, type Resolution, type SubjectMatch } from './subjects';

/** One figure being checked, with what the checks learn about it. */
export interface Work {
  fig: TextFigure;
  result: FigureResult;
  subject: SubjectMatch | null;
  resolution: Resolution | null;
  /** The figure in 分 (amounts and changes in 万元/元). */
  minor?: number;
  /** For a share recomputed from a table cell: the amount it is a share of, and the denominator's subject id. */
  numerator?: Work;
  denominator?: string;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
export const half = (decimals: number) => 0.5 * 10 ** -decimals;

export function textUnit(unit: string): MoneyUnit | null {
  return unit === '万元' || unit === '元' ? unit : null;
}

/** Does a stated percentage (with its printed decimals) fall in the interval the figures allow? */
export function rateAgrees(stated: TextFigure, lo: number, hi: number): boolean {
  const h = half(stated.decimals) + 1e-9;
  return stated.value + h >= lo && stated.value - h <= hi;
}

/** num/den·100 over the rounding of both figures (each ± half its printed step). */
export function ratioInterval(num: number, hn: number, den: number, hd: number): [number, number] {
  const lo = den + hd > 0 ? ((num - hn) / (den + hd)) * 100 : -Infinity;
  const hi = den - hd > 0 ? ((num + hn) / (den - hd)) * 100 : Infinity;
  return [lo, hi];
}

/** The 增长/下降 rate a change implies, over the rounding of change and current figure. */
export function rateInterval(change: number, hx: number, current: number, hc: number, up: boolean): [number, number] {
  if (up) {
    const loDen = current + hc - (change - hx);
    const hiDen = current - hc - (change + hx);
    return [loDen > 0 ? ((change - hx) / loDen) * 100 : Infinity, hiDen > 0 ? ((change + hx) / hiDen) * 100 : Infinity];
  }
  return [((change - hx) / (current + hc + change - hx)) * 100, ((change + hx) / Math.max(current - hc + change + hx, 1e-12)) * 100];
}

export function valueInUnit(minor: number, unit: MoneyUnit): number {
  return minor / MINOR_PER_UNIT[unit];
}

export interface FigureCheckContext {
  accounts: FinalAccounts;
  /** Last year's tables, when known: the 较上年 changes are then checked against them. */
  lastYear?: FinalAccounts;
  /** Figures stated earlier in the text by subject id (for shares of 政府采购 and the like). */
  stated: Map<string, Work>;
  /** The tables' 类/款/项 names, for subjects named without a code. */
  names: NameIndex;
}

export function newFigureContext(accounts: FinalAccounts, lastYear?: FinalAccounts): FigureCheckContext {
  return { accounts, lastYear, stated: new Map(), names: nameIndex(accounts) };
}

/** The cells the finding names: the narrative's own cell first (so it is marked), then the tables'. */
export function cellsOf(sentence: NarrativeSentence, table: CellRef[]): CellRef[] {
  return sentence.cell ? [sentence.cell, ...table] : table;
}

export type Report = (rule: string, severity: Severity, message: string, cells: CellRef[], extra?: Partial<Finding>) => void;
