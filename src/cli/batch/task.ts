// One file of a batch: check it, or generate its tables into the output folder. Runs inside a worker
// thread (or in-process); never throws: a file that cannot be read becomes a row with its error.
import { outputProblem } from '../output-file';
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { WorkbookOpenError } from '../../adapters/file/open-workbook';
import { readSnapshotFile } from '../../adapters/file/read-snapshot';
import { readLimits, openFailure } from '../read-options';
import { checkWorkbook } from '../../app/check';
import { reportOfKind, workbookKind, type WorkbookKind } from '../../app/workbook-kind';
import { summarize } from '../../core/findings';
import type { PerformanceOptions } from '../../core/performance';
import type { CheckReport, ProjectSummary } from '../../core/report';
import type { GenerateFileResult } from '../generate-file';
import { GenerateInputError } from '../generate-input-error';

export interface BatchTask {
  kind: 'check' | 'generate';
  file: string;
  /** For generate: the folder the output file goes to. */
  outDir?: string;
  profile?: string;
  performance?: PerformanceOptions;
  /** --max-size: the inflated size a workbook may reach, MB. */
  maxSizeMb?: number;
  /** --verbose: a failed read keeps the library's own text. */
  verbose?: boolean;
}

export type BatchStatus = 'ok' | 'failed' | 'no-tables';

export interface BatchRow {
  file: string;
  status: BatchStatus;
  /** What the file is: 公开表, 底稿, 绩效自评表 only, or unknown (also a file that could not be read). */
  kind: WorkbookKind;
  unit: string | null;
  year: number | null;
  profile: string | null;
  errors: number;
  warnings: number;
  tails: number;
  /** 绩效自评 tables read (项目 and 部门整体). */
  performanceTables: number;
  /** 绩效 tables whose 总分 is missing or differs from the recomputed total. */
  totalIssues: number;
  /** For generate: the output file and the sheets added. */
  output?: string;
  addedSheets?: number;
  /** Chinese message for a file that failed or had nothing to check. */
  message?: string;
  ms: number;
}

/** 绩效 tables whose 总分 is missing or differs from the recomputed total (the rubric decides, see ProjectSummary). */
export function totalIssues(projects: ProjectSummary[]): number {
  return projects.filter((p) => p.totalIssue).length;
}

/** A row with no figures: a file that failed, or one without tables. */
export function emptyRow(file: string, status: BatchStatus, message: string, ms: number, kind: WorkbookKind = 'unknown'): BatchRow {
  return {
    file,
    status,
    kind,
    unit: null,
    year: null,
    profile: null,
    errors: 0,
    warnings: 0,
    tails: 0,
    performanceTables: 0,
    totalIssues: 0,
    message,
    ms,
  };
}

const KIND_MESSAGE: Partial<Record<WorkbookKind, string>> = {
  workings: '底稿：已核对底稿的填写（公开表可用 generate 由底稿生成）。',
  unknown: '没有找到公开表、底稿或绩效自评表。',
};

/** A checked file's row; `report.findings` are those that count for its kind (app/workbook-kind.ts). */
function reportRow(file: string, report: CheckReport, ms: number, kind: WorkbookKind, message = KIND_MESSAGE[kind]): BatchRow {
  const s = summarize(report.findings);
  return {
    file,
    status: kind === 'unknown' ? 'no-tables' : 'ok',
    kind,
    unit: report.unit,
    year: report.year,
    profile: report.profile,
    errors: s.error,
    warnings: s.warning,
    tails: s.tail,
    performanceTables: report.projects.length,
    totalIssues: totalIssues(report.projects),
    ...(message ? { message } : {}),
    ms,
  };
}

/** The output path of a generated file: `<outDir>/<name>-公开表.xlsx`. */
export function generatedPath(file: string, outDir: string): string {
  return join(outDir, `${basename(file, extname(file))}-公开表.xlsx`);
}

