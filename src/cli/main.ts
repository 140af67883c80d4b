// The `final-accounts` command line: check (and, as they land, generate and template) on .xlsx files.
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkWorkbook } from '../core/check';

import { summarize } from '../core/findings';
import { profileById, PROFILES } from '../core/profiles';
import { reportToJson, type CheckReport } from '../core/report';
import { readWorkbookFile, type ExcelJsWorkbookPort } from '../adapters/file/exceljs-port';
import { ArgsError, flag, parseArgs, type ParsedArgs } from './args';
import { formatFindings, summaryLine } from './format';

export const HELP = `决算公开助手 final-accounts

用法：
  final-accounts check <文件.xlsx> [--profile 格式] [--json] [--marked 输出.xlsx]
      检查九张公开表（表内、表间、科目）和绩效自评表，列出每个问题及其单元格。
      --profile   fuzhou-2024（默认自动识别）| shanghai-2024 | central-2024
      --json      以 JSON 输出结果
      --marked    另存一份标记了问题单元格的副本（原文件不会被修改）
  final-accounts --help

退出码：0 没有错误；1 有错误；2 文件无法读取或参数错误。
`;

export class UserError extends Error {}

async function openWorkbook(path: string): Promise<ExcelJsWorkbookPort> {
  if (!existsSync(path)) throw new UserError(`找不到文件“${path}”。`);
  if (statSync(path).isDirectory()) throw new UserError(`“${path}”是一个文件夹；请指定一个 .xlsx 文件。`);
  try {
    return await readWorkbookFile(path);
  } catch (e) {
    throw new UserError(`无法读取“${path}”：它不是有效的 .xlsx 工作簿（${(e as Error).message.slice(0, 120)}）。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再试。`);
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

async function runCheck(args: ParsedArgs, io: Output): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new ArgsError('请指定要检查的 .xlsx 文件。');
  const marked = flag(args, '--marked');
  if (marked && resolve(marked) === resolve(file)) throw new UserError('--marked 的输出文件不能与输入文件相同（原文件不会被修改）。');
  const port = await openWorkbook(file);
  const snapshot = await port.readSnapshot();
  const report: CheckReport = checkWorkbook(snapshot, { profile: profileOption(args), file });
  if (marked) {
    await port.applyMarks(report.findings.flatMap((f) => f.cells.map((cell) => ({ cell, severity: f.severity, message: `[${f.rule}] ${f.message}` }))));
    await writeFile(marked, await port.toBuffer());
  }
  if (flag(args, '--json')) {
    io.out(JSON.stringify(reportToJson(report), null, 2));
  } else {
    io.out(formatFindings(report));
    io.out('');
    io.out(summaryLine(report));
    if (marked) io.out(`已另存标记副本：${marked}`);
  }
  return summarize(report.findings).error > 0 ? 1 : 0;
}

export async function main(argv: string[], io: Output = stdio): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (!args.command || args.command === '--help' || args.command === '-h' || args.command === 'help' || args.flags.has('--help')) {
      io.out(HELP);
      return args.command ? 0 : 2;
    }
    switch (args.command) {
      case 'check':
        return await runCheck(args, io);
      default:
        throw new ArgsError(`不认识的命令“${args.command}”。运行 final-accounts --help 查看用法。`);
    }
  } catch (e) {
    if (e instanceof ArgsError || e instanceof UserError) {
      io.err(`错误：${e.message}`);
      return 2;
    }
    io.err(`内部错误：${(e as Error).stack ?? String(e)}`);
    return 2;
  }
}

