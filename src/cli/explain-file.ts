// `final-accounts explain <book.xlsx> <id> --status explained|dismissed --reason "…" -o <out.xlsx>`, or
// `--csv <file.csv>` (id,status,reason) for many: sets the status of findings and writes the workbook with
// the review record to a new file (the input is never changed).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { explain, explainStatus, parseExplanationsCsv, reviewWorkbook, saveReview, type Explanation } from '../app/review';
import { ArgsError, flag, type ParsedArgs } from './args';
import type { Output } from './main';
import { requireNewOutput, writeNewFile } from './output-file';
import { readinessExitCode, reviewer, type ReviewCliContext } from './review-cli';

async function explanations(args: ParsedArgs): Promise<Explanation[]> {
  const csv = flag(args, '--csv');
  const [, id] = args.positionals;
  if (csv) {
    if (id) throw new ArgsError('使用 --csv 时不要再指定问题编号。');
    return parseExplanationsCsv(await readFile(csv, 'utf8'), csv);
  }
  if (!id) throw new ArgsError('请指定问题编号（check --json 输出中的 id），或用 --csv 指定 id,status,reason 的清单。');
  const statusText = flag(args, '--status');
  const status = statusText === undefined ? null : explainStatus(statusText);
  if (!status) throw new ArgsError('请用 --status 指定 explained（已说明）、dismissed（误报）或 open（待处理）。');
  const reason = flag(args, '--reason') ?? '';
  return [{ id, status, reason }];
}

export async function runExplain(args: ParsedArgs, io: Output, ctx: ReviewCliContext): Promise<number> {
  const [file] = args.positionals;
  const out = flag(args, '-o', '--out');
  if (!file) throw new ArgsError('请指定要说明的 .xlsx 文件。');
  if (!out)
    throw new ArgsError('请用 -o 指定输出文件，例如：final-accounts explain 决算.xlsx X13-0a1b2c3d --status explained --reason "…" -o 已说明.xlsx');
  if (resolve(out) === resolve(file)) throw new ArgsError('-o 的输出文件不能与输入文件相同（原文件不会被修改）。');
  await requireNewOutput(out);
  const items = await explanations(args);
  const who = reviewer(flag(args, '--user'));
  const port = await ctx.open(file);
  const reviewed = explain(await reviewWorkbook(port, await ctx.checkOptions(file), who), items, who);
  if (reviewed.invalidNotice) io.err(reviewed.invalidNotice);
  await saveReview(port, reviewed, false);
  await writeNewFile(out, await port.toBuffer());
  io.out(`已记录 ${items.length} 条审核说明，写入：${out}（原文件未改动）`);
  io.out(reviewed.readiness.text);
  return readinessExitCode(reviewed);
}
