// The `final-accounts` command line: check (and, as they land, generate and template) on .xlsx files.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkWorkbook } from '../app/check';

import { summarize } from '../core/findings';
import { clipText } from '../core/quote';
import { profileById, PROFILES } from '../core/profiles';
import type { CheckReport } from '../core/report';
import type { ExcelJsWorkbookPort } from '../adapters/file/exceljs-port';
import { openWorkbookFile, WorkbookOpenError } from '../adapters/file/open-workbook';
import { markedCopy } from '../adapters/file/marked-copy';
import { readReviewedSnapshotFile } from '../adapters/file/read-snapshot';
import { invalidRecordsNotice } from '../port/port';
import type { ReviewStore } from '../port/review-store';
import type { WorkbookSnapshot } from '../port/snapshot';
import type { FinalAccounts } from '../core/model';
import { parseRubricOption, RubricOptionError } from '../core/performance';
import type { GenerateFileResult } from './generate-file';
import { GenerateInputError } from './generate-input-error';
import { ArgsError, flag, parseArgs, type ParsedArgs } from './args';
import { commandByName, commandHelp, generalHelp } from './commands';
import { packageVersion } from './version';
import { BatchInputError, runBatch } from './batch';
import { findingLine, formatFindings, summaryLine } from './format';
import { formatNarrativeSummary } from './narrative-summary';
import { NarrativeFileError, readNarrativeFile } from './narrative-file';
import { fileSystemMessage } from './fs-errors';
import { OutputError, requireNewOutput, writeNewFile } from './output-file';
import { formatProjectSummaries } from './project-summary';
import { readLastYear } from '../app/last-year';
import { maxSizeMb, openFailure, readLimits } from './read-options';
import { runWithTimeout } from './timed-run';
import { runExplain } from './explain-file';
import { readinessExitCode, reviewedJson, reviewer, type ReviewCliContext } from './review-cli';
import { readinessWarning, reviewCheck, reviewedMarks, reviewStatusOf, type ReviewedCheck } from '../app/review';
import type { CheckOptions } from '../app/check';
import { parseChangeThreshold } from '../core/rules/last-year-rules';
import { ReviewInputError } from '../core/review/status';

export class UserError extends Error {}

function requireFile(path: string): void {
  if (!existsSync(path)) throw new UserError(`找不到文件“${path}”。`);
  if (statSync(path).isDirectory()) throw new UserError(`“${path}”是一个文件夹；请指定一个 .xlsx 文件。`);
}

/** The full ExcelJS load, for a command that writes (check --marked); ExcelJS is loaded only here. */
async function openWorkbook(path: string, args: ParsedArgs): Promise<ExcelJsWorkbookPort> {
  requireFile(path);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand; import() would stay native under tsx and miss the .ts file
  const { ExcelJsWorkbookPort } = require('../adapters/file/exceljs-port') as typeof import('../adapters/file/exceljs-port');
  return new ExcelJsWorkbookPort(await openWorkbookFile(path, readLimits(maxSizeMb(args))));
}

/** A file that is only read: its snapshot and review store, by the lean read path where it gives the full load's snapshot. */
async function readReviewed(path: string, args: ParsedArgs): Promise<{ snapshot: WorkbookSnapshot; store: ReviewStore }> {
  requireFile(path);
  return readReviewedSnapshotFile(path, readLimits(maxSizeMb(args)));
}

/** A whole-number option (`--workers`, `--timeout`), or undefined when not given. */
function integerFlag(args: ParsedArgs, name: string, what: string): number | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new ArgsError(`${name} 应为${what}（整数），而不是“${v}”。`);
  return Number(v);
}

/** `--rubric` and `--rubric-setting`: the 绩效 scoring options. */
function rubricOption(args: ParsedArgs) {
  return parseRubricOption(flag(args, '--rubric'), args.flags.get('--rubric-setting') ?? []);
}

async function readSnapshot(path: string, args: ParsedArgs): Promise<WorkbookSnapshot> {
  return (await readReviewed(path, args)).snapshot;
}

