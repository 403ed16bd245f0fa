// The PWA's BFF contracts, shared with anything that calls /api/v1 (route handlers parse with them).
export { type PeriodQuery, periodQuerySchema } from './contracts/period-query.js';
