// The error generate reports for its input (same file as output, unknown profile), apart from generate-file.ts
// so that the CLI can tell it without loading ExcelJS at startup.
export class GenerateInputError extends Error {}
