/**
 * A cell of an exported CSV or spreadsheet that Excel, LibreOffice or Google Sheets will show as
 * text, never run as a formula (CSV/formula injection, OWASP): text starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading apostrophe. Names staff can edit (counters,
 * staff, procedures, agencies) reach exports, so every export passes every cell through this.
 * Numbers stay numbers (a negative figure is data, not a formula); null and undefined are empty.
 */
export function spreadsheetCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
