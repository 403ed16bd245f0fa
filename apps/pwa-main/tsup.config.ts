import { defineConfig } from 'tsup';

// The package's public entry (BFF contracts). The Next.js app itself is built by `next build`.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.json',
});
