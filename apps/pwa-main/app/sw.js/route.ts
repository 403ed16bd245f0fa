import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceWorkerSource } from '../../src/pwa/service-worker-source';

export const dynamic = 'force-dynamic';

/** The build id makes every deploy a byte-different worker, which is how browsers notice updates. */
function buildId(): string {
  try {
    return readFileSync(join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'dev';
  }
}

export function GET() {
  return new Response(serviceWorkerSource(buildId()), {
    headers: {
      'content-type': 'application/javascript; charset=utf-8',
      'cache-control': 'no-cache',
      'service-worker-allowed': '/',
    },
  });
}
