// File entry points for the CLI (and its batch workers): generate the nine sheets into a copy of a workbook,
// write the template. The composition point of the file workflow: .xlsx files through the ExcelJS adapter,
// the use cases from src/app.
import { writeNewFile } from './output-file';
import { GenerateInputError } from './generate-input-error';
import { resolve } from 'node:path';
import { addLayoutSheet } from '../adapters/file/exceljs-layout';
import { sheetSnapshot, workbookSnapshot } from '../adapters/file/exceljs-snapshot';
import type { ReadLimits } from '../adapters/file/inspect-workbook';
import { openWorkbookFile } from '../adapters/file/open-workbook';
import { layoutWorkbook } from '../adapters/file/layout-workbook';
import { checkWorkbook } from '../app/check';
import { DRAFT_SHEET_NAME, generateInProfile, type GenerateOptions } from '../app/generate';
import { checkPerformance, type PerformanceOptions } from '../app/performance';
import { workingTemplate } from '../app/template';
import type { Finding } from '../core/findings';
import { profileById, PROFILES } from '../core/profiles';
import type { CheckReport, ProjectSummary } from '../core/report';
import { splitReviewStore, type ReviewStore } from '../port/review-store';

export interface GenerateFileResult {
  /** Names of the sheets added (suffixed where a name was taken). */
  addedSheets: string[];
  /** `check` of the generated sheets alone; its findings are only about the generated tables. */
  report: CheckReport | null;
  /** Problems of the input; with an error nothing is written. */
  inputFindings: Finding[];
  source: 'workings' | 'tables' | 'model';
  /** The 绩效自评 tables of the input, scored (generation copies them unchanged; the report above has none). */
  inputProjects: ProjectSummary[];
  /** The input's review record (issue #16): generation warns when the set is not ready to publish. */
  inputReview: ReviewStore;
}

export { GenerateInputError };

export interface GenerateFileOptions extends GenerateOptions {
  /** Rubric settings for scoring the input's 绩效自评 tables. */
  performance?: PerformanceOptions;
  /** Bounds on the input (--max-size); default DEFAULT_LIMITS. */
  limits?: ReadLimits;
}

/**
 * Reads `inPath` (a file that cannot be read throws WorkbookOpenError, its cause in Chinese), adds the nine generated sheets (never replacing a sheet) and writes `outPath`.
 * The input file itself is never written.
 */
export async function runGenerate(
  inPath: string,
  outPath: string,
  profileId?: string,
  options: GenerateFileOptions = {},
): Promise<GenerateFileResult> {
  if (resolve(inPath) === resolve(outPath)) {
    throw new GenerateInputError(`输出文件不能与输入文件相同（${inPath}）：生成结果写入新文件，原文件保持不变。`);
  }
  if (profileId && !profileById(profileId)) {
    throw new GenerateInputError(`未知的格式“${profileId}”。可用：${PROFILES.map((p) => p.id).join('、')}。`);
  }
  const { performance, limits, ...generateOptions } = options;
  const wb = await openWorkbookFile(inPath, limits);
  // One read of the input serves the generation and the 绩效 tables' scores.
  const { snapshot, store: inputReview } = splitReviewStore(workbookSnapshot(wb));
  const inputProjects = checkPerformance(snapshot, performance).projects;
  const result = generateInProfile(snapshot, profileId, generateOptions);
  const profile = result.profile;
  if (result.sheets.length === 0) {
    return { addedSheets: [], report: null, inputFindings: result.findings, source: result.source, inputProjects, inputReview };
  }
  const added = result.sheets.map((layout) => addLayoutSheet(wb, layout).name);
  await writeNewFile(outPath, new Uint8Array(await wb.xlsx.writeBuffer()));
  // The check of what was generated is of the nine tables; the 情况说明 draft is text with gaps to fill.
  const tables = added.filter((_, i) => result.sheets[i].name !== DRAFT_SHEET_NAME);
  const generated = wb.worksheets.filter((ws) => tables.includes(ws.name)).map(sheetSnapshot);
  const report = checkWorkbook({ sheets: generated }, { profile: profile.id, file: outPath });
  return { addedSheets: added, report, inputFindings: result.findings, source: result.source, inputProjects, inputReview };
}

/** Writes the empty working-sheet template (instructions and the six 底稿). */
export async function runTemplate(outPath: string): Promise<string[]> {
  const { bytes, names } = await layoutWorkbook(workingTemplate());
  await writeNewFile(outPath, bytes);
  return names;
}
