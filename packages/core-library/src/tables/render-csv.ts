import { cellText, headerOf, type TableLayout, type TableRow } from './table-file.js';

/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as Windows-1256/1252 and garbles Arabic. */
export const UTF8_BOM = '\uFEFF';

/**
 * A CSV file of a table (RFC 4180 quoting, CRLF line ends, UTF-8 with BOM). Headers in the
 * layout's language; cells via cellText (money exact from minor units, dates in the store's zone).
 */
export async function renderCsv(layout: TableLayout, rows: Iterable<TableRow>): Promise<Buffer> {
  const { stringify } = await import('csv-stringify/sync');
  const records: string[][] = [layout.columns.map((column) => headerOf(column, layout.locale))];
  for (const row of rows) records.push(layout.columns.map((column) => cellText(column, row[column.key] ?? null, layout)));
  return Buffer.from(UTF8_BOM + stringify(records, { record_delimiter: 'windows' }), 'utf8');
}
