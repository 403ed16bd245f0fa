import type { CurrencyCode } from '../money/currency.js';
import { minorUnitsToDecimalString } from '../money/to-minor-units.js';
import { toLocalDate, toLocalDateTime } from '../time/zoned-time.js';

/** How a column's values are stored and written. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'date' | 'datetime';

export interface Bilingual {
  ar: string;
  en: string;
}

export interface TableColumn {
  key: string;
  kind: ColumnKind;
  header: Bilingual;
}

/** A cell as the repository gives it: money in integer minor units, shares as 0..1, instants as Date. */
export type TableCell = string | number | Date | null;
export type TableRow = Record<string, TableCell>;

export type TableLocale = 'ar' | 'en';

/** Everything a CSV or XLSX file of a table view needs besides its rows. */
export interface TableLayout {
  title: Bilingual;
  columns: readonly TableColumn[];
  locale: TableLocale;
  currency: CurrencyCode;
  /** Dates and times are written as local wall time in this zone (the store's). */
  timeZone: string;
  /** Label/value lines describing the view (store, period, filters), shown on the XLSX's second sheet. */
  about?: ReadonlyArray<readonly [string, string]>;
}

/**
 * A cell as text, exactly: money from minor units as a decimal in major units (45603 → '456.03'),
 * shares as percent with two decimals (0.1234 → '12.34'), instants as the store's local date or
 * 'YYYY-MM-DD HH:mm:ss'. Empty for null.
 */
export function cellText(column: TableColumn, value: TableCell, layout: Pick<TableLayout, 'currency' | 'timeZone'>): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'money':
      return minorUnitsToDecimalString(Number(value), layout.currency);
    case 'percent':
      return (Math.round(Number(value) * 10_000) / 100).toFixed(2);
    case 'decimal':
      return (Math.round(Number(value) * 100) / 100).toFixed(2);
    case 'integer':
      return String(Math.trunc(Number(value)));
    case 'date':
      return value instanceof Date ? toLocalDate(value, layout.timeZone) : String(value);
    case 'datetime':
      return value instanceof Date ? toLocalDateTime(value, layout.timeZone) : String(value);
    default:
      return String(value);
  }
}

export function headerOf(column: TableColumn, locale: TableLocale): string {
  return column.header[locale];
}
