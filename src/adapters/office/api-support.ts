// Requirement sets: the floor the add-in needs, and the newer features it uses only when the host has them.

/** Everything works from ExcelApi 1.7 (Office 2019 volume-licensed). */
export const EXCEL_API_FLOOR = '1.7';

/** Answers Office.context.requirements.isSetSupported('ExcelApi', version). */
export type ExcelApiCheck = (version: string) => boolean;

export interface ExcelFeatures {
  /** Worksheet.getRanges / RangeAreas.conditionalFormats: one rule over many areas (1.9). */
  rangeAreas: boolean;
  /** Worksheet.pageLayout: orientation, paper, fit to width, print titles (1.9). */
  pageLayout: boolean;
  /** RangeFormat.indentLevel (1.9). */
  indent: boolean;
  /** Application.suspendScreenUpdatingUntilNextSync (1.9). */
  suspendScreenUpdating: boolean;
  /** Range.getMergedAreasOrNullObject (1.13). */
  mergedAreas: boolean;
  /** Where a finding's message goes on the cell: notes (1.18), else threaded comments (1.10), else only the pane. */
  annotations: 'notes' | 'comments' | 'none';
}

export function detectFeatures(isSupported: ExcelApiCheck): ExcelFeatures {
  return {
    rangeAreas: isSupported('1.9'),
    pageLayout: isSupported('1.9'),
    indent: isSupported('1.9'),
    suspendScreenUpdating: isSupported('1.9'),
    mergedAreas: isSupported('1.13'),
    annotations: isSupported('1.18') ? 'notes' : isSupported('1.10') ? 'comments' : 'none',
  };
}

/** The Chinese message shown when the host is below the floor. */
export const BELOW_FLOOR_MESSAGE =
  '您的 Excel 版本过旧，决算公开助手无法运行。需要 Excel 2019 或更新版本（Excel API 1.7 及以上）、Microsoft 365 或网页版 Excel。请联系单位信息管理员升级 Office。';
