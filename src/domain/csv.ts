/** Leading characters that make spreadsheets treat a cell as a formula (CWE-1236). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * One CSV cell, safe to open in a spreadsheet: text starting with a formula trigger gets a leading `'`
 * (shown as text, never evaluated), and the cell is quoted as RFC 4180 requires when it holds a comma,
 * quote or line break. Numbers are written as they are.
 */
export function escapeCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF terminator (RFC 4180). */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(escapeCsvCell).join(',')}\r\n`;
}
