// Manual runner: `npx tsx e2e/support/serve.ts` serves the production build on a throwaway stack
// with the demo store until Ctrl-C (handy for looking at pages and for Lighthouse).
import { startApp } from './start-app';

const app = await startApp();
console.log(`ready: ${app.baseURL}  (ClickHouse ${app.stack.clickhouseUrl})`);
const stop = async () => {
  await app.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
