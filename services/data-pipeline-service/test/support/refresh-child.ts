// One OS process of the cross-process refresh test: on each "round" line from stdin, 10 concurrent
// callers ask for the merchant's access token; the tokens they got are printed as one JSON line.
import { createInterface } from 'node:readline';
import { createDatabase } from '@salla-analytics/database-schema';
import { createSallaOAuthClient, createSallaTokenProvider, createTokenCipher, parseTokenEncryptionKeys } from '@salla-analytics/integration-gateways';
import { createInstallationTokenStore } from '../../src/index.js';

const [databaseUrl, accountsUrl, keys, merchant] = process.argv.slice(2) as [string, string, string, string];
const db = createDatabase(databaseUrl, { maxConnections: 12 });
const tokens = createSallaTokenProvider({
  store: createInstallationTokenStore(db),
  cipher: createTokenCipher(parseTokenEncryptionKeys(keys)),
  oauth: createSallaOAuthClient({ clientId: 'app-client', clientSecret: 'app-secret-0123456789', accountsUrl }),
  refreshBeforeMs: 0,
  pollMs: 25,
});

// The token this process used last: after the parent expires it, Salla answers 401 to it, and the
// Admin API client reports it as `rejected` — the refresh path under test.
let last: string | undefined;
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'exit') break;
  const results = await Promise.allSettled(Array.from({ length: 10 }, () => tokens.accessToken(Number(merchant), last ? { rejected: last } : {})));
  const first = results.find((result) => result.status === 'fulfilled');
  if (first?.status === 'fulfilled') last = first.value;
  process.stdout.write(
    `${JSON.stringify(results.map((result) => (result.status === 'fulfilled' ? { token: result.value } : { error: String(result.reason) })))}\n`,
  );
}
await db.$disconnect();
