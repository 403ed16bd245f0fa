/**
 * Next.js instrumentation hook: runs once when a server process starts, before any request.
 * OpenTelemetry's SDK and the metrics port only exist in the Node.js runtime (never in the proxy's
 * edge bundle). NEXT_RUNTIME is Next's own build-time constant, not configuration.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { registerNodeInstrumentation } = await import('./src/server/observability/register-node');
    registerNodeInstrumentation();
  }
}
