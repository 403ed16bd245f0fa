import { AppError } from '../errors/app-error.js';

/** The most bytes an uploaded order-history file may have. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The most data rows (after the header) an uploaded file may have. */
export const IMPORT_MAX_ROWS = 20_000;

export type ImportFileFormat = 'csv' | 'xlsx';

/** A cell as read: text, or an instant for XLSX date cells (Excel's wall time read as UTC). */
export type RawCell = string | Date;

export interface RawTable {
  headers: string[];
  /** Data rows; row i is spreadsheet row i + 2 (row 1 is the header). */
  rows: RawCell[][];
}

/** The format of an upload by its name and first bytes (XLSX is a zip: 'PK'). */
export function importFormatOf(fileName: string, bytes: Uint8Array): ImportFileFormat {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(fileName)) {
    if (!zip) throw new AppError('VALIDATION_FAILED', 'The file is named .xlsx but is not an Excel workbook');
    return 'xlsx';
  }
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  if (zip) return 'xlsx';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload a CSV (.csv) or Excel (.xlsx) file');
}

/**
 * Reads the first sheet (XLSX) or the CSV (UTF-8, with or without BOM; comma, semicolon or tab
 * separated) into a header row and data rows. Blank rows are skipped; more than IMPORT_MAX_ROWS
 * rows is refused (PAYLOAD_TOO_LARGE) rather than cut.
 */
export async function readTableFile(bytes: Uint8Array, format: ImportFileFormat): Promise<RawTable> {
  if (bytes.byteLength > IMPORT_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  }
  const table = format === 'csv' ? await readCsv(bytes) : await readXlsx(bytes);
  if (table.headers.every((header) => header === '')) throw new AppError('VALIDATION_FAILED', 'The file has no header row');
  if (table.rows.length === 0) throw new AppError('VALIDATION_FAILED', 'The file has no data rows');
  if (table.rows.length > IMPORT_MAX_ROWS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The file has ${table.rows.length} rows; at most ${IMPORT_MAX_ROWS} can be imported at once`);
  }
  return table;
}

async function readCsv(bytes: Uint8Array): Promise<RawTable> {
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(Buffer.from(bytes), {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `The CSV file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [headers = [], ...rows] = records;
  return { headers: headers.map((header) => header.trim()), rows: rows.filter((row) => row.some((cell) => cell !== '')) };
}

async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `The Excel file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION_FAILED', 'The Excel file has no sheet');
  const width = sheet.columnCount;
  const rows: RawCell[][] = [];
  let headers: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    if (headers === null) headers = cells.map((cell) => (cell instanceof Date ? cell.toISOString() : cell));
    else if (cells.some((cell) => cell !== '')) rows.push(cells);
  });
  return { headers: headers ?? [], rows };
}

function cellValue(value: unknown): RawCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: Array<{ text: string }>; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('').trim();
    if ('result' in v) return cellValue(v.result);
    if (v.text !== undefined) return cellValue(v.text);
    if (v.error !== undefined) return '';
  }
  return String(value).trim();
}
