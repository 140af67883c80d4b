// File entry points for the CLI: generate the nine sheets into a copy of a workbook, write the template.
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { addLayoutSheet } from '../adapters/file/exceljs-layout';
import { workbookSnapshot } from '../adapters/file/exceljs-snapshot';
import { checkWorkbook } from '../core/check';
import type { Finding } from '../core/findings';
import { profileById, PROFILES } from '../core/profiles';
import type { CheckReport } from '../core/report';
import { generateInProfile, type GenerateOptions } from './generate';
import { templateSheets } from './workings/template';

export interface GenerateFileResult {
  /** Names of the sheets added (suffixed where a name was taken). */
  addedSheets: string[];
  /** `check` of the generated sheets alone; its findings are only about the generated tables. */
  report: CheckReport | null;
  /** Problems of the input; with an error nothing is written. */
  inputFindings: Finding[];
  source: 'workings' | 'tables' | 'model';
}

export class GenerateInputError extends Error {}

/**
 * Reads `inPath`, adds the nine generated sheets (never replacing a sheet) and writes `outPath`.
 * The input file itself is never written.
 */
export async function runGenerate(
  inPath: string,
  outPath: string,
  profileId?: string,
  options: GenerateOptions = {},
): Promise<GenerateFileResult> {
  if (resolve(inPath) === resolve(outPath)) {
    throw new GenerateInputError(`输出文件不能与输入文件相同（${inPath}）：生成结果写入新文件，原文件保持不变。`);
  }
  if (profileId && !profileById(profileId)) {
    throw new GenerateInputError(`未知的格式“${profileId}”。可用：${PROFILES.map((p) => p.id).join('、')}。`);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(inPath);
  const snapshot = workbookSnapshot(wb);
  const result = generateInProfile(snapshot, profileId, options);
  const profile = result.profile;
  if (result.sheets.length === 0) {
    return { addedSheets: [], report: null, inputFindings: result.findings, source: result.source };
  }
  const added = result.sheets.map((layout) => addLayoutSheet(wb, layout).name);
  await wb.xlsx.writeFile(outPath);
  const generatedOnly = workbookSnapshot(wb);
  const report = checkWorkbook(
    { sheets: generatedOnly.sheets.filter((s) => added.includes(s.name)) },
    { profile: profile.id, file: outPath },
  );
  return { addedSheets: added, report, inputFindings: result.findings, source: result.source };
}

/** Writes the empty working-sheet template (instructions and the six 底稿). */
export async function runTemplate(outPath: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  const names = templateSheets().map((layout) => addLayoutSheet(wb, layout).name);
  await wb.xlsx.writeFile(outPath);
  return names;
}
