// The `final-accounts` command line: check (and, as they land, generate and template) on .xlsx files.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkWorkbook } from '../app/check';

import { refText } from '../core/cells';
import { summarize } from '../core/findings';
import { clipText } from '../core/quote';
import { profileById, PROFILES } from '../core/profiles';
import type { CheckReport } from '../core/report';
import { ExcelJsWorkbookPort } from '../adapters/file/exceljs-port';
import { openWorkbookFile, WorkbookOpenError } from '../adapters/file/open-workbook';
import { invalidRecordsNotice } from '../port/port';
import type { WorkbookSnapshot } from '../port/snapshot';
import type { FinalAccounts } from '../core/model';
import { parseRubricOption, RubricOptionError } from '../core/performance';
import { GenerateInputError, runGenerate, runTemplate, type GenerateFileResult } from './generate-file';
import { ArgsError, flag, parseArgs, type ParsedArgs } from './args';
import { BatchInputError, runBatch } from './batch';
import { formatFindings, summaryLine } from './format';
import { formatNarrativeSummary } from './narrative-summary';
import { NarrativeFileError, readNarrativeFile } from './narrative-file';
import { fileSystemMessage } from './fs-errors';
import { OutputError, requireNewOutput, writeNewFile } from './output-file';
import { formatProjectSummaries } from './project-summary';
import { runNarrative } from './narrative-draft-file';
import { readLastYear } from '../app/last-year';
import { maxSizeMb, openFailure, readLimits } from './read-options';
import { runWithTimeout } from './timed-run';
import { runExplain } from './explain-file';
import { runReport } from './report-file';
import { readinessExitCode, reviewedJson, reviewer, type ReviewCliContext } from './review-cli';
import { readinessWarning, reviewCheck, saveReview, type ReviewedCheck } from '../app/review';
import type { CheckOptions } from '../app/check';
import { parseChangeThreshold } from '../core/rules/last-year-rules';
import { REVIEW_STATUS_LABEL } from '../core/review/record';
import { ReviewInputError } from '../core/review/status';

export const HELP = `决算公开助手 final-accounts

用法：
  final-accounts check <文件.xlsx> [--profile 格式] [--json] [--marked 输出.xlsx]
                       [--narrative 情况说明.docx|.txt] [--last-year 上年.xlsx]
                       [--rubric 评分规则] [--rubric-setting 键=值 …] [--timeout 秒]
      检查九张公开表（表内、表间、科目）和绩效自评表，列出每个问题及其单元格。
      --profile         fuzhou-2024 | shanghai-2024 | central-2024 | department-2018（2018 年十张表部门决算，只核对）（默认按表格自动识别）
      --json            以 JSON 输出结果
      --marked          另存一份标记了问题单元格的副本（原文件不会被修改）
      --narrative       同时核对情况说明（.docx 或 .txt）中的每个数字；不指定时使用工作簿中的“情况说明”工作表
      --rubric          绩效自评评分规则：gongkai-2024（默认）| fujian-2018-r17 | fujian-2018-s17 | fujian-2018-r18
                        （福建2018自评表式 R17/R18/S17 按表内容自动识别并用其规则；指定 fujian-2018-… 则覆盖）
      --rubric-setting  评分设置，可重复：execRateRule=none|proportional|tiered，
                        execRateTiers=90:10,80:8,60:6,0:0，lteConvention=a|b
      --last-year       上年的九张公开表或底稿：核对年初结转和结余 = 上年年末数，列出变动较大的科目和“三公”经费、新增或不再列示的项
      --change-threshold 变动幅度阈值“百分比,万元”（默认 30,10：变动超过 ±30% 且在 10 万元以上需说明原因）
      --user            审核记录中的填写人（默认为登录用户名）
      每个错误和提示有一个编号（--json 中的 id）；已说明或标为误报的问题在复查时仍显示其说明。
  final-accounts explain <文件.xlsx> <问题编号> --status explained|dismissed --reason "原因" -o <输出.xlsx>
  final-accounts explain <文件.xlsx> --csv <说明.csv> -o <输出.xlsx>
      记录对问题的处理：explained 已说明、dismissed 误报（都须写明原因）、open 恢复为待处理；
      --csv 为 id,status,reason 三列的清单。审核记录保存在输出工作簿中（随文件携带），原文件不变。
      可同时使用 check 的 --profile、--last-year、--change-threshold、--narrative、--user。
  final-accounts report <文件.xlsx> -o <审核说明.xlsx>
      写出“审核说明”表：每个错误和提示的状态、原因和单元格，供报送财政审核时附上。
  final-accounts generate <输入.xlsx> -o <输出.xlsx> [--profile 格式] [--timeout 秒]
      由底稿（或已有的九张表）生成九张公开表，加到输出文件的新工作表中；不覆盖任何已有工作表。
      --timeout         单个文件超过该秒数仍未完成即中止（默认不限）
  final-accounts check <文件夹> [-o 汇总文件夹] [--workers N] [--timeout 秒] [--quiet]
  final-accounts generate <文件夹> -o <输出文件夹> [--workers N] [--timeout 秒] [--quiet]
      批量处理文件夹中的每个 .xlsx（多线程，默认使用全部 CPU 核心）；某个文件出错只报告该文件，不中断其余文件。
      单个文件超过 --timeout 秒（默认 300，0 为不限）仍未完成即中止该文件并报告，其余照常。
      汇总表（单位、年度、错误、提示、尾差、绩效总分问题）写入 批量检查汇总.csv / 批量生成汇总.csv 及同名 .json。
  final-accounts narrative <文件.xlsx> [--last-year 上年.xlsx] -o <情况说明.docx>
      由底稿（或已有的九张表）起草情况说明（草稿），写成新的 .docx；上年数用于“较上年”的句子。
      数字无法说明的原因以【请填写…】标出，请逐一补充。
  final-accounts template -o <底稿.xlsx>
      写出一份空白底稿（含填写说明）。
  final-accounts --help

通用参数：
  --max-size MB   工作簿解压后的大小上限（默认 200）；超出即拒绝读取，以防异常或恶意构造的文件耗尽内存
  --verbose       读取失败或内部错误时，附上程序库的原始信息（报告问题时使用）

退出码（check、explain、report）：0 可以公开（没有待处理的错误，所有提示均已说明或标为误报）；
  1 有待处理的错误；3 没有待处理的错误，但有提示尚未说明；2 文件无法读取或参数错误。
  （generate、narrative：0 成功；1 有错误。批量检查：0 没有错误；1 有错误；2 有文件无法处理。）
`;

