// The 情况说明 check use case (#13): the narrative (text, paragraphs or a sheet) against the tables' figures.
// `checkNarrative` is the stable entry the draft generator (src/generator/narrative) also calls.
import {
  checkNarrativeDocument,
  type FigureResult,
  type NarrativeCheckOptions,
  type NarrativeDocument,
  type NarrativeParagraph,
  type NarrativeResult,
  type NarrativeSource,
} from '../core/narrative';
import type { Finding } from '../core/findings';
import type { FinalAccounts } from '../core/model';
import type { WorkbookSnapshot } from '../port/snapshot';
import { findNarrativeSheet, narrativeFromSheet, narrativeFromText } from '../readers/narrative';

export type { FigureResult, NarrativeResult, NarrativeCheckOptions, NarrativeDocument, NarrativeParagraph, NarrativeSource };
export { narrativeFromText };

/** Text (one paragraph per line), paragraphs (with their sheet cells when from a sheet), or a read document. */
export type NarrativeInput = string | NarrativeParagraph[] | NarrativeDocument;

export interface NarrativeCheckResult {
  source: NarrativeSource;
  figures: FigureResult[];
  findings: Finding[];
}

function toDocument(input: NarrativeInput, source: NarrativeSource): NarrativeDocument {
  if (typeof input === 'string') return narrativeFromText(input, source);
  if (Array.isArray(input)) return { source, paragraphs: input };
  return input;
}

/**
 * Checks a 情况说明 against the tables: every figure with its subject and status, and the N1…N10 findings
 * (each quoting its sentence, with its location and cells). Pure: no I/O.
 */
export function checkNarrative(
  input: NarrativeInput,
  accounts: FinalAccounts,
  options: NarrativeCheckOptions & { source?: NarrativeSource } = {},
): NarrativeCheckResult {
  const doc = toDocument(input, options.source ?? { kind: 'text', name: '情况说明' });
  const result: NarrativeResult = checkNarrativeDocument(doc, accounts, options);
  return { source: result.source, figures: result.figures, findings: result.findings };
}

/** The workbook's own 情况说明 sheet, read as a document; null when there is none. */
export function narrativeOfWorkbook(snapshot: WorkbookSnapshot): NarrativeDocument | null {
  const sheet = findNarrativeSheet(snapshot);
  return sheet ? narrativeFromSheet(sheet) : null;
}
