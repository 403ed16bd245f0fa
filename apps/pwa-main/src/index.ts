// The PWA's BFF contracts, shared with anything that calls /api/v1 (route handlers parse with them).
export {
  cartsQuerySchema,
  categoriesQuerySchema,
  cohortsQuerySchema,
  ltvQuerySchema,
  newVsReturningQuerySchema,
  overviewQuerySchema,
  productsQuerySchema,
  RFM_SEGMENT_NAMES,
  rfmMembersQuerySchema,
  rfmQuerySchema,
  SALES_BREAKDOWN_DIMENSIONS,
  type SettingsPatch,
  salesBreakdownQuerySchema,
  settingsPatchSchema,
  type TrendQuery,
  trendQuerySchema,
} from './contracts/analytics-queries';
export { type PeriodQuery, periodQuery, periodQueryFields, periodQuerySchema } from './contracts/period-query';
export { type AssistantAskBody, assistantAskBodySchema, assistantHistoryQuerySchema } from './contracts/assistant';
