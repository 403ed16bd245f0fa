import { startEmbeddedPostgres as startServer } from '@salla-analytics/database-schema';

export interface StartedPostgres {
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The local stack's PostgreSQL: durable data kept under `dir`, one database created if missing. */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}): Promise<StartedPostgres> {
  const server = await startServer({
    dataDir: options.dir,
    port: options.port,
    persistent: true,
    ...(options.onLog ? { onLog: options.onLog } : {}),
  });
  return { databaseUrl: await server.ensureDatabase(options.database), stop: () => server.stop() };
}