export class UserError extends Error {}

function requireFile(path: string): void {
  if (!existsSync(path)) throw new UserError(`找不到文件“${path}”。`);
  if (statSync(path).isDirectory()) throw new UserError(`“${path}”是一个文件夹；请指定一个 .xlsx 文件。`);
}

async function openWorkbook(path: string, args: ParsedArgs): Promise<ExcelJsWorkbookPort> {
  requireFile(path);
  try {
    return new ExcelJsWorkbookPort(await openWorkbookFile(path, readLimits(maxSizeMb(args))));
  } catch (e) {
    throw e instanceof WorkbookOpenError ? new UserError(openFailure(e, args.flags.has('--verbose'))) : e;
  }
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
  const workers = flag(args, '--workers');
  if (workers !== undefined && !/^\d+$/.test(workers)) throw new ArgsError(`--workers 应为线程数（整数），而不是“${workers}”。`);
  const timeout = flag(args, '--timeout');
  if (timeout !== undefined && !/^\d+$/.test(timeout)) throw new ArgsError(`--timeout 应为秒数（整数），而不是“${timeout}”。`);
  const result = await runBatch(
    {
      kind,
      folder: args.positionals[0],
      outDir: flag(args, '-o', '--out'),
      workers: workers === undefined ? undefined : Number(workers),
      fileTimeoutSeconds: timeout === undefined ? undefined : Number(timeout),
      profile: profileOption(args),
      performance: parseRubricOption(flag(args, '--rubric'), args.flags.get('--rubric-setting') ?? []),
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
  const port = await openWorkbook(file, args);
  const snapshot = await port.readSnapshot();
  const report: CheckReport = checkWorkbook(snapshot, options);
  const reviewed = reviewCheck(report, await port.readReview(), reviewer(flag(args, '--user')));
  if (reviewed.invalidNotice) io.err(reviewed.invalidNotice);
  if (marked) {
    // The marked copy also keeps the review record (every error and 提示 of this check, 已改正 for those gone).
    const result = (await saveReview(port, reviewed, true))!;
    await writeNewFile(marked, await port.toBuffer());
    // A mark record in the input that is not ours (or was altered) is ignored; say so, on stderr so --json stays clean.
    const notice = invalidRecordsNotice(result.invalidRecords);
    if (notice) io.err(notice);
  }
  if (flag(args, '--json')) {
    io.out(JSON.stringify(reviewedJson(reviewed), null, 2));
  } else {
    io.out(formatFindings(report, statusText(reviewed)));
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

/** `已说明：…` / `误报：…` after a finding in the text output; `待处理（数字已变动）` when an explanation lapsed. */
function statusText(reviewed: ReviewedCheck): (f: { id?: string }) => string | null {
  const byId = new Map(reviewed.state.findings.map((r) => [r.finding.id, r]));
  return (f) => {
    const r = byId.get(f.id);
    if (!r) return null;
    if (r.status === 'open') return r.changed ? `待处理（说明后数字已变动，原说明：${r.record?.reason ?? ''}）` : null;
    return `${REVIEW_STATUS_LABEL[r.status]}：${r.record?.reason ?? ''}`;
  };
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
    performance: parseRubricOption(flag(args, '--rubric'), args.flags.get('--rubric-setting') ?? []),
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
  let result: GenerateFileResult;
  try {
    result = await runGenerate(input, out, profileOption(args), { limits: readLimits(maxSizeMb(args)) });
  } catch (e) {
    throw e instanceof WorkbookOpenError ? new UserError(openFailure(e, args.flags.has('--verbose'))) : e;
  }
  const inputErrors = result.inputFindings.filter((f) => f.severity === 'error');
  for (const f of result.inputFindings)
    io.err(`[${f.severity === 'error' ? '错误' : '提示'}] ${f.rule} ${f.cells.map(refText).join(', ')} ${f.message}`);
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
  return { snapshot: await (await openWorkbook(file, args)).readSnapshot(), file };
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
  const inputPort = await openWorkbook(input, args);
  const snapshot = await inputPort.readSnapshot();
  const lastYear = await lastYearSnapshot(args);
  const result = await runNarrative(snapshot, out, {
    profile: profileOption(args),
    lastYear: lastYear?.snapshot,
    lastYearFile: lastYear?.file,
  });
  for (const f of result.findings) io.err(`[${f.severity === 'error' ? '错误' : '提示'}] ${f.rule} ${f.cells.map(refText).join(', ')} ${f.message}`);
  if (!result.written || !result.draft) {
    io.err('没有写出情况说明草稿：请先改正以上错误。');
    return 1;
  }
  io.out(`已写出情况说明草稿：${out}（${result.draft.paragraphs.length} 段，${result.draft.placeholders} 处【请填写…】待补充）`);
  // A draft from the tables describes them as they are: say when they are not ready to publish (it does not
  // block). A draft from working sheets describes tables derived from them, which generate checks.
  const tablesCheck = checkWorkbook(snapshot, { profile: profileOption(args), file: input });
  if (tablesCheck.tables.length > 0) warnIfNotReady(reviewCheck(tablesCheck, await inputPort.readReview(), reviewer(flag(args, '--user'))), io);
  if (!lastYear) io.out('未提供上年数（--last-year），“较上年”的增减额和增减率也以【请填写…】标出。');
  return 0;
}

async function runTemplateCommand(args: ParsedArgs, io: Output): Promise<number> {
  const out = flag(args, '-o', '--out') ?? args.positionals[0];
  if (!out) throw new ArgsError('请用 -o 指定底稿文件名，例如：final-accounts template -o 底稿.xlsx');
  await requireNewOutput(out);
  const names = await runTemplate(out);
  io.out(`已写出空白底稿：${out}（工作表：${names.join('、')}）`);
  return 0;
}

/** --timeout on one file: the seconds, or undefined (a folder has its own per-file limit; 0 means none). */
function singleFileTimeout(args: ParsedArgs): number | undefined {
  if (args.command !== 'check' && args.command !== 'generate') return undefined;
  const v = flag(args, '--timeout');
  if (v === undefined || isFolder(args.positionals[0])) return undefined;
  if (!/^\d+$/.test(v)) throw new ArgsError(`--timeout 应为秒数（整数），而不是“${v}”。`);
  return Number(v) > 0 ? Number(v) : undefined;
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

export async function main(argv: string[], io: Output = stdio): Promise<number> {
  let verbose = false;
  try {
    const args = parseArgs(argv);
    verbose = args.flags.has('--verbose');
    const seconds = singleFileTimeout(args);
    if (seconds !== undefined) return await runWithTimeout(withoutTimeout(argv), seconds, io, args.positionals[0] ?? '');
    if (!args.command || args.command === '--help' || args.command === '-h' || args.command === 'help' || args.flags.has('--help')) {
      io.out(HELP);
      return args.command ? 0 : 2;
    }
    switch (args.command) {
      case 'check':
        return await runCheck(args, io);
      case 'generate':
        return await runGenerateCommand(args, io);
      case 'template':
        return await runTemplateCommand(args, io);
      case 'narrative':
        return await runNarrativeCommand(args, io);
      case 'explain':
        return await runExplain(args, io, reviewContext(args));
      case 'report':
        return await runReport(args, io, reviewContext(args));
      default:
        throw new ArgsError(`不认识的命令“${args.command}”。运行 final-accounts --help 查看用法。`);
    }
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
