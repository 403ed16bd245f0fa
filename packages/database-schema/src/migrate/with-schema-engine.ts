import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { explainPanic, loadSchemaEngine, type SchemaEngineInstance } from './load-schema-engine.js';
import { createMigrationAdapterFactory } from './migration-adapter-factory.js';

export type SchemaFile = { path: string; content: string };
export type EngineLog = (line: string) => void;
export type EngineOptions = { databaseUrl: string; schemaFiles?: SchemaFile[]; log?: EngineLog };
export type OpenSchemaEngine = { engine: SchemaEngineInstance; close(): Promise<void> };

/**
 * Starts a WASM schema engine connected to `databaseUrl` through adapter-pg.
 *
 * Keep one engine for a whole `migrate dev` run: `evaluateDataLoss` and `createMigration` reuse
 * the shadow-database schema that `devDiagnostic` computed and cached in the instance; a fresh
 * engine would have no cache and fail with "shadow DB must be provided through an external factory".
 */
export async function openSchemaEngine(options: EngineOptions): Promise<OpenSchemaEngine> {
  const SchemaEngine = await loadSchemaEngine();
  const factory = createMigrationAdapterFactory(options.databaseUrl);
  try {
    const engine = await SchemaEngine.new(
      // An empty list makes the engine panic; "no schema" is `undefined`.
      {
        datamodels: options.schemaFiles?.length
          ? options.schemaFiles.map((f): [string, string] => [f.path, f.content])
          : undefined,
      },
      options.log ?? (() => undefined),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return {
      engine,
      async close() {
        engine.free();
        await factory.close();
      },
    };
  } catch (error) {
    await factory.close();
    throw explainPanic(error);
  }
}

/** Runs `work` on a fresh engine, then frees it and closes every connection it opened. */
export async function withSchemaEngine<T>(
  options: EngineOptions,
  work: (engine: SchemaEngineInstance) => Promise<T>,
): Promise<T> {
  const { engine, close } = await openSchemaEngine(options);
  try {
    return await work(engine);
  } catch (error) {
    throw explainPanic(error);
  } finally {
    await close();
  }
}
