import { defineConfig } from 'prisma/config';
import { parseDatabaseEnv } from './src/env.js';

// Read by the prisma CLI (generate, migrate). The schema engine is our WASM shim, see README.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: parseDatabaseEnv(process.env).DATABASE_URL },
});