function profileOption(args: ParsedArgs): string | undefined {
  const id = flag(args, '--profile');
  if (id && !profileById(id)) throw new UserError(`不认识的格式“${id}”，可选：${PROFILES.map((p) => p.id).join('、')}。`);
  return id;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const stdio: Output = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

function isFolder(path: string | undefined): path is string {
  return !!path && existsSync(path) && statSync(path).isDirectory();
}

/** `check <folder>` and `generate <folder> -o <outdir>`: every .xlsx of the folder (src/cli/batch). */
async function runBatchCommand(kind: 'check' | 'generate', args: ParsedArgs, io: Output): Promise<number> {
  const workers = integerFlag(args, '--workers', '线程数');
  const timeout = integerFlag(args, '--timeout', '秒数');
  const result = await runBatch(
    {
      kind,
      folder: args.positionals[0],
      outDir: flag(args, '-o', '--out'),
      workers,
      fileTimeoutSeconds: timeout,
      profile: profileOption(args),
      performance: rubricOption(args),
      quiet: args.flags.has('--quiet'),
      maxSizeMb: maxSizeMb(args),
      verbose: args.flags.has('--verbose'),
    },
    { ...io, progress: io === stdio ? process.stderr : undefined },
  );
  return result.exitCode;
}

async function runCheck(args: ParsedArgs, io: Output): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new ArgsError('请指定要检查的 .xlsx 文件。');
  if (isFolder(file)) {
    if (flag(args, '--narrative')) throw new UserError('--narrative 只能与单个工作簿一起使用，不能用于文件夹批量检查。');
    // Each unit has its own last year: one file for a whole folder would compare most units with another's.
    if (flag(args, '--last-year')) throw new ArgsError('批量检查文件夹时不能使用 --last-year（每个单位的上年数各不相同）；请逐个文件检查。');
    return runBatchCommand('check', args, io);
  }
  const marked = flag(args, '--marked');
  if (marked && resolve(marked) === resolve(file)) throw new UserError('--marked 的输出文件不能与输入文件相同（原文件不会被修改）。');
  if (marked) await requireNewOutput(marked);
  const options = await checkOptionsOf(args, file);
  // --marked writes a copy: the full load, which keeps what it writes back. Otherwise the lean read.
  const port = marked ? await openWorkbook(file, args) : null;
  const { snapshot, store } = port ? await port.readWithReview() : await readReviewed(file, args);
  const report: CheckReport = checkWorkbook(snapshot, options);
  const reviewed = reviewCheck(report, store, reviewer(flag(args, '--user')));
  if (reviewed.invalidNotice) io.err(reviewed.invalidNotice);
  if (marked && port) {
    // The marked copy also keeps the review record (every error and 提示 of this check, 已改正 for those gone).
    const copy = await markedCopy(port, reviewedMarks(reviewed), { review: reviewed.state.records });
    await writeNewFile(marked, copy.bytes);
    // A mark record in the input that is not ours (or was altered) is ignored; say so, on stderr so --json stays clean.
    const notice = invalidRecordsNotice(copy.invalidRecords);
    if (notice) io.err(notice);
  }
  if (flag(args, '--json')) {
    io.out(JSON.stringify(reviewedJson(reviewed), null, 2));
  } else {
    io.out(formatFindings(report, reviewStatusOf(reviewed)));
    if (report.projects.length) {
      io.out('');
      io.out('绩效自评汇总：');
      io.out(formatProjectSummaries(report.projects));
    }
    if (report.narrative) {
      io.out('');
      io.out(formatNarrativeSummary(report.narrative));
    }
    io.out('');
    io.out(reviewed.readiness.text);
    io.out(summaryLine(report));
    if (marked) io.out(`已另存标记副本：${marked}`);
  }
  return readinessExitCode(reviewed);
}

function warnIfNotReady(reviewed: ReviewedCheck, io: Output): void {
  const warning = readinessWarning(reviewed);
  if (warning) io.err(warning);
}

/** The check options every command that checks a single workbook takes (check, explain, report). */
async function checkOptionsOf(args: ParsedArgs, file: string): Promise<CheckOptions> {
  const thresholdText = flag(args, '--change-threshold');
  const changeThreshold = thresholdText === undefined ? undefined : parseChangeThreshold(thresholdText);
  if (changeThreshold === null) throw new ArgsError(`--change-threshold 应为“百分比,万元”，例如 30,10，而不是“${thresholdText}”。`);
  const narrativePath = flag(args, '--narrative');
  return {
    profile: profileOption(args),
    file,
    performance: rubricOption(args),
    lastYear: await lastYearOption(args),
    lastYearFile: flag(args, '--last-year'),
    ...(changeThreshold ? { changeThreshold } : {}),
    ...(narrativePath ? { narrative: await readNarrativeFile(narrativePath) } : {}),
  };
}

