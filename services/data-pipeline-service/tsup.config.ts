import { defineConfig } from 'tsup';

export default defineConfig({
  // src/index.ts is the public entry; src/bin/server.ts is the service process.
  entry: ['src/index.ts', 'src/bin/server.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
