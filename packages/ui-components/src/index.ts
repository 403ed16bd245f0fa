// Public API of @salla-analytics/ui-components. Styles: import '@salla-analytics/ui-components/styles.css'.

// Providers
export { type Dir, type UiContextValue, UiProvider, type UiProviderProps, useUi } from './components/ui-provider';

// Primitives
export { Button, type ButtonProps, buttonVariants } from './components/button';
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from './components/card';
export { Skeleton } from './components/skeleton';
export { Tabs, TabsContent, TabsList, TabsTrigger } from './components/tabs';
export {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from './components/select';
export {
  Dialog,
  DialogClose,
  DialogContent,
  type DialogContentProps,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogOverlay,
  DialogPortal,
  DialogTitle,
  DialogTrigger,
} from './components/dialog';
export {
  Sheet,
  SheetClose,
  SheetContent,
  type SheetContentProps,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  type SheetSide,
  SheetTitle,
  SheetTrigger,
} from './components/sheet';
export { Toaster, type ToasterPosition, type ToasterProps, toast } from './components/toast';
export { EmptyState, type EmptyStateProps } from './components/empty-state';
export { ErrorState, type ErrorStateProps } from './components/error-state';

// Analytics components
export { changeSentiment, KpiCard, type KpiCardProps, type Sentiment, type Trend } from './components/kpi-card';
export {
  DataTable,
  type DataTableColumn,
  type DataTableLabels,
  type DataTableProps,
} from './components/data-table/data-table';
export {
  type ColumnModel,
  filterRows,
  nextSort,
  type Page,
  paginate,
  rowsToCsv,
  type SortDirection,
  type SortState,
  type SortValue,
  sortRows,
} from './components/data-table/table-model';
export {
  COMPARISON_CHOICES,
  type ComparisonChoice,
  DateRangePicker,
  type DateRangePickerLabels,
  type DateRangePickerProps,
  type DateRangeValue,
  DEFAULT_DATE_PRESETS,
} from './components/date-range-picker';

// Charts
export { CHART_COLORS, ChartLegend, type LegendItem, chartColor } from './charts/chart-parts';
export { TimeSeriesChart, type TimeSeriesChartProps, type TimeSeriesPoint } from './charts/time-series-chart';
export { BarChart, type BarChartProps, type BarDatum } from './charts/bar-chart';
export { DonutChart, type DonutChartProps, type DonutSlice } from './charts/donut-chart';
export {
  CohortHeatmap,
  type CohortHeatmapLabels,
  type CohortHeatmapProps,
  type CohortRow,
  heatIntensity,
} from './charts/cohort-heatmap';

// Formatting and CSV helpers
export { cn } from './lib/cn';
export { directionOf, type LocaleOptions, localeFor, type UiLanguage } from './lib/format/locale';
export {
  currencyFractionDigits,
  type FormatMoneyOptions,
  type FormatPercentOptions,
  formatCompactNumber,
  formatMoney,
  formatNumber,
  formatPercent,
  minorToDecimalString,
  percentChange,
} from './lib/format/number';
export { formatLocalDate, formatLocalDateRange, isLocalDate } from './lib/format/date';
export { type CsvCell, csvField, downloadCsv, toCsv, UTF8_BOM } from './lib/csv/to-csv';
