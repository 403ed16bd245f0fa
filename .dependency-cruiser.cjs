/**
 * Package boundaries from ARCHITECTURE.md, checked on every `pnpm lint` (and by a test in infra).
 * An arrow in the architecture means "may import"; everything else is forbidden here.
 */
const PKG = '^(?:apps|packages|services)/';
const dir = {
  core: 'packages/core-library',
  olap: 'packages/olap-repository',
  db: 'packages/database-schema',
  gateways: 'packages/integration-gateways',
  ai: 'packages/ai-assistant-service-lib',
  ui: 'packages/ui-components',
  pipeline: 'services/data-pipeline-service',
  pwa: 'apps/pwa-main',
};
const allowed = {
  core: [],
  olap: ['core'],
  db: ['core'],
  gateways: ['core'],
  ui: ['core'],
  ai: ['core', 'olap', 'gateways'],
  pipeline: ['core', 'olap', 'db', 'gateways'],
  pwa: ['core', 'olap', 'db', 'gateways', 'ai', 'ui'],
};

const directionRules = Object.entries(allowed).map(([from, targets]) => {
  const forbidden = Object.keys(dir).filter((name) => name !== from && !targets.includes(name));
  return {
    name: `direction-${from}`,
    comment: `${dir[from]} may import only ${targets.map((t) => dir[t]).join(', ') || 'no other package'} (ARCHITECTURE.md)`,
    severity: 'error',
    from: { path: `^${dir[from]}/` },
    to: { path: `^(?:${forbidden.map((name) => dir[name]).join('|')}|infra)/` },
  };
});

// The SDKs of outside APIs. Only the anti-corruption layer may import them (issue 5).
const OUTSIDE_SDKS = ['openai', 'postmark', 'opossum', 'ioredis', '@upstash/qstash', '@upstash/redis'];

module.exports = {
  forbidden: [
    ...directionRules,
    {
      name: 'outside-sdk-only-in-gateways',
      comment: `Only packages/integration-gateways talks to outside APIs: ${OUTSIDE_SDKS.join(', ')} are imported nowhere else`,
      severity: 'error',
      from: { pathNot: '^packages/integration-gateways/' },
      // Also matches pnpm's real paths (node_modules/.pnpm/<id>/node_modules/<name>/…).
      to: { path: `node_modules/(${OUTSIDE_SDKS.join('|')})/` },
    },
    {
      name: 'otel-sdk-only-at-entry-points',
      comment:
        'Libraries trace through @opentelemetry/api only; the SDK and exporters are set up by the app and service entry points (their tests may use the SDK)',
      severity: 'error',
      from: { path: '^packages/[^/]+/src/' },
      to: { path: 'node_modules/@opentelemetry/(?!api/)' },
    },
    {
      name: 'public-entry-only',
      comment: 'Another package is reachable only through its public entry (package.json exports → dist/index)',
      severity: 'error',
      from: { path: `(${PKG}[^/]+|^infra)/` },
      to: {
        path: `${PKG}[^/]+/`,
        pathNot: [`${PKG}[^/]+/dist/index\\.(?:js|d\\.ts)$`, '^$1/', `${PKG}[^/]+/package\\.json$`],
      },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that cannot be resolved is a broken build (or an unbuilt dependency: run pnpm build first)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stay visible as leaves (doNotFollow), so imports of outside SDKs can be checked.
    exclude: { path: '(?:^|/)(?:dist|generated|\\.next|storybook-static|\\.turbo)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default', 'node'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};

// The same graph, for the test that checks package.json dependencies (non-enumerable so
// dependency-cruiser's own config validation never sees it).
Object.defineProperty(module.exports, 'packageGraph', { value: { dir, allowed, outsideSdks: OUTSIDE_SDKS }, enumerable: false });
