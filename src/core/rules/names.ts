// Name comparison that ignores what printing changes: spaces, bracket widths, quotes.
export function normName(name: string): string {
  return name.replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/[“”"]/g, '');
}
