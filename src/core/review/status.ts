// A check's findings with what the review record says about them, the record to keep, and whether the set
// is ready to publish (可以公开: no error 待处理 and every 提示 explained or dismissed).
import type { Finding } from '../findings';
import { REASON_MAX, type ReviewRecord, type ReviewStatus } from './record';

export interface ReviewedFinding {
  finding: Finding;
  status: ReviewStatus;
  /** The record that gives the status (also for 待处理 after a change: the explanation that no longer holds). */
  record?: ReviewRecord;
  /** It was explained or dismissed, and its figures changed since: 待处理 again. */
  changed?: boolean;
}

export interface ReviewState {
  /** Errors and 提示 (尾差 are never a problem and need no review), in the check's order. */
  findings: ReviewedFinding[];
  /** Findings recorded in an earlier check and not found now: 已改正. */
  fixed: ReviewRecord[];
  /** What the workbook's record should hold after this check. */
  records: ReviewRecord[];
}

export interface Reviewer {
  /** ISO time of this check. */
  now: string;
  user: string;
}

const needsReview = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

function recordOf(f: Finding, status: ReviewStatus, reason: string, who: Reviewer): ReviewRecord {
  return {
    id: f.id!,
    status,
    reason,
    time: who.now,
    user: who.user,
    fingerprint: f.fingerprint!,
    rule: f.rule,
    table: f.table,
    message: f.message,
  };
}

/** Joins a check's findings (with ids, see identifyFindings) with the records read from the workbook. */
export function reviewFindings(findings: Finding[], records: ReviewRecord[], who: Reviewer): ReviewState {
  const byId = new Map(records.map((r) => [r.id, r]));
  const present = new Set<string>();
  const out: ReviewedFinding[] = [];
  const next: ReviewRecord[] = [];
  for (const f of findings.filter(needsReview)) {
    if (!f.id || !f.fingerprint) continue;
    present.add(f.id);
    const r = byId.get(f.id);
    const holds = r && (r.status === 'explained' || r.status === 'dismissed') && r.fingerprint === f.fingerprint;
    if (holds) {
      out.push({ finding: f, status: r.status, record: r });
      next.push(r);
    } else {
      const changed = !!r && (r.status === 'explained' || r.status === 'dismissed');
      out.push({ finding: f, status: 'open', ...(r ? { record: r } : {}), ...(changed ? { changed } : {}) });
      // A record that still says 待处理 keeps its time: it says since when the finding has been open.
      next.push(r && r.status === 'open' && r.fingerprint === f.fingerprint ? r : recordOf(f, 'open', '', who));
    }
  }
  const fixed: ReviewRecord[] = [];
  for (const r of records) {
    if (present.has(r.id)) continue;
    const now = r.status === 'fixed' ? r : { ...r, status: 'fixed' as const, time: who.now, user: who.user };
    fixed.push(now);
    next.push(now);
  }
  return { findings: out, fixed, records: next };
}

export class ReviewInputError extends Error {}

/**
 * Sets the status of one finding (已说明 / 误报 with a reason, or back to 待处理). Throws a ReviewInputError
 * (Chinese) for an unknown id, an empty reason or one over REASON_MAX.
 */
export function setStatus(state: ReviewState, id: string, status: 'explained' | 'dismissed' | 'open', reason: string, who: Reviewer): ReviewState {
  const target = state.findings.find((r) => r.finding.id === id);
  if (!target) throw new ReviewInputError(`本次检查没有编号为“${id}”的错误或提示（请用 check --json 查看每个问题的 id）。`);
  if (status !== 'open' && reason.trim() === '') throw new ReviewInputError(`问题 ${id}：标为已说明或误报时必须写明原因。`);
  if (reason.length > REASON_MAX) throw new ReviewInputError(`问题 ${id}：原因过长（${reason.length} 字，最多 ${REASON_MAX} 字）。`);
  const record = recordOf(target.finding, status, status === 'open' ? '' : reason, who);
  return {
    findings: state.findings.map((r) => (r === target ? { finding: r.finding, status, record } : r)),
    fixed: state.fixed,
    records: state.records.map((r) => (r.id === id ? record : r)),
  };
}

export interface Readiness {
  ready: boolean;
  openErrors: number;
  openWarnings: number;
  /** 可以公开, or why not (Chinese). */
  text: string;
}

export function readiness(state: ReviewState): Readiness {
  const open = state.findings.filter((r) => r.status === 'open');
  const openErrors = open.filter((r) => r.finding.severity === 'error').length;
  const openWarnings = open.length - openErrors;
  if (open.length === 0) return { ready: true, openErrors, openWarnings, text: '可以公开：没有待处理的错误，所有提示均已说明或标为误报。' };
  const why = [openErrors ? `${openErrors} 个错误待处理` : '', openWarnings ? `${openWarnings} 个提示尚未说明或标为误报` : ''].filter(Boolean);
  return { ready: false, openErrors, openWarnings, text: `尚不能公开：${why.join('，')}。` };
}
