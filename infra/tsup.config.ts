import { defineConfig } from 'tsup';

export default defineConfig({
  // src/index.ts is the package's public entry; the bin/ files are its executables.
  entry: ['src/index.ts', 'src/bin/start.ts', 'src/bin/admin.ts', 'src/bin/bench.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
