import { renderCsv } from '../tables/render-csv.js';
import { renderXlsx } from '../tables/render-xlsx.js';
import type { TableLayout, TableRow } from '../tables/table-file.js';
import { EXPORT_TABLE_COLUMNS, EXPORT_TABLE_TITLES, type ExportSpec } from './export-tables.js';

/** A spec's file layout: the table's columns and title, the store's currency and zone, what the view showed. */
export function exportLayout(spec: ExportSpec): TableLayout {
  const ar = spec.locale === 'ar';
  const filters = Object.entries(spec.filters)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  const about: Array<readonly [string, string]> = [
    [ar ? 'المتجر' : 'Store', spec.storeName],
    [ar ? 'الفترة' : 'Period', `${spec.period.fromDate} – ${spec.period.toDate}`],
    [ar ? 'المنطقة الزمنية' : 'Time zone', spec.period.timeZone],
    [ar ? 'العملة' : 'Currency', spec.currency],
  ];
  if (filters) about.push([ar ? 'عوامل التصفية' : 'Filters', filters]);
  return {
    title: EXPORT_TABLE_TITLES[spec.table],
    columns: EXPORT_TABLE_COLUMNS[spec.table],
    locale: spec.locale,
    currency: spec.currency,
    timeZone: spec.period.timeZone,
    about,
  };
}

/** The export's file (CSV or XLSX per the spec) from its rows, which may arrive page by page. */
export async function renderExportFile(spec: ExportSpec, rows: Iterable<TableRow> | AsyncIterable<TableRow>): Promise<Buffer> {
  const layout = exportLayout(spec);
  if (spec.format === 'xlsx') return renderXlsx(layout, rows);
  const all: TableRow[] = [];
  for await (const row of rows) all.push(row);
  return renderCsv(layout, all);
}
