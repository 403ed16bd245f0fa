import { startApp } from './support/start-app';

/** Starts engines + demo store + `next start` once for the suite; tests read where from the env. */
export default async function globalSetup() {
  // Exports above 500 rows run as background jobs here, so the e2e flows see both paths.
  const app = await startApp({ EXPORT_DIRECT_MAX_ROWS: '500' });
  process.env.E2E_BASE_URL = app.baseURL;
  process.env.E2E_CLICKHOUSE_URL = app.stack.clickhouseUrl;
  process.env.E2E_DATABASE_URL = app.stack.databaseUrl;
  process.env.E2E_CLICKHOUSE_DATABASE = app.stack.clickhouseDatabase;
  return async () => {
    await app.stop();
  };
}
