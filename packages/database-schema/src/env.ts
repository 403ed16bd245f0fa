import { z } from 'zod';

/** The embedded PostgreSQL of the local stack (infra) listens here. */
export const LOCAL_DATABASE_URL = 'postgresql://postgres:postgres@127.0.0.1:54329/salla_analytics';

export const DatabaseEnvSchema = z.object({
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
    .default(LOCAL_DATABASE_URL),
});

export type DatabaseEnv = z.infer<typeof DatabaseEnvSchema>;

/** Parses the database settings; an absent DATABASE_URL falls back to the local stack. */
export function parseDatabaseEnv(env: Record<string, string | undefined> = process.env): DatabaseEnv {
  return DatabaseEnvSchema.parse(env);
}
