import type { z } from 'zod';
import {
  cartsQuerySchema,
  categoriesQuerySchema,
  cohortsQuerySchema,
  emptyQuerySchema,
  ltvQuerySchema,
  newVsReturningQuerySchema,
  overviewQuerySchema,
  productsQuerySchema,
  rfmMembersQuerySchema,
  rfmQuerySchema,
  salesBreakdownQuerySchema,
  settingsPatchSchema,
  trendQuerySchema,
} from '../contracts/analytics-queries';
import {
  alertCreateBodySchema,
  alertDeleteQuerySchema,
  alertHistoryQuerySchema,
  alertPatchBodySchema,
  alertsQuerySchema,
  digestPatchBodySchema,
  digestQuerySchema,
  notificationsQuerySchema,
  notificationsReadBodySchema,
} from '../contracts/alerts';
import { assistantAskBodySchema, assistantHistoryQuerySchema } from '../contracts/assistant';
import {
  exportCreateBodySchema,
  exportQuerySchema,
  importMappingBodySchema,
  importStatusQuerySchema,
} from '../contracts/files';
import {
  campaignCreateBodySchema,
  campaignPatchBodySchema,
  campaignsQuerySchema,
  segmentCreateBodySchema,
  segmentDeleteQuerySchema,
  segmentMembersQuerySchema,
  segmentPatchBodySchema,
  segmentsQuerySchema,
} from '../contracts/marketing';
import type { RouteSpec } from './http/route';

const SETTINGS_EDITORS = ['owner', 'admin'] as const;

/**
 * Every /api/v1 route, declared once: the route files take their spec from here, the OpenAPI
 * document is generated from it, and the route tests walk it (and check no route file is missing).
 */
