// The review record (issue #16): what the officer did about each finding, kept in the workbook so it travels
// with the file. Stored statuses are 已说明 / 误报 (with a reason) and 已改正 (the finding disappeared on a
// re-check); a finding with no valid record, or whose figures changed since it was explained, is 待处理.
// Every error and 提示 of the last check is recorded (待处理 ones too), so that one which disappears on the
// next check can be recorded as 已改正.
import { fnv1a } from './finding-id';

export type ReviewStatus = 'open' | 'fixed' | 'explained' | 'dismissed';
export const REVIEW_STATUS_LABEL: Record<ReviewStatus, string> = { open: '待处理', fixed: '已改正', explained: '已说明', dismissed: '误报' };
/** The statuses a record can hold (待处理 is the absence of a valid record). */
export type StoredStatus = ReviewStatus;
const STORED: StoredStatus[] = ['open', 'fixed', 'explained', 'dismissed'];

/** Limits of what a record may hold: a reason longer than this is refused when set and ignored when read. */
export const REASON_MAX = 2000;
export const USER_MAX = 100;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{0,60}-[0-9a-f]{8}(?:~\d{1,4})?$/;
const FINGERPRINT_PATTERN = /^[0-9a-f]{8}$/;

export interface ReviewRecord {
  /** The finding's stable id (finding-id.ts). */
  id: string;
  status: StoredStatus;
  /** Why: required for 已说明 and 误报; empty for 已改正 and 待处理. Kept exactly as typed. */
  reason: string;
  /** ISO 8601, when the status was set. */
  time: string;
  /** Who set it, where the host tells (the Office user name, the CLI's --user); '' when unknown. */
  user: string;
  /** The finding's fingerprint when the status was set. */
  fingerprint: string;
  /** The finding's rule, table and message then (for the 审核说明 list of 已改正 findings). */
  rule: string;
  table: string;
  message: string;
}

/**
 * A record as stored: the fields and a check (`sum`) over them and the store's id. A record typed or pasted
 * into the store by hand, or copied from another workbook's store, fails the check and is ignored.
 */
export interface StoredRecord extends ReviewRecord {
  sum: string;
}

export function recordSum(r: ReviewRecord, storeId: string): string {
  return fnv1a([storeId, r.id, r.status, r.reason, r.time, r.user, r.fingerprint, r.rule, r.table, r.message].join('\u0001'));
}

export function sealRecord(r: ReviewRecord, storeId: string): StoredRecord {
  return { ...r, sum: recordSum(r, storeId) };
}

/** Why a stored record was ignored (Chinese, for the notice), or null when it is valid. */
export function recordProblem(value: unknown, storeId: string): string | null {
  let r: Partial<StoredRecord>;
  if (typeof value !== 'string') return '不是文本';
  try {
    r = JSON.parse(value) as Partial<StoredRecord>;
  } catch {
    return '不是有效的记录格式';
  }
  if (!r || typeof r !== 'object' || Array.isArray(r)) return '不是有效的记录格式';
  if (typeof r.id !== 'string' || !ID_PATTERN.test(r.id)) return '问题编号无效';
  if (typeof r.status !== 'string' || !(STORED as string[]).includes(r.status)) return '状态无效';
  if (typeof r.reason !== 'string' || r.reason.length > REASON_MAX) return '原因无效';
  if ((r.status === 'explained' || r.status === 'dismissed') && r.reason.trim() === '') return `状态为“${REVIEW_STATUS_LABEL[r.status]}”却没有原因`;
  if (typeof r.time !== 'string' || Number.isNaN(Date.parse(r.time))) return '时间无效';
  if (typeof r.user !== 'string' || r.user.length > USER_MAX) return '用户无效';
  if (typeof r.fingerprint !== 'string' || !FINGERPRINT_PATTERN.test(r.fingerprint)) return '数字指纹无效';
  if (typeof r.rule !== 'string' || typeof r.table !== 'string' || typeof r.message !== 'string') return '问题描述无效';
  if (r.sum !== recordSum(r as ReviewRecord, storeId)) return '校验不符（记录被手工改动或来自其他工作簿）';
  return null;
}

export interface InvalidRecord {
  /** Where it was: the store's row (1-based, as Excel numbers it). */
  row: number;
  problem: string;
}

export interface ReadRecords {
  records: ReviewRecord[];
  invalid: InvalidRecord[];
}

/**
 * Validates every stored entry: only records that pass are returned; the rest are listed with the reason
 * and never applied. A second record for the same id is invalid (which of the two holds is unknown).
 */
export function readRecords(entries: Array<{ row: number; value: unknown }>, storeId: string): ReadRecords {
  const records: ReviewRecord[] = [];
  const invalid: InvalidRecord[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const problem = recordProblem(e.value, storeId);
    if (problem) {
      invalid.push({ row: e.row, problem });
      continue;
    }
    const { sum: _sum, ...r } = JSON.parse(e.value as string) as StoredRecord;
    if (seen.has(r.id)) {
      invalid.push({ row: e.row, problem: `问题编号 ${r.id} 重复` });
      continue;
    }
    seen.add(r.id);
    records.push({
      id: r.id,
      status: r.status,
      reason: r.reason,
      time: r.time,
      user: r.user,
      fingerprint: r.fingerprint,
      rule: r.rule,
      table: r.table,
      message: r.message,
    });
  }
  return { records, invalid };
}

/** The Chinese notice for ignored records, naming the store sheet and each row; null when there were none. */
export function invalidReviewNotice(invalid: InvalidRecord[], sheet: string): string | null {
  if (invalid.length === 0) return null;
  const list = invalid
    .slice(0, 10)
    .map((i) => `第 ${i.row} 行：${i.problem}`)
    .join('；');
  return `审核记录（隐藏工作表“${sheet}”）中有 ${invalid.length} 条无效，已忽略，未采用：${list}${invalid.length > 10 ? '；……' : ''}。`;
}
