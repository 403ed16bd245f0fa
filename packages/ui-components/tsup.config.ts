import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'browser',
  // Every export is used from client components; the banner lets Next's App Router import the
  // bundle from a Server Component file without each consumer adding its own "use client" wrapper.
  banner: { js: '"use client";' },
  // Dependencies and peers stay imports, so the app dedupes React, Radix and recharts.
  external: [/^react($|\/)/, /^react-dom($|\/)/, /^radix-ui/, /^@radix-ui\//, 'recharts', 'sonner', 'lucide-react'],
});
