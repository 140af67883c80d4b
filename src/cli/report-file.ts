// `final-accounts report <book.xlsx> -o 审核说明.xlsx`: the 审核说明 sheet (every error and 提示 with its
// status, reason and cells) in a new workbook, for the 财政 reviewer. The exit code is the readiness.
import { workbookOfSheets } from '../adapters/file/exceljs-port';
import { reviewReportLayout, reviewWorkbook } from '../app/review';
import { ArgsError, flag, type ParsedArgs } from './args';
import type { Output } from './main';
import { requireNewOutput, writeNewFile } from './output-file';
import { readinessExitCode, reviewer, type ReviewCliContext } from './review-cli';

export async function runReport(args: ParsedArgs, io: Output, ctx: ReviewCliContext): Promise<number> {
  const [file] = args.positionals;
  const out = flag(args, '-o', '--out');
  if (!file) throw new ArgsError('请指定 .xlsx 文件。');
  if (!out) throw new ArgsError('请用 -o 指定输出文件，例如：final-accounts report 决算.xlsx -o 审核说明.xlsx');
  await requireNewOutput(out);
  const reviewed = await reviewWorkbook(await ctx.open(file), await ctx.checkOptions(file), reviewer(flag(args, '--user')));
  if (reviewed.invalidNotice) io.err(reviewed.invalidNotice);
  await writeNewFile(out, await workbookOfSheets([reviewReportLayout(reviewed)]));
  const s = reviewed.state;
  io.out(`已写出审核说明：${out}（${s.findings.length} 个错误和提示，${s.fixed.length} 个已改正）`);
  io.out(reviewed.readiness.text);
  return readinessExitCode(reviewed);
}
