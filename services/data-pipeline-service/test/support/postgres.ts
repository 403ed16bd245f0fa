// One embedded test server for every package: database-schema's.
export { startTestPostgres as startPostgres, type TestPostgres } from '@salla-analytics/database-schema';
