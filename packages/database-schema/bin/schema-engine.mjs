#!/usr/bin/env node
// Offline stand-in for Prisma's native schema-engine binary: the prisma CLI is pointed at this file
// with PRISMA_SCHEMA_ENGINE_BINARY (see package.json scripts and README). It runs the TypeScript
// sources through tsx so that it works on a fresh clone, before any build.
import { register } from 'tsx/esm/api';

register();
const { runSchemaEngineShim } = await import('../src/migrate/schema-engine-shim.ts');
try {
  process.exitCode = await runSchemaEngineShim(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `${JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields: { message } })}\n`,
  );
  process.exitCode = 1;
}
