// Vite's import.meta.glob, which vitest resolves at transform time (typed here without importing vite).
interface ImportMeta {
  glob(pattern: string): Record<string, () => Promise<unknown>>;
}
