import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngineClass = typeof bindings.SchemaEngine;
export type SchemaEngineInstance = bindings.SchemaEngine;

let loading: Promise<SchemaEngineClass> | undefined;

// The WebAssembly global is not in the ES lib typings this package compiles against.
type WebAssemblyApi = {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
  RuntimeError: abstract new (...args: never[]) => Error;
};
const wasmApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** A Rust panic inside the WASM engine. The engine instance must not be used afterwards. */
export class SchemaEnginePanic extends Error {
  override readonly name = 'SchemaEnginePanic';
  readonly isPanic = true;
}

type PanicRegistry = { set_message(message: string): void };
const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
let lastPanic: string | undefined;

/**
 * Turns the `RuntimeError: unreachable` a Rust panic surfaces as into an error that carries the
 * panic message recorded by the hook below.
 */
export function explainPanic(error: unknown): unknown {
  if (!(error instanceof wasmApi.RuntimeError) || lastPanic === undefined) return error;
  const panic = new SchemaEnginePanic(lastPanic, { cause: error });
  lastPanic = undefined;
  return panic;
}

/**
 * Loads Prisma's schema engine compiled to WebAssembly, once per process.
 *
 * The package's own entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20
 * cannot load without --experimental-wasm-modules, so we instantiate the module ourselves and hand
 * it to the wasm-bindgen glue exactly as that entry would.
 */
export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  loading ??= (async () => {
    // Prisma's WASM modules report a Rust panic through this global just before trapping. The
    // Prisma client installs its own hook when loaded; either one is fine for us.
    globals.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        lastPanic = message;
      },
    };
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
    const bytes = await readFile(join(dirname(entry), 'schema_engine_bg.wasm'));
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings.SchemaEngine;
  })();
  return loading;
}

/** The version string of the WASM schema engine (the Prisma engines commit it was built from). */
export async function schemaEngineVersion(): Promise<string> {
  await loadSchemaEngine();
  return bindings.version();
}
