// How the CLI reads a workbook: the limits (--max-size) and how a file that cannot be read is told
// (its cause in Chinese; the library's own text only with --verbose).
import { DEFAULT_LIMITS, DEFAULT_MAX_TOTAL_MB, type ReadLimits } from '../adapters/file/inspect-workbook';
import { WorkbookOpenError } from '../adapters/file/open-workbook';
import { clipText } from '../core/quote';
import { ArgsError, flag, type ParsedArgs } from './args';

/** --max-size <MB>: the inflated size a workbook may reach (default DEFAULT_MAX_TOTAL_MB). */
export function maxSizeMb(args: ParsedArgs): number | undefined {
  const v = flag(args, '--max-size');
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 100_000) {
    throw new ArgsError(`--max-size 应为解压后的大小上限（MB，1 到 100000 的整数），而不是“${clipText(v)}”。默认 ${DEFAULT_MAX_TOTAL_MB}。`);
  }
  return Number(v);
}

export function readLimits(maxMb: number | undefined): ReadLimits {
  return maxMb === undefined ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, maxTotalBytes: maxMb * 1024 * 1024 };
}

/** The library's text, one line and short, for --verbose. */
export function detailLine(detail: string | undefined): string {
  return detail ? `\n（详细信息：${clipText(detail.replace(/\s+/g, ' '), 300)}）` : '';
}

/** A failed read told with the file named (`withFile`) or not (a batch row names it), detail with --verbose. */
export function openFailure(e: WorkbookOpenError, verbose: boolean, withFile = true): string {
  return `${withFile ? e.message : `无法读取：${e.cause}`}${verbose ? detailLine(e.detail) : ''}`;
}
