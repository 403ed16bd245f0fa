import { currencyExponent } from '../money/currency.js';
import { cellText, headerOf, type TableColumn, type TableLayout, type TableRow } from './table-file.js';

/**
 * An XLSX workbook of a table, written with exceljs' streaming writer (rows are committed as they
 * come, so a large export never holds the sheet model in memory). Sheet 1 is the table (right-to-
 * left in Arabic, header row frozen and bold); numbers are numbers with a display format (money
 * with the currency's decimals: the value is the decimal in major units, exactly as its text);
 * dates are written as text in the store's time zone so Excel cannot shift them. Sheet 2 ("about")
 * describes the view. Accepts rows as an iterable or async iterable (pages from the repository).
 */
export async function renderXlsx(layout: TableLayout, rows: Iterable<TableRow> | AsyncIterable<TableRow>): Promise<Buffer> {
  const [{ default: ExcelJS }, { Writable }] = await Promise.all([import('exceljs'), import('node:stream')]);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const rtl = layout.locale === 'ar';
  const sheet = workbook.addWorksheet(layout.locale === 'ar' ? 'البيانات' : 'Data', {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }],
  });
  sheet.columns = layout.columns.map((column) => ({
    header: headerOf(column, layout.locale),
    key: column.key,
    width: Math.max(12, headerOf(column, layout.locale).length + 4),
    style: numFmtOf(column, layout) ? { numFmt: numFmtOf(column, layout) } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of rows) {
    sheet.addRow(layout.columns.map((column) => xlsxValue(column, row[column.key] ?? null, layout))).commit();
  }
  sheet.commit();
  const about = workbook.addWorksheet(layout.locale === 'ar' ? 'حول' : 'About', { views: [{ rightToLeft: rtl }] });
  about.columns = [{ width: 24 }, { width: 48 }];
  about.addRow([layout.title[layout.locale]]).commit();
  for (const [label, value] of layout.about ?? []) about.addRow([label, value]).commit();
  about.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

function numFmtOf(column: TableColumn, layout: TableLayout): string | undefined {
  if (column.kind === 'money') {
    const decimals = currencyExponent(layout.currency);
    return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
  }
  if (column.kind === 'percent' || column.kind === 'decimal') return '0.00';
  if (column.kind === 'integer') return '0';
  return undefined;
}

function xlsxValue(column: TableColumn, value: TableRow[string], layout: TableLayout): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'money' || column.kind === 'percent' || column.kind === 'decimal' || column.kind === 'integer') {
    // The number nearest the exact decimal text (e.g. 456.03 from 45603 halalas).
    return Number(cellText(column, value, layout));
  }
  return cellText(column, value, layout);
}