export const apiRoutes = {
  me: { method: 'GET', path: '/api/v1/me', tag: 'session', summary: 'The signed-in user, the active store, its settings and your role', auth: true, query: emptyQuerySchema },
  overview: { method: 'GET', path: '/api/v1/overview', tag: 'sales', summary: 'Headline KPIs (orders, gross/net sales, AOV, canceled, refunded, customers) vs the comparison period', auth: true, query: overviewQuerySchema },
  trend: { method: 'GET', path: '/api/v1/trend', tag: 'sales', summary: 'Sales per day/week/month with the comparison series', auth: true, query: trendQuerySchema },
  salesBreakdown: { method: 'GET', path: '/api/v1/sales/breakdown', tag: 'sales', summary: 'Sales by payment method, city or order status', auth: true, query: salesBreakdownQuerySchema },
  products: { method: 'GET', path: '/api/v1/products', tag: 'products', summary: 'Top products by revenue or quantity', auth: true, query: productsQuerySchema },
  categories: { method: 'GET', path: '/api/v1/categories', tag: 'products', summary: 'Sales by product category', auth: true, query: categoriesQuerySchema },
  newVsReturning: { method: 'GET', path: '/api/v1/customers/new-vs-returning', tag: 'customers', summary: 'New vs returning customers, orders and net sales', auth: true, query: newVsReturningQuerySchema },
  cohorts: { method: 'GET', path: '/api/v1/customers/cohorts', tag: 'customers', summary: 'Monthly acquisition cohorts and their retention', auth: true, query: cohortsQuerySchema },
  rfm: { method: 'GET', path: '/api/v1/customers/rfm', tag: 'customers', summary: 'RFM segments as of the end of the period', auth: true, query: rfmQuerySchema },
  rfmMembers: { method: 'GET', path: '/api/v1/customers/rfm/members', tag: 'customers', summary: 'Customers of an RFM segment with their scores (ids only)', auth: true, query: rfmMembersQuerySchema },
  ltv: { method: 'GET', path: '/api/v1/customers/ltv', tag: 'customers', summary: 'Historic lifetime value, overall and by acquisition month', auth: true, query: ltvQuerySchema },
  carts: { method: 'GET', path: '/api/v1/carts', tag: 'carts', summary: 'Abandoned carts: value, recovery rate and value at risk', auth: true, query: cartsQuerySchema },
  alerts: { method: 'GET', path: '/api/v1/alerts', tag: 'alerts', summary: 'The store’s alert rules (revenue drop vs the same-weekday baseline, no orders for N hours, order/revenue spikes) with when each last fired', auth: true, query: alertsQuerySchema },
  alertCreate: { method: 'POST', path: '/api/v1/alerts', tag: 'alerts', summary: 'Create an alert rule (owner/admin; same-origin only); evaluated every 15 minutes, in-app and email notifications with a suppression window', auth: true, query: alertsQuerySchema, body: alertCreateBodySchema, roles: SETTINGS_EDITORS },
  alertUpdate: { method: 'PATCH', path: '/api/v1/alerts', tag: 'alerts', summary: 'Change an alert rule, or turn it on/off (owner/admin; same-origin only)', auth: true, query: alertsQuerySchema, body: alertPatchBodySchema, roles: SETTINGS_EDITORS },
  alertDelete: { method: 'DELETE', path: '/api/v1/alerts', tag: 'alerts', summary: 'Delete an alert rule and its history (owner/admin; same-origin only)', auth: true, query: alertDeleteQuerySchema, roles: SETTINGS_EDITORS },
  alertHistory: { method: 'GET', path: '/api/v1/alerts/history', tag: 'alerts', summary: 'Fired alerts, newest first, with the measured value and baseline (one rule with `ruleId`)', auth: true, query: alertHistoryQuerySchema },
  notifications: { method: 'GET', path: '/api/v1/notifications', tag: 'alerts', summary: 'Your in-app notifications in this store, newest first; `meta.unread` is the unread count', auth: true, query: notificationsQuerySchema },
  notificationsRead: { method: 'POST', path: '/api/v1/notifications', tag: 'alerts', summary: 'Mark your notifications read: `{ ids }` or `{ all: true }` (same-origin only)', auth: true, query: emptyQuerySchema, body: notificationsReadBodySchema },
  digest: { method: 'GET', path: '/api/v1/digest', tag: 'alerts', summary: 'Your daily/weekly summary email for this store: on/off, frequency, local hour, language', auth: true, query: digestQuerySchema },
  digestUpdate: { method: 'PATCH', path: '/api/v1/digest', tag: 'alerts', summary: 'Save your summary email preference (sent at that hour in the store’s time zone; weekly on the store’s week start; same-origin only)', auth: true, query: digestQuerySchema, body: digestPatchBodySchema },
  segments: { method: 'GET', path: '/api/v1/segments', tag: 'marketing', summary: 'RFM segments as of now and the store’s saved custom segments with their current sizes', auth: true, query: segmentsQuerySchema },
  segmentCreate: { method: 'POST', path: '/api/v1/segments', tag: 'marketing', summary: 'Save a custom segment from filters (spend, orders, last order, city, RFM segments; owner/admin; same-origin only)', auth: true, query: segmentsQuerySchema, body: segmentCreateBodySchema, roles: SETTINGS_EDITORS },
  segmentUpdate: { method: 'PATCH', path: '/api/v1/segments', tag: 'marketing', summary: 'Rename a saved segment or change its filters (owner/admin; same-origin only)', auth: true, query: segmentsQuerySchema, body: segmentPatchBodySchema, roles: SETTINGS_EDITORS },
  segmentDelete: { method: 'DELETE', path: '/api/v1/segments', tag: 'marketing', summary: 'Delete a saved segment (owner/admin; same-origin only)', auth: true, query: segmentDeleteQuerySchema, roles: SETTINGS_EDITORS },
  segmentMembers: { method: 'GET', path: '/api/v1/segments/members', tag: 'marketing', summary: 'Members of an RFM or saved segment, most valuable first, one page at a time, with the total', auth: true, query: segmentMembersQuerySchema },
  campaigns: { method: 'GET', path: '/api/v1/campaigns', tag: 'marketing', summary: 'Cart recovery campaigns with their rules and results (emails sent, carts and revenue recovered)', auth: true, query: campaignsQuerySchema },
  campaignCreate: { method: 'POST', path: '/api/v1/campaigns', tag: 'marketing', summary: 'Create a cart recovery campaign (owner/admin; same-origin only); carts abandoned from now on are eligible', auth: true, query: campaignsQuerySchema, body: campaignCreateBodySchema, roles: SETTINGS_EDITORS },
  campaignUpdate: { method: 'PATCH', path: '/api/v1/campaigns', tag: 'marketing', summary: 'Change a campaign’s name, rules, or pause/resume it (owner/admin; same-origin only)', auth: true, query: campaignsQuerySchema, body: campaignPatchBodySchema, roles: SETTINGS_EDITORS },
  settingsGet: { method: 'GET', path: '/api/v1/settings', tag: 'settings', summary: 'The store’s report settings', auth: true, query: emptyQuerySchema },
  settingsPatch: { method: 'PATCH', path: '/api/v1/settings', tag: 'settings', summary: 'Change time zone, week start, language or currency (owner/admin; same-origin only)', auth: true, query: emptyQuerySchema, body: settingsPatchSchema, roles: SETTINGS_EDITORS },
  historyImportGet: { method: 'GET', path: '/api/v1/history-import', tag: 'settings', summary: 'The store’s latest history import from Salla (orders, products, customers): status, done/total, rate, ETA', auth: true, query: emptyQuerySchema },
  historyImportStart: { method: 'POST', path: '/api/v1/history-import', tag: 'settings', summary: 'Import the store’s history from Salla now, or join the import under way (owner/admin; same-origin only)', auth: true, query: emptyQuerySchema, roles: SETTINGS_EDITORS },
  exportCreate: { method: 'POST', path: '/api/v1/exports', tag: 'files', summary: 'Export a table view (products, categories, sales breakdown, RFM segments or members, carts) with its filters and period as CSV (UTF-8 BOM) or XLSX: written at once up to 2,000 rows (with a signed download link), else queued as a background job (same-origin only)', auth: true, query: emptyQuerySchema, body: exportCreateBodySchema },
  exportGet: { method: 'GET', path: '/api/v1/exports', tag: 'files', summary: 'The store’s recent exports with fresh download links; `id`: a background export’s progress (done/total) and, once written, a signed link valid for 15 minutes; `file`+`expires`+`sig`: the file itself (this store’s session only; expired or foreign links are refused)', auth: true, query: exportQuerySchema },
  importUpload: { method: 'POST', path: '/api/v1/imports', tag: 'files', summary: 'Upload an order-history file (multipart field `file`: CSV or XLSX, ≤ 5 MB, ≤ 20,000 rows) from another platform; returns its headers, sample rows and the suggested column mapping (owner/admin; same-origin only)', auth: true, query: emptyQuerySchema, roles: SETTINGS_EDITORS },
  importPreview: { method: 'POST', path: '/api/v1/imports/preview', tag: 'files', summary: 'Check every row of an upload with a column mapping before importing: valid orders, and each rejected row with its column and reason in Arabic and English (owner/admin; same-origin only)', auth: true, query: emptyQuerySchema, body: importMappingBodySchema, roles: SETTINGS_EDITORS },
  importStart: { method: 'POST', path: '/api/v1/imports/start', tag: 'files', summary: 'Import an upload’s valid orders with this mapping through the pipeline (once per upload; re-imports never count an order twice) (owner/admin; same-origin only)', auth: true, query: emptyQuerySchema, body: importMappingBodySchema, roles: SETTINGS_EDITORS },
  importStatus: { method: 'GET', path: '/api/v1/imports', tag: 'files', summary: 'The store’s recent uploads; `id`: one upload’s import progress (done/total, imported and rejected orders)', auth: true, query: importStatusQuerySchema },
  assistantAsk: { method: 'POST', path: '/api/v1/assistant/ask', tag: 'assistant', summary: 'Ask the AI assistant a question (Arabic or English); the answer streams back as NDJSON events (status, plan, data, narrative pieces, done) and is kept in your history', auth: true, query: emptyQuerySchema, body: assistantAskBodySchema },
  assistantHistory: { method: 'GET', path: '/api/v1/assistant/history', tag: 'assistant', summary: 'Your last questions to the assistant in this store, newest first, with their answers', auth: true, query: assistantHistoryQuerySchema },
  openapi: { method: 'GET', path: '/api/v1/openapi.json', tag: 'meta', summary: 'This OpenAPI 3.1 document', auth: false, query: emptyQuerySchema },
} as const satisfies Record<string, RouteSpec & { query: z.ZodType }>;

export type ApiRouteName = keyof typeof apiRoutes;
export const API_ROUTE_LIST: readonly (RouteSpec & { name: ApiRouteName; query: z.ZodType })[] = Object.entries(apiRoutes).map(
  ([name, spec]) => ({ ...(spec as RouteSpec & { query: z.ZodType }), name: name as ApiRouteName }),
);
