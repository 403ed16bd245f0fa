import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon, ChevronLeftIcon, ChevronRightIcon, DownloadIcon, SearchIcon } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { downloadCsv } from '../../lib/csv/to-csv';
import { cn } from '../../lib/cn';
import { Button } from '../button';
import { useUi } from '../ui-provider';
import { type ColumnModel, filterRows, nextSort, paginate, rowsToCsv, type SortState, sortRows } from './table-model';

export interface DataTableColumn<Row> extends ColumnModel<Row> {
  /** Cell content; defaults to the accessor value as text. Format numbers with the table's locale. */
  cell?: (row: Row) => ReactNode;
  /** 'end' for numbers (right in LTR, left in RTL). Default 'start'. */
  align?: 'start' | 'end';
  className?: string;
}

export interface DataTableLabels {
  /** Button text, e.g. 'Download CSV' / 'تنزيل CSV'. */
  downloadCsv: string;
  previousPage: string;
  nextPage: string;
  /** 'Page 2 of 5' — receives numbers already formatted in the locale. */
  pageOf: (page: string, pageCount: string) => string;
  /** Shown when there are no rows (after filtering). */
  empty: string;
  /** Placeholder and accessible name of the filter box (only with `filterable`). */
  filter?: string;
  /** Accessible sort hints; defaults are English. */
  sortAscending?: string;
  sortDescending?: string;
}

export interface DataTableProps<Row> {
  columns: readonly DataTableColumn<Row>[];
  data: readonly Row[];
  labels: DataTableLabels;
  getRowId?: (row: Row, index: number) => string;
  pageSize?: number;
  initialSort?: SortState | null;
  /** Shows a text box that filters rows across all columns. */
  filterable?: boolean;
  /** File name for the CSV download (".csv" is added when missing). */
  csvFilename?: string;
  /**
   * 'all' (default): every row that passes the filter, in the current sort order, across pages.
   * 'page': only the rows on the current page.
   */
  csvScope?: 'all' | 'page';
  /** Intl locale for sorting text and page numbers; defaults to UiProvider's. */
  locale?: string;
  caption?: string;
  className?: string;
}

/**
 * Sortable, paginated table; "download CSV" writes exactly the rows the merchant is looking at —
 * current filter and sort — with a UTF-8 BOM so Excel shows Arabic.
 */
export function DataTable<Row>({
  columns,
  data,
  labels,
  getRowId,
  pageSize = 10,
  initialSort = null,
  filterable = false,
  csvFilename = 'export.csv',
  csvScope = 'all',
  locale,
  caption,
  className,
}: DataTableProps<Row>) {
  const ui = useUi();
  const activeLocale = locale ?? ui.locale;
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const [query, setQuery] = useState('');
  const [pageIndex, setPageIndex] = useState(0);

  const visible = useMemo(
    () => sortRows(filterRows(data, columns, query), columns, sort, activeLocale),
    [data, columns, query, sort, activeLocale],
  );
  const page = paginate(visible, pageIndex, pageSize);
  const number = (n: number) => new Intl.NumberFormat(activeLocale).format(n);

  const onDownload = () => downloadCsv(rowsToCsv(csvScope === 'page' ? page.rows : visible, columns), csvFilename);

  return (
    <div data-slot="data-table" className={cn('flex flex-col gap-3', className)}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {filterable ? (
          <label className="relative flex min-w-48 max-w-xs flex-1 items-center">
            <SearchIcon className="pointer-events-none absolute start-2.5 size-4 text-muted-foreground" aria-hidden="true" />
            <input
              type="search"
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setPageIndex(0);
              }}
              placeholder={labels.filter}
              aria-label={labels.filter}
              className="h-9 w-full rounded-md border border-input bg-transparent ps-8 pe-3 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30"
            />
          </label>
        ) : (
          <span />
        )}
        <Button variant="outline" size="sm" onClick={onDownload} disabled={visible.length === 0}>
          <DownloadIcon aria-hidden="true" />
          {labels.downloadCsv}
        </Button>
      </div>

      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full caption-bottom text-sm">
          {caption && <caption className="mt-3 text-muted-foreground text-sm">{caption}</caption>}
          <thead className="bg-muted/50">
            <tr className="border-b">
              {columns.map((column) => {
                const sorted = sort?.columnId === column.id ? sort.direction : undefined;
                const sortable = column.sortable !== false;
                const SortIcon = sorted === 'asc' ? ArrowUpIcon : sorted === 'desc' ? ArrowDownIcon : ArrowUpDownIcon;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    className={cn(
                      'h-10 whitespace-nowrap px-3 font-medium text-muted-foreground',
                      column.align === 'end' ? 'text-end' : 'text-start',
                    )}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        onClick={() => {
                          setSort(nextSort(sort, column.id));
                          setPageIndex(0);
                        }}
                        title={sorted === 'asc' ? (labels.sortDescending ?? 'Sort descending') : (labels.sortAscending ?? 'Sort ascending')}
                        className={cn(
                          '-mx-1 inline-flex cursor-pointer items-center gap-1 rounded px-1 py-0.5 outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50',
                          sorted && 'text-foreground',
                          column.align === 'end' && 'flex-row-reverse',
                        )}
                      >
                        {column.header}
                        <SortIcon className={cn('size-3.5', !sorted && 'opacity-40')} aria-hidden="true" />
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {page.rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="h-24 px-3 text-center text-muted-foreground">
                  {labels.empty}
                </td>
              </tr>
            ) : (
              page.rows.map((row, index) => (
                <tr
                  key={getRowId ? getRowId(row, index) : index}
                  className="border-b transition-colors last:border-0 hover:bg-muted/40"
                >
                  {columns.map((column) => (
                    <td
                      key={column.id}
                      className={cn(
                        'px-3 py-2.5',
                        column.align === 'end' ? 'text-end tabular-nums' : 'text-start',
                        column.className,
                      )}
                    >
                      {column.cell ? column.cell(row) : String(column.accessor(row) ?? '')}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <div className="flex items-center justify-end gap-2 text-muted-foreground text-sm">
        <span data-slot="data-table-page" aria-live="polite">
          {labels.pageOf(number(page.pageIndex + 1), number(page.pageCount))}
        </span>
        <Button
          variant="outline"
          size="icon"
          className="size-8"
          onClick={() => setPageIndex(page.pageIndex - 1)}
          disabled={page.pageIndex === 0}
          aria-label={labels.previousPage}
        >
          {/* "Previous" points back along the reading direction: left in LTR, right in RTL. */}
          <ChevronLeftIcon className="rtl:rotate-180" aria-hidden="true" />
        </Button>
        <Button
          variant="outline"
          size="icon"
          className="size-8"
          onClick={() => setPageIndex(page.pageIndex + 1)}
          disabled={page.pageIndex >= page.pageCount - 1}
          aria-label={labels.nextPage}
        >
          <ChevronRightIcon className="rtl:rotate-180" aria-hidden="true" />
        </Button>
      </div>
    </div>
  );
}