function reviewContext(args: ParsedArgs): ReviewCliContext {
  return { open: (path) => openWorkbook(path, args), checkOptions: (file) => checkOptionsOf(args, file) };
}

async function runGenerateCommand(args: ParsedArgs, io: Output): Promise<number> {
  const [input] = args.positionals;
  const out = flag(args, '-o', '--out');
  if (!input) throw new ArgsError('请指定输入的 .xlsx 文件。');
  if (isFolder(input)) return runBatchCommand('generate', args, io);
  if (!out) throw new ArgsError('请用 -o 指定输出文件，例如：final-accounts generate 底稿.xlsx -o 公开表.xlsx');
  requireFile(input);
  await requireNewOutput(out);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand; import() would stay native under tsx and miss the .ts file
  const { runGenerate } = require('./generate-file') as typeof import('./generate-file');
  const result: GenerateFileResult = await runGenerate(input, out, profileOption(args), { limits: readLimits(maxSizeMb(args)) });
  const inputErrors = result.inputFindings.filter((f) => f.severity === 'error');
  for (const f of result.inputFindings) io.err(findingLine(f));
  if (result.addedSheets.length === 0) {
    io.err(`没有生成任何工作表：输入中有 ${inputErrors.length} 个错误需要先改正。`);
    return inputErrors.length ? 1 : 2;
  }
  io.out(`已由${result.source === 'workings' ? '底稿' : '已有的公开表'}生成，新增工作表：`);
  for (const name of result.addedSheets) io.out(`  + ${name}`);
  io.out(`已写入：${out}（原文件未改动）`);
  if (result.report) {
    io.out(`生成表检查：${summaryLine(result.report)}`);
    warnIfNotReady(reviewCheck(result.report, result.inputReview, reviewer(flag(args, '--user'))), io);
  }
  return result.report && summarize(result.report.findings).error > 0 ? 1 : 0;
}

/** `--last-year <上年.xlsx>`: last year's figures, or a clear message when they cannot be read. */
async function lastYearSnapshot(args: ParsedArgs): Promise<{ snapshot: WorkbookSnapshot; file: string } | null> {
  const file = flag(args, '--last-year');
  if (!file) return null;
  return { snapshot: await readSnapshot(file, args), file };
}

async function lastYearOption(args: ParsedArgs): Promise<FinalAccounts | null> {
  const given = await lastYearSnapshot(args);
  if (!given) return null;
  const read = readLastYear(given.snapshot, given.file);
  if (!read.accounts) throw new UserError(read.findings.map((f) => f.message).join('\n'));
  return read.accounts;
}

async function runNarrativeCommand(args: ParsedArgs, io: Output): Promise<number> {
  const [input] = args.positionals;
  const out = flag(args, '-o', '--out');
  if (!input) throw new ArgsError('请指定输入的 .xlsx 文件。');
  if (!out) throw new ArgsError('请用 -o 指定输出文件，例如：final-accounts narrative 底稿.xlsx -o 情况说明.docx');
  if (!/\.docx$/i.test(out)) throw new ArgsError(`情况说明草稿写成 Word 文档，输出文件名应以 .docx 结尾（而不是“${out}”）。`);
  await requireNewOutput(out);
  const { snapshot, store } = await readReviewed(input, args);
  const lastYear = await lastYearSnapshot(args);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand; import() would stay native under tsx and miss the .ts file
  const { runNarrative } = require('./narrative-draft-file') as typeof import('./narrative-draft-file');
  const result = await runNarrative(snapshot, out, {
    profile: profileOption(args),
    lastYear: lastYear?.snapshot,
    lastYearFile: lastYear?.file,
  });
  for (const f of result.findings) io.err(findingLine(f));
  if (!result.written || !result.draft) {
    io.err('没有写出情况说明草稿：请先改正以上错误。');
    return 1;
  }
  io.out(`已写出情况说明草稿：${out}（${result.draft.paragraphs.length} 段，${result.draft.placeholders} 处【请填写…】待补充）`);
  // A draft from the tables describes them as they are: say when they are not ready to publish (it does not
  // block). A draft from working sheets describes tables derived from them, which generate checks.
  const tablesCheck = checkWorkbook(snapshot, { profile: profileOption(args), file: input });
  if (tablesCheck.tables.length > 0) warnIfNotReady(reviewCheck(tablesCheck, store, reviewer(flag(args, '--user'))), io);
  if (result.lastYearFrom === 'columns') io.out('上年数取自底稿中的“上年”列（未填上年数的底稿，其“较上年”仍以【请填写…】标出）。');
  else if (!lastYear) io.out('未提供上年数（--last-year），“较上年”的增减额和增减率也以【请填写…】标出。');
  return 0;
}

