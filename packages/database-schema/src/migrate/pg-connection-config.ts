import type { PoolConfig } from 'pg';

/**
 * Splits a postgres:// URL into explicit pg settings.
 *
 * The migration adapter must not pass `connectionString` to pg: pg lets the URL win over an
 * explicit `database`, so the shadow database (same server, other database) would silently point
 * back at the main database.
 */
export function pgConfigFromUrl(databaseUrl: string): PoolConfig {
  const url = new URL(databaseUrl);
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`Expected a postgres:// or postgresql:// URL, got ${url.protocol}//…`);
  }
  const params = url.searchParams;
  const user = decodeURIComponent(url.username) || 'postgres';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || user;
  const config: PoolConfig = {
    host: params.get('host') ?? (url.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost'),
    port: url.port ? Number(url.port) : 5432,
    user,
    database,
    ssl: sslFromMode(params.get('sslmode')),
    max: 4,
  };
  if (url.password) config.password = decodeURIComponent(url.password);
  return config;
}

function sslFromMode(mode: string | null): PoolConfig['ssl'] {
  switch (mode) {
    case 'require':
    case 'prefer':
    case 'no-verify':
      return { rejectUnauthorized: false };
    case 'verify-ca':
    case 'verify-full':
      return { rejectUnauthorized: true };
    default:
      return false;
  }
}