function failure(e: unknown, verbose = false): string {
  if (e instanceof WorkbookOpenError) return openFailure(e, verbose, false);
  const m = e instanceof Error ? e.message : String(e);
  return `无法读取：工作簿已损坏或不是 .xlsx 工作簿。${verbose ? `（详细信息：${m.slice(0, 300)}）` : ''}`;
}

export async function runTask(task: BatchTask): Promise<BatchRow> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  const file = task.file;
  if (!existsSync(file)) return emptyRow(file, 'failed', '找不到文件。', ms());
  if (statSync(file).size === 0) return emptyRow(file, 'failed', '文件是空的（0 字节），不是有效的 .xlsx 工作簿。', ms());
  if (task.kind === 'check') {
    let snapshot;
    try {
      // Lean read (no ExcelJS object model) where it gives the full load's snapshot; see read-snapshot.ts.
      snapshot = await readSnapshotFile(file, readLimits(task.maxSizeMb));
    } catch (e) {
      return emptyRow(file, 'failed', failure(e, task.verbose), ms());
    }
    try {
      const report = checkWorkbook(snapshot, { profile: task.profile, performance: task.performance, file });
      const kind = workbookKind(snapshot, report);
      return reportRow(file, reportOfKind(kind, snapshot, report), ms(), kind);
    } catch (e) {
      return emptyRow(file, 'failed', `检查时出现内部错误：${(e as Error).message.slice(0, 200)}`, ms());
    }
  }
  return generateTask(task, ms);
}

function sourceKind(source: GenerateFileResult['source']): WorkbookKind {
  return source === 'workings' ? 'workings' : 'tables';
}

/** generate for one file: runGenerate (one read of the input), its report and the input's 绩效 tables as a row. */
async function generateTask(task: BatchTask, ms: () => number): Promise<BatchRow> {
  const file = task.file;
  const out = generatedPath(file, task.outDir ?? '.');
  const problem = await outputProblem(out);
  if (problem) return emptyRow(file, 'failed', problem, ms());
  let result: GenerateFileResult;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand; import() would stay native under tsx and miss the .ts file
    const { runGenerate } = require('../generate-file') as typeof import('../generate-file');
    result = await runGenerate(file, out, task.profile, { performance: task.performance, limits: readLimits(task.maxSizeMb) });
  } catch (e) {
    if (e instanceof WorkbookOpenError) return emptyRow(file, 'failed', failure(e, task.verbose), ms());
    if (e instanceof GenerateInputError) return emptyRow(file, 'failed', e.message, ms());
    return emptyRow(file, 'failed', `生成失败：${((e as Error).message ?? String(e)).slice(0, 200)}`, ms());
  }
  const projects = result.inputProjects;
  const perf = { performanceTables: projects.length, totalIssues: totalIssues(projects) };
  if (!result.report) {
    const inputErrors = result.inputFindings.filter((f) => f.severity === 'error');
    const noInput = inputErrors.some((f) => f.rule === 'G-NOINPUT');
    const row = emptyRow(
      file,
      noInput ? 'no-tables' : 'failed',
      noInput ? '既没有底稿，也没有可识别的公开表，未生成。' : `输入有 ${inputErrors.length} 个错误，未生成。`,
      ms(),
      noInput ? 'unknown' : sourceKind(result.source),
    );
    // "No input" is what the row says, not a finding of the file.
    const counted = result.inputFindings.filter((f) => f.rule !== 'G-NOINPUT');
    const errors = counted.filter((f) => f.severity === 'error').length;
    return { ...row, errors, warnings: counted.length - errors, ...perf };
  }
  // The generated tables' findings, and the input's 绩效 tables (their findings are not counted here).
  // The row is the generated tables' check: no note on what the input was (its 类型 says it).
  const row = reportRow(file, { ...result.report, projects }, ms(), sourceKind(result.source), '');
  row.output = out;
  row.addedSheets = result.addedSheets.length;
  // Problems of the input (warnings of the working sheets) count too.
  row.warnings += result.inputFindings.filter((f) => f.severity === 'warning').length;
  return row;
}