async function runTemplateCommand(args: ParsedArgs, io: Output): Promise<number> {
  const out = flag(args, '-o', '--out') ?? args.positionals[0];
  if (!out) throw new ArgsError('请用 -o 指定底稿文件名，例如：final-accounts template -o 底稿.xlsx');
  await requireNewOutput(out);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand; import() would stay native under tsx and miss the .ts file
  const { runTemplate } = require('./generate-file') as typeof import('./generate-file');
  const names = await runTemplate(out);
  io.out(`已写出空白底稿：${out}（工作表：${names.join('、')}）`);
  return 0;
}

/** --timeout on one file: the seconds, or undefined (a folder has its own per-file limit; 0 means none). */
function singleFileTimeout(args: ParsedArgs): number | undefined {
  if (!commandByName(args.command)?.options.some((o) => o.name === 'timeout')) return undefined;
  if (isFolder(args.positionals[0])) return undefined;
  const seconds = integerFlag(args, '--timeout', '秒数');
  return seconds ? seconds : undefined;
}

/** The arguments without --timeout (the worker runs the command itself). */
function withoutTimeout(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--timeout') i++;
    else if (!argv[i].startsWith('--timeout=')) out.push(argv[i]);
  }
  return out;
}

/** Each command of commands.ts and what runs it. */
const HANDLERS: Record<string, (args: ParsedArgs, io: Output) => Promise<number>> = {
  check: runCheck,
  generate: runGenerateCommand,
  template: runTemplateCommand,
  narrative: runNarrativeCommand,
  explain: (args, io) => runExplain(args, io, reviewContext(args)),
  report: (args, io) => {
    // report-file writes with ExcelJS: loaded on demand, like the other heavy modules.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand; import() would stay native under tsx and miss the .ts file
    const { runReport } = require('./report-file') as typeof import('./report-file');
    return runReport(args, io, reviewContext(args));
  },
};

export async function main(argv: string[], io: Output = stdio): Promise<number> {
  let verbose = false;
  try {
    const args = parseArgs(argv);
    verbose = args.flags.has('--verbose');
    if (args.flags.has('--version')) {
      io.out(`final-accounts ${packageVersion()}`);
      return 0;
    }
    // `help`, `help <command>`, `--help` and `<command> --help`; no command at all is a usage error.
    const helpOf = args.command === 'help' ? (args.positionals[0] ?? null) : args.command;
    if (!args.command || args.command === 'help' || args.flags.has('--help')) {
      const command = commandByName(helpOf);
      if (helpOf && !command) throw new ArgsError(`不认识的命令“${helpOf}”。运行 final-accounts --help 查看用法。`);
      io.out(command ? commandHelp(command) : generalHelp(packageVersion()));
      return args.command || args.flags.has('--help') ? 0 : 2;
    }
    const seconds = singleFileTimeout(args);
    if (seconds !== undefined) return await runWithTimeout(withoutTimeout(argv), seconds, io, args.positionals[0] ?? '');
    const handler = HANDLERS[args.command];
    if (!handler) throw new ArgsError(`不认识的命令“${args.command}”。运行 final-accounts --help 查看用法。`);
    return await handler(args, io);
  } catch (e) {
    if (
      e instanceof ArgsError ||
      e instanceof UserError ||
      e instanceof RubricOptionError ||
      e instanceof GenerateInputError ||
      e instanceof BatchInputError ||
      e instanceof OutputError ||
      e instanceof NarrativeFileError ||
      e instanceof ReviewInputError
    ) {
      io.err(`错误：${e.message}`);
      return 2;
    }
    // A file that cannot be opened, from any command: its Chinese reason (with --verbose, the library's too).
    if (e instanceof WorkbookOpenError) {
      io.err(`错误：${openFailure(e, verbose)}`);
      return 2;
    }
    const fsError = fileSystemMessage(e);
    if (fsError) {
      io.err(`错误：${fsError}`);
      return 2;
    }
    // A stack is for a bug report: shown with --verbose only.
    const what = e instanceof Error ? (verbose ? (e.stack ?? e.message) : e.message) : String(e);
    io.err(`内部错误：${clipText(what, verbose ? 4_000 : 200)}${verbose ? '' : '（加 --verbose 可查看详细信息，报告问题时请附上）'}`);
    return 2;
  }
}
