import { type CsvCell, toCsv } from '../../lib/csv/to-csv';

export type SortValue = string | number | Date | boolean | null | undefined;
export type SortDirection = 'asc' | 'desc';
export interface SortState {
  columnId: string;
  direction: SortDirection;
}

/** The part of a column the table logic needs (the React column adds rendering). */
export interface ColumnModel<Row> {
  id: string;
  header: string;
  /** Raw value for sorting, filtering and (by default) CSV. */
  accessor: (row: Row) => SortValue;
  /** Value written to CSV; defaults to the raw accessor value (numbers stay numbers for Excel). */
  csv?: (row: Row) => CsvCell;
  /** Text the global filter matches; defaults to String(accessor). */
  filterText?: (row: Row) => string;
  sortable?: boolean;
}

function compareValues(a: SortValue, b: SortValue, collator: Intl.Collator): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

const isBlank = (value: SortValue) =>
  value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));

/** Stable sort; blanks always last whatever the direction; text by the locale's collation. */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly ColumnModel<Row>[],
  sort: SortState | null,
  locale: string,
): Row[] {
  const column = sort && columns.find((c) => c.id === sort.columnId);
  if (!sort || !column) return [...rows];
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const factor = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.accessor(row) }))
    .sort((x, y) => {
      const xBlank = isBlank(x.value);
      const yBlank = isBlank(y.value);
      if (xBlank || yBlank) return xBlank === yBlank ? x.index - y.index : xBlank ? 1 : -1;
      return factor * compareValues(x.value, y.value, collator) || x.index - y.index;
    })
    .map((entry) => entry.row);
}

/** Rows whose text in any column contains the query (case- and accent-insensitive). */
export function filterRows<Row>(rows: readonly Row[], columns: readonly ColumnModel<Row>[], query: string): Row[] {
  const needle = normalise(query.trim());
  if (needle === '') return [...rows];
  return rows.filter((row) =>
    columns.some((column) => {
      const text = column.filterText ? column.filterText(row) : String(column.accessor(row) ?? '');
      return normalise(text).includes(needle);
    }),
  );
}

// Drops Latin accents and Arabic diacritics (tashkeel, tatweel) so 'مُنتَج' matches 'منتج'.
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .toLocaleLowerCase();
}

/** Next sort when a header is clicked: ascending → descending → unsorted. */
export function nextSort(current: SortState | null, columnId: string): SortState | null {
  if (!current || current.columnId !== columnId) return { columnId, direction: 'asc' };
  if (current.direction === 'asc') return { columnId, direction: 'desc' };
  return null;
}

export interface Page<Row> {
  rows: Row[];
  /** 0-based, clamped into range. */
  pageIndex: number;
  pageCount: number;
}

export function paginate<Row>(rows: readonly Row[], pageIndex: number, pageSize: number): Page<Row> {
  const size = Math.max(1, Math.floor(pageSize));
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const index = Math.min(Math.max(0, pageIndex), pageCount - 1);
  return { rows: rows.slice(index * size, (index + 1) * size), pageIndex: index, pageCount };
}

/** CSV (with BOM) of the given rows in the given columns, headers as displayed. */
export function rowsToCsv<Row>(rows: readonly Row[], columns: readonly ColumnModel<Row>[]): string {
  return toCsv(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => (c.csv ? c.csv(row) : (c.accessor(row) as CsvCell)))),
  );
}
