/**
 * The app's Content Security Policy. Scripts need this request's nonce ('strict-dynamic' lets the
 * scripts Next loads with it load their chunks); inline style attributes are allowed because the
 * chart library positions its tooltips with them. Nothing is loaded from another origin.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; upgradeInsecure: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.upgradeInsecure ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
