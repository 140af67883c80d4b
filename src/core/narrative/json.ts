// The narrative part of the check report, and its JSON form (`"narrative"` of `check --json`).
import { refText } from '../cells';
import type { NarrativeSource } from './model';
import type { FigureResult, FigureStatus } from './result';
import type { FigureKind } from './figures';

export interface NarrativeReport {
  source: NarrativeSource;
  figures: FigureResult[];
}

export interface NarrativeFigureJson {
  text: string;
  value: number;
  kind: FigureKind;
  unit: string;
  paragraph: number;
  /** The sentence, as written. */
  sentence: string;
  sentenceNumber: number;
  /** The narrative's own cell when it is a sheet. */
  cell?: string;
  subject: string | null;
  status: FigureStatus;
  cells: string[];
  expected?: number;
  note?: string;
}

export interface NarrativeJson {
  source: string;
  sourceKind: NarrativeSource['kind'];
  figures: NarrativeFigureJson[];
}

export function narrativeToJson(n: NarrativeReport): NarrativeJson {
  return {
    source: n.source.name,
    sourceKind: n.source.kind,
    figures: n.figures.map((f) => ({
      text: f.text,
      value: f.value,
      kind: f.kind,
      unit: f.unit,
      paragraph: f.sentence.paragraph,
      sentence: f.sentence.text.trim(),
      sentenceNumber: f.sentence.sentence,
      ...(f.sentence.cell ? { cell: refText(f.sentence.cell) } : {}),
      subject: f.subject,
      status: f.status,
      cells: f.cells.map(refText),
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
      ...(f.note ? { note: f.note } : {}),
    })),
  };
}
