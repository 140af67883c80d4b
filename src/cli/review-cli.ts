// What the review commands (explain, report) and check share on the command line: who and when, the
// readiness exit code, the findings with their status in --json.
import { userInfo } from 'node:os';
import type { ReviewedCheck } from '../app/review';
import type { CheckOptions } from '../app/check';
import { findingToJson } from '../core/findings';
import { REVIEW_STATUS_LABEL } from '../core/review/record';
import type { Reviewer } from '../core/review/status';
import { reportToJson } from '../core/report';
import type { ExcelJsWorkbookPort } from '../adapters/file/exceljs-port';

/** What main gives the review commands: opening a workbook and the check options, as check does them. */
export interface ReviewCliContext {
  open(path: string): Promise<ExcelJsWorkbookPort>;
  checkOptions(file: string): Promise<CheckOptions>;
}

/** `--user` or the login name; the time now. */
export function reviewer(user: string | undefined): Reviewer {
  let name = user ?? '';
  if (user === undefined) {
    try {
      name = userInfo().username;
    } catch {
      name = '';
    }
  }
  return { now: new Date().toISOString(), user: name.slice(0, 100) };
}

/** 0 可以公开; 1 an error 待处理; 3 no error 待处理 but a 提示 not yet explained or dismissed. */
export function readinessExitCode(reviewed: ReviewedCheck): number {
  const r = reviewed.readiness;
  return r.ready ? 0 : r.openErrors > 0 ? 1 : 3;
}

/** check --json with each finding's review status and reason, and the readiness. */
export function reviewedJson(reviewed: ReviewedCheck): unknown {
  const byId = new Map(reviewed.state.findings.map((r) => [r.finding.id, r]));
  const base = reportToJson(reviewed.report);
  return {
    ...base,
    findings: reviewed.report.findings.map((f) => {
      const r = byId.get(f.id);
      const json = findingToJson(f);
      if (!r) return json;
      return {
        ...json,
        status: REVIEW_STATUS_LABEL[r.status],
        ...(r.status !== 'open' && r.record ? { reason: r.record.reason, reviewedAt: r.record.time, reviewedBy: r.record.user } : {}),
        ...(r.changed ? { changedSinceReview: true } : {}),
      };
    }),
    fixed: reviewed.state.fixed.map((r) => ({ id: r.id, rule: r.rule, table: r.table, message: r.message, time: r.time })),
    readiness: { ...reviewed.readiness, invalidRecords: reviewed.invalid.length },
  };
}
