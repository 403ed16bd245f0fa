// The package's only public entry. Everything exported here is API: add deliberately.

// Env
export { booleanFromString, type EnvSource, parseEnv, portSchema, urlSchema } from './env.js';
// Errors
export { AppError, type AppErrorOptions, isAppError, toAppError } from './errors/app-error.js';
export {
  ERROR_CODES,
  type ErrorCode,
  httpStatusForError,
  isErrorCode,
  isRetryableByDefault,
} from './errors/error-code.js';
export { appErrorFromZod, type ValidationIssue, validationIssues } from './errors/from-zod-error.js';
export { err, ok, type Result, unwrap } from './errors/result.js';

// Money
export {
  type CurrencyCode,
  currencyCodeSchema,
  currencyExponent,
  DEFAULT_CURRENCY,
} from './money/currency.js';
export { formatMoney, type MoneyLocale } from './money/format-money.js';
export {
  addMoney,
  type Money,
  moneyFromDecimal,
  moneySchema,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from './money/money.js';
export { fromMinorUnits, minorUnitsToDecimalString, toMinorUnits } from './money/to-minor-units.js';
// Salla webhooks
export {
  type SallaAbandonedCart,
  type SallaCartItem,
  sallaAbandonedCartSchema,
  sallaCartItemSchema,
} from './salla/abandoned-cart.js';
export { type SallaAmount, sallaAmountSchema, sallaAmountToMoney } from './salla/amount.js';
export {
  normalizeSallaAuthorize,
  type SallaAuthorize,
  type SallaAuthorizeData,
  sallaAuthorizeDataSchema,
} from './salla/app-authorize.js';
export { type SallaAppLifecycle, sallaAppLifecycleSchema } from './salla/app-lifecycle.js';
export { type SallaCustomer, sallaCustomerSchema } from './salla/customer.js';
export {
  type SallaWebhookDelivery,
  type SallaWebhookEnvelope,
  sallaWebhookEnvelopeSchema,
} from './salla/envelope.js';
export {
  isSallaEventName,
  SALLA_APP_LIFECYCLE_EVENTS,
  SALLA_CUSTOMER_EVENTS,
  SALLA_EVENTS,
  SALLA_ORDER_EVENTS,
  SALLA_PRODUCT_EVENTS,
  type SallaAppLifecycleEvent,
  type SallaCustomerEvent,
  type SallaEventName,
  type SallaOrderEvent,
  type SallaProductEvent,
} from './salla/events.js';
export {
  type SallaDiscount,
  type SallaOrder,
  type SallaOrderAmounts,
  type SallaOrderCustomer,
  type SallaOrderItem,
  type SallaOrderStatus,
  type SallaOrderStatusUpdate,
  sallaOrderItemSchema,
  sallaOrderSchema,
  sallaOrderStatusSchema,
  sallaOrderStatusUpdateSchema,
} from './salla/order.js';
export {
  type OrderStatusCategory,
  orderStatusCategory,
  SALLA_ORDER_STATUSES,
  type SallaOrderStatusSlug,
} from './salla/order-status.js';
export { parseSallaWebhook, parseSallaWebhookEnvelope, type SallaWebhook, type SallaWebhookKind } from './salla/parse-webhook.js';
export { sallaId, sallaNumber, sallaText } from './salla/primitives.js';
export { type SallaCategory, type SallaProduct, sallaProductSchema } from './salla/product.js';
export { parseSallaDateString, sallaDateSchema } from './salla/salla-date.js';
// Synthetic data
export {
  type GenerateStoreOptions,
  generateStore,
  type StatusChange,
  type SyntheticStore,
} from './synthetic/generate-store.js';
export { toWebhookDeliveries } from './synthetic/to-webhook-deliveries.js';
// Marketing: cart recovery rules, schedule and attribution
export {
  type CartRecoveryRules,
  cartRecoveryEmailKey,
  cartRecoveryRulesSchema,
  type QuietHours,
  quietHoursSchema,
} from './marketing/cart-recovery-rules.js';
export {
  type AttributablePurchase,
  attributeRecoveries,
  type RecoveredCart,
  type RecoveryCampaignStats,
  type RecoveryEmailSent,
  type RecoverySendFact,
  summarizeRecoveryCampaigns,
} from './marketing/recovery-attribution.js';
export {
  isInQuietHours,
  isRecoveryEmailDue,
  type NextRecoveryEmail,
  nextRecoveryEmail,
  outsideQuietHours,
} from './marketing/recovery-schedule.js';
// Time
export { assertCronExpression, dueCronTicks, latestCronTick, nextCronTick } from './time/cron.js';
export { COMPARISON_MODES, type ComparisonMode, comparisonPeriod } from './time/comparison-period.js';
export { bucketStartDate, defaultGranularity, enumerateBuckets } from './time/granularity.js';
export {
  addLocalDays,
  addLocalMonths,
  diffLocalDays,
  isValidLocalDate,
  type LocalDate,
  localDateSchema,
} from './time/local-date.js';
export {
  GRANULARITIES,
  type Granularity,
  granularitySchema,
  PERIOD_PRESETS,
  type Period,
  type PeriodPreset,
  periodPresetSchema,
  periodSchema,
} from './time/period.js';
export {
  localDateRangeToPeriod,
  periodDayCount,
  type ResolvePeriodInput,
  resolvePeriod,
  resolvePeriodInputSchema,
} from './time/resolve-period.js';
export { DEFAULT_TIME_ZONE, isValidTimeZone, timeZoneSchema } from './time/time-zone.js';
export { DEFAULT_WEEK_START, startOfLocalWeek, WEEK_STARTS, type WeekStart } from './time/week.js';
export { localDateTimeToUtc, localMidnightUtc, toLocalDate, toLocalDateTime } from './time/zoned-time.js';
// Contracts between services
export {
  CACHE_INVALIDATION_CHANNEL,
  type CacheInvalidation,
  cacheInvalidationSchema,
} from './contracts/cache-invalidation.js';
export {
  BACKFILL_JOB_TYPE,
  BACKFILL_RESOURCES,
  type BackfillCheckpoint,
  type BackfillProgress,
  type BackfillResource,
  type BackfillResourceState,
  backfillCheckpointSchema,
  backfillProgressOf,
  emptyBackfillCheckpoint,
  type JobProgressSource,
  RECONCILE_JOB_TYPE,
  type ReconcileReport,
  reconcileReportSchema,
} from './contracts/backfill-progress.js';

// Table files (CSV/XLSX of table views) and exports
export {
  type Bilingual,
  type ColumnKind,
  cellText,
  headerOf,
  type TableCell,
  type TableColumn,
  type TableLayout,
  type TableLocale,
  type TableRow,
} from './tables/table-file.js';
export { renderCsv, UTF8_BOM } from './tables/render-csv.js';
export { renderXlsx } from './tables/render-xlsx.js';
export {
  EXPORT_CONTENT_TYPES,
  EXPORT_DIRECT_ROW_LIMIT,
  EXPORT_FORMATS,
  EXPORT_JOB_TYPE,
  EXPORT_MAX_ROWS,
  EXPORT_TABLE_COLUMNS,
  EXPORT_TABLE_TITLES,
  EXPORT_TABLES,
  type ExportFilters,
  type ExportFormat,
  type ExportSpec,
  type ExportTable,
  exportFileName,
  exportFiltersSchema,
  exportSpecSchema,
} from './exports/export-tables.js';
export { exportLayout, renderExportFile } from './exports/render-export-file.js';
// Order-history file import
export {
  detectImportSource,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  normalizeHeader,
  REQUIRED_IMPORT_FIELDS,
  suggestImportMapping,
} from './imports/order-import-fields.js';
export {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportFileFormat,
  importFormatOf,
  type RawCell,
  type RawTable,
  readTableFile,
} from './imports/read-table-file.js';
export {
  assertImportMapping,
  IMPORT_ERROR_CODES,
  IMPORT_MAX_ITEMS_PER_ORDER,
  type ImportedOrder,
  type ImportedOrderItem,
  type ImportErrorCode,
  type ImportRowError,
  type ImportValidation,
  type ValidateOptions,
  validateOrderRows,
} from './imports/validate-order-rows.js';
export {
  FILE_IMPORT_JOB_TYPE,
  IMPORTED_ID_BASE,
  type ImportedOrderIds,
  importedCustomerKey,
  importedOrderToSalla,
  importedProductKey,
} from './imports/imported-order-to-salla.js';
// Alerts and scheduled digests (issue 7, sched)
export {
  ALERT_RULE_TYPES,
  ALERT_THRESHOLD_LIMITS,
  type AlertRuleInput,
  alertRuleInputSchema,
  type AlertRuleKind,
  type AlertRulePatch,
  alertRulePatchSchema,
  type AlertRuleSpec,
} from './alerts/alert-rule.js';
export { type AlertEvaluation, type AlertWindows, alertWindows, evaluateAlert, type TimeWindow, type WindowSales } from './alerts/alert-windows.js';
export { DIGEST_TICK_MINUTES, type DigestDue, type DigestKind, digestDueAt } from './reports/digest-schedule.js';
