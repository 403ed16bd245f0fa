import { startApp } from './support/start-app';

/** Starts engines + demo store + `next start` once for the suite; tests read where from the env. */
export default async function globalSetup() {
  const app = await startApp();
  process.env.E2E_BASE_URL = app.baseURL;
  process.env.E2E_CLICKHOUSE_URL = app.stack.clickhouseUrl;
  process.env.E2E_DATABASE_URL = app.stack.databaseUrl;
  return async () => {
    await app.stop();
  };
}
