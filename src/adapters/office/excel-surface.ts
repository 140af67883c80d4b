// The part of the Excel JavaScript API the Office adapter uses, as structural types.
// The real Excel.RequestContext satisfies it (checked at compile time in src/taskpane/office-host.ts);
// the strict fake in test/addin/fake-excel.ts implements it. Enum-typed properties are plain strings here
// so that the real types (enum | literal unions) stay assignable.

export interface LoadableSurface {
  load(propertyNames?: string | string[]): unknown;
}

export interface NullableSurface extends LoadableSurface {
  readonly isNullObject: boolean;
}

export interface ExcelContextSurface {
  readonly workbook: WorkbookSurface;
  sync(): Promise<unknown>;
}

export interface WorkbookSurface {
  readonly worksheets: WorksheetCollectionSurface;
  readonly settings: SettingCollectionSurface;
  /** ExcelApi 1.9. */
  readonly application: ApplicationSurface;
  /** ExcelApi 1.18. */
  readonly notes: NoteCollectionSurface;
  /** ExcelApi 1.10. */
  readonly comments: CommentCollectionSurface;
}

export interface ApplicationSurface {
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface WorksheetCollectionSurface extends LoadableSurface {
  readonly items: WorksheetSurface[];
  getItem(key: string): WorksheetSurface;
  add(name?: string): WorksheetSurface;
}

export interface WorksheetSurface extends LoadableSurface {
  readonly name: string;
  /** `Visible` | `Hidden` | `VeryHidden` (ExcelApi 1.1); our review store is VeryHidden. */
  visibility: string;
  readonly freezePanes: FreezePanesSurface;
  /** ExcelApi 1.9. */
  readonly pageLayout: PageLayoutSurface;
  getRange(address?: string): RangeSurface;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeSurface;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeSurface;
  /** ExcelApi 1.9. */
  getRanges(address?: string): RangeAreasSurface;
  activate(): void;
}

export interface RangeSurface extends NullableSurface {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  numberFormat: unknown[][];
  readonly format: RangeFormatSurface;
  readonly conditionalFormats: ConditionalFormatCollectionSurface;
  merge(across?: boolean): void;
  select(): void;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreasSurface;
}

export interface RangeAreasSurface extends NullableSurface {
  readonly address: string;
  readonly format: RangeFormatSurface;
  readonly conditionalFormats: ConditionalFormatCollectionSurface;
}

export interface RangeFormatSurface {
  readonly font: { bold: boolean; size: number; name: string };
  readonly fill: { color: string };
  readonly borders: { getItem(index: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal'): BorderSurface };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  /** ExcelApi 1.9. */
  indentLevel: number;
  columnWidth: number;
  rowHeight: number;
}

export interface BorderSurface {
  style: string;
  weight: string;
  color: string;
}

export interface FreezePanesSurface {
  freezeRows(count?: number): void;
}

export interface PageLayoutSurface {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  setPrintTitleRows(rows: string): void;
}

export interface ConditionalFormatCollectionSurface extends LoadableSurface {
  readonly items: ConditionalFormatSurface[];
  add(type: 'Custom'): ConditionalFormatSurface;
  getItem(id: string): ConditionalFormatSurface;
}

export interface ConditionalFormatSurface extends LoadableSurface {
  readonly id: string;
  readonly type: string;
  readonly custom: CustomConditionalFormatSurface;
  readonly customOrNullObject: CustomConditionalFormatSurface & NullableSurface;
  delete(): void;
}

export interface CustomConditionalFormatSurface extends LoadableSurface {
  readonly rule: { formula: string };
  readonly format: { readonly fill: { color: string } };
}

export interface SettingCollectionSurface {
  add(key: string, value: unknown): unknown;
  getItemOrNullObject(key: string): SettingSurface;
}

export interface SettingSurface extends NullableSurface {
  value: unknown;
  delete(): void;
}

export interface AnnotationSurface extends LoadableSurface {
  content: unknown;
  getLocation(): RangeSurface;
  delete(): void;
}

/** OfficeExtension.ClientResult: the value is readable after the sync. */
export interface ClientResultSurface<T> {
  readonly value: T;
}

export interface NoteCollectionSurface extends LoadableSurface {
  readonly items: AnnotationSurface[];
  getCount(): ClientResultSurface<number>;
  getItemAt(index: number): AnnotationSurface;
  add(cellAddress: string, content: string): unknown;
  /** The note of a cell, by its sheet-qualified address. */
  getItem(key: string): AnnotationSurface;
}

export interface CommentCollectionSurface extends LoadableSurface {
  readonly items: AnnotationSurface[];
  getCount(): ClientResultSurface<number>;
  getItemAt(index: number): AnnotationSurface;
  add(cellAddress: string, content: string): unknown;
  getItemByCell(cellAddress: string): AnnotationSurface;
}

/** Runs one batch in a fresh request context (Excel.run in the host, FakeExcel.run in tests). */
export type ExcelRunner = <T>(batch: (context: ExcelContextSurface) => Promise<T>) => Promise<T>;
