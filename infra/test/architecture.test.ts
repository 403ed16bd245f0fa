import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const config = require(join(root, '.dependency-cruiser.cjs'));
const { tsConfig: _ts, enhancedResolveOptions, ...cruiseOptions } = config.options;
const resolveOptions = { ...enhancedResolveOptions, extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } };

async function violations(baseDir: string, paths: string[]): Promise<string[]> {
  const result = await cruise(paths, { ...cruiseOptions, validate: true, ruleSet: { forbidden: config.forbidden }, baseDir } as never, resolveOptions);
  const output = result.output as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}
const graph = config.packageGraph as { dir: Record<string, string>; allowed: Record<string, string[]>; outsideSdks: string[] };

function readJson(path: string): Record<string, Record<string, string> | undefined> {
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('architecture', () => {
  it('has the nine packages at their paths with their names and only a src/index.ts entry', () => {
    const expected = { ...graph.dir, infra: 'infra' };
    for (const [key, path] of Object.entries(expected)) {
      const pkg = readJson(join(root, path, 'package.json')) as unknown as { name: string; exports: Record<string, unknown> };
      expect(pkg.name, key).toBe(`@salla-analytics/${path.split('/').pop()}`);
      expect(readdirSync(join(root, path, 'src'))).toContain('index.ts');
      expect(readdirSync(join(root, path))).toContain('README.md');
    }
    expect(Object.keys(expected)).toHaveLength(9);
  });

  it('declares only the internal dependencies the architecture allows', () => {
    const nameToKey = Object.fromEntries(Object.entries(graph.dir).map(([key, path]) => [`@salla-analytics/${path.split('/').pop()}`, key]));
    for (const [key, path] of Object.entries(graph.dir)) {
      const pkg = readJson(join(root, path, 'package.json'));
      const internal = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter((dep) => dep.startsWith('@salla-analytics/'));
      for (const dep of internal) {
        expect(graph.allowed[key], `${path} depends on ${dep}`).toContain(nameToKey[dep]);
      }
    }
  });

  it('finds no boundary violation in the workspace', async () => {
    expect(await violations(root, ['apps', 'packages', 'services', 'infra'])).toEqual([]);
  });

  it('catches a deep import into another package and a forbidden direction', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'boundaries-'));
    const files: Record<string, string> = {
      'packages/core-library/src/index.ts': "export { migrations } from '../../olap-repository/src/index.js';\n",
      'packages/olap-repository/src/index.ts': "export const migrations = [];\nexport { money } from '../../core-library/src/money.js';\n",
      'packages/core-library/src/money.ts': 'export const money = 1;\n',
      'packages/olap-repository/dist/index.js': 'export const migrations = [];\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    }
    expect(await violations(scratch, ['packages'])).toEqual([
      'direction-core: packages/core-library/src/index.ts -> packages/olap-repository/src/index.ts',
      'public-entry-only: packages/core-library/src/index.ts -> packages/olap-repository/src/index.ts',
      'public-entry-only: packages/olap-repository/src/index.ts -> packages/core-library/src/money.ts',
    ]);
  });

  it('keeps outside APIs behind integration-gateways: no other package declares or imports their SDKs', async () => {
    for (const [key, path] of [...Object.entries(graph.dir), ['infra', 'infra'] as const]) {
      if (key === 'gateways') continue;
      const pkg = readJson(join(root, path, 'package.json'));
      const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies });
      expect(declared.filter((dep) => graph.outsideSdks.includes(dep)), `${path} declares an outside API's SDK`).toEqual([]);
    }
    // The rule fires on an import of an SDK outside the gateways package, and not inside it.
    const scratch = mkdtempSync(join(tmpdir(), 'sdk-boundary-'));
    const files: Record<string, string> = {
      'packages/olap-repository/src/index.ts': "import OpenAI from 'openai';\nexport const client = OpenAI;\n",
      'packages/integration-gateways/src/index.ts': "import OpenAI from 'openai';\nexport const client = OpenAI;\n",
      'node_modules/openai/package.json': '{ "name": "openai", "main": "index.js" }',
      'node_modules/openai/index.js': 'module.exports = {};\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    }
    expect(await violations(scratch, ['packages'])).toEqual(['outside-sdk-only-in-gateways: packages/olap-repository/src/index.ts -> node_modules/openai/index.js']);
  });
});
