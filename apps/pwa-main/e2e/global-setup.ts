import { publishE2eStack } from './support/e2e-env';
import { startApp } from './support/start-app';

/** Starts engines + demo store + `next start` once for the suite; tests read where from the env. */
export default async function globalSetup() {
  // Exports above 500 rows run as background jobs here, so the e2e flows see both paths.
  const app = await startApp({ EXPORT_DIRECT_MAX_ROWS: '500' });
  publishE2eStack({
    baseUrl: app.baseURL,
    databaseUrl: app.stack.databaseUrl,
    clickhouseUrl: app.stack.clickhouseUrl,
    clickhouseDatabase: app.stack.clickhouseDatabase,
  });
  return async () => {
    await app.stop();
  };
}
