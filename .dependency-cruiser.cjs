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

module.exports = {
  forbidden: [
    ...directionRules,
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
    exclude: { path: '(?:^|/)(?:node_modules|dist|generated|\\.next|storybook-static|\\.turbo)/' },
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
Object.defineProperty(module.exports, 'packageGraph', { value: { dir, allowed }, enumerable: false });
