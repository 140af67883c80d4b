// The part of the WPS 表格 (ET) object model the WPS adapter uses, as structural types. WPS's JS API follows
// Excel's VBA object model (PascalCase members, 1-based collections, synchronous calls); every member access
// crosses from the add-in's Chromium into WPS, so the adapter reads and writes in bulk (docs/wps.md lists the
// members and where they are documented). The strict fake in test/addin/fake-wps.ts implements exactly these.

export interface WpsApplicationSurface {
  /** The workbook in front; null when none is open. */
  readonly ActiveWorkbook: WpsWorkbookSurface | null;
  /** The window of the active sheet (freeze panes are a window's, as in VBA). */
  readonly ActiveWindow: WpsWindowSurface;
}

export interface WpsWorkbookSurface {
  readonly Worksheets: WpsSheetsSurface;
  /** Where the mark record is kept (saved with the file). */
  readonly CustomDocumentProperties: WpsDocumentPropertiesSurface;
}

export interface WpsSheetsSurface {
  readonly Count: number;
  /** 1-based index or sheet name. */
  Item(index: number | string): WpsWorksheetSurface;
  /** VBA Worksheets.Add(Before, After): a new sheet after `after`. */
  Add(before?: WpsWorksheetSurface, after?: WpsWorksheetSurface): WpsWorksheetSurface;
}

export interface WpsWorksheetSurface {
  Name: string;
  readonly UsedRange: WpsRangeSurface;
  /** Every cell of the sheet (its FormatConditions lists every rule on the sheet). */
  readonly Cells: WpsRangeSurface;
  readonly PageSetup: WpsPageSetupSurface;
  /** An A1 address, or several joined by commas (at most ADDRESS_LIMIT characters). */
  Range(address: string): WpsRangeSurface;
  Activate(): void;
}

export interface WpsRangeSurface {
  /** 1-based first row / column. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: WpsCountSurface;
  readonly Columns: WpsCountSurface;
  /** A 2-D array (rows of values) for several cells, the value itself for one cell. */
  Value2: unknown;
  NumberFormat: string;
  /** True when every cell is part of a merged area, false when none is, null when mixed. */
  readonly MergeCells: boolean | null;
  /** The merged area of a one-cell range (the cell itself when it is not merged). */
  readonly MergeArea: WpsRangeSurface;
  readonly Font: WpsFontSurface;
  readonly Interior: WpsInteriorSurface;
  readonly Borders: WpsBordersSurface;
  readonly FormatConditions: WpsFormatConditionsSurface;
  /** The cell's comment (批注), null when it has none. */
  readonly Comment: WpsCommentSurface | null;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  IndentLevel: number;
  ColumnWidth: number;
  RowHeight: number;
  Merge(): void;
  Select(): void;
  AddComment(text: string): WpsCommentSurface;
}

export interface WpsCountSurface {
  readonly Count: number;
}

export interface WpsFontSurface {
  Bold: boolean;
  Size: number;
  Name: string;
}

export interface WpsInteriorSurface {
  /** BGR as one number (VBA's RGB(): red + green·256 + blue·65536). */
  Color: number;
}

export interface WpsBordersSurface {
  LineStyle: number;
  Weight: number;
  Color: number;
}

export interface WpsFormatConditionsSurface {
  readonly Count: number;
  Item(index: number): WpsFormatConditionSurface;
  /** VBA FormatConditions.Add(Type, Operator, Formula1). */
  Add(type: number, operator: number | undefined, formula1: string): WpsFormatConditionSurface;
}

export interface WpsFormatConditionSurface {
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: WpsInteriorSurface;
  Delete(): void;
}

export interface WpsCommentSurface {
  Text(): string;
  Delete(): void;
}

export interface WpsPageSetupSurface {
  Orientation: number;
  PaperSize: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  PrintTitleRows: string;
}

export interface WpsWindowSurface {
  SplitColumn: number;
  SplitRow: number;
  FreezePanes: boolean;
}

export interface WpsDocumentPropertiesSurface {
  readonly Count: number;
  Item(index: number): WpsDocumentPropertySurface;
  /** VBA CustomDocumentProperties.Add(Name, LinkToContent, Type, Value). */
  Add(name: string, linkToContent: boolean, type: number, value: string): WpsDocumentPropertySurface;
}

export interface WpsDocumentPropertySurface {
  readonly Name: string;
  readonly Value: unknown;
  Delete(): void;
}

/** The VBA constants the adapter writes (XlFormatConditionType, XlHAlign, XlLineStyle …). */
export const XL = {
  expression: 2,
  hLeft: -4131,
  hCenter: -4108,
  hRight: -4152,
  vTop: -4160,
  vCenter: -4108,
  vBottom: -4107,
  continuous: 1,
  thin: 2,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  /** MsoDocProperties.msoPropertyTypeString. */
  propertyString: 4,
} as const;
