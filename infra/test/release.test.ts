import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanEnv, exec } from './support/exec.js';
import { type LocalRegistry, startLocalRegistry } from './support/local-registry.js';
import { commitAll, snapshotWorkspace, storeDir, type WorkspacePackage, withDependents, workspacePackages } from './support/workspace-snapshot.js';

/**
 * `pnpm test:release`: the real release flow (changesets → `pnpm version-packages` →
 * `pnpm release`) on a snapshot of the workspace, publishing to a throwaway Verdaccio on loopback;
 * then a product team's project outside the workspace installs two packages from it by version,
 * type-checks a report written against IAnalyticsRepository and runs it on the embedded ClickHouse;
 * then a second release after a changeset to one package publishes only it and its dependents.
 */
const root = resolve(import.meta.dirname, '../..');
const consumerFixture = resolve(import.meta.dirname, 'fixtures/release-consumer');
const SECOND_RELEASE_TARGET = '@salla-analytics/olap-repository';
const MINUTE = 60_000;

interface ReleasePlan {
  releases: Array<{ name: string; type: string; oldVersion: string; newVersion: string }>;
}

let work: string;
let repo: string;
let registry: LocalRegistry;
let releaseEnv: NodeJS.ProcessEnv;
const timings: Array<[string, number]> = [];
let firstVersions: Map<string, string>;

async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await step();
  } finally {
    timings.push([label, Math.round(performance.now() - started)]);
  }
}

function writeChangeset(id: string, bumps: Record<string, 'patch' | 'minor'>, summary: string): void {
  const header = Object.entries(bumps).map(([name, bump]) => `"${name}": ${bump}`);
  writeFileSync(join(repo, '.changeset', `${id}.md`), ['---', ...header, '---', '', summary, ''].join('\n'));
}

async function releasePlan(): Promise<ReleasePlan> {
  const output = join(work, `plan-${Date.now()}.json`);
  await exec('pnpm', ['exec', 'changeset', 'status', `--output=${output}`], { cwd: repo, env: releaseEnv });
  return JSON.parse(readFileSync(output, 'utf8')) as ReleasePlan;
}

/** `pnpm version-packages`, merged (committed), then `pnpm release`, as the release workflow does. */
async function versionAndRelease(label: string): Promise<void> {
  await timed(`${label}: pnpm version-packages`, () => exec('pnpm', ['run', 'version-packages'], { cwd: repo, env: releaseEnv }));
  await commitAll(repo, `${label}: version packages`);
  await timed(`${label}: pnpm release (build + changeset publish)`, () =>
    exec('pnpm', ['run', 'release'], { cwd: repo, env: releaseEnv, timeoutMs: 10 * MINUTE }),
  );
}

function publicPackages(): WorkspacePackage[] {
  return workspacePackages(repo).filter((pkg) => !pkg.private);
}

async function publishedVersions(name: string): Promise<string[]> {
  const doc = await registry.packument(name);
  return doc ? Object.keys(doc.versions).sort() : [];
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'salla-release-'));
  repo = join(work, 'workspace');
  mkdirSync(join(work, 'registry'));
  registry = await timed('start Verdaccio', () => startLocalRegistry(join(work, 'registry')));
  // The token lives in a throwaway userconfig; the registry is named by NPM_CONFIG_REGISTRY only.
  const userconfig = registry.writeUserconfig(join(work, 'release.npmrc'));
  releaseEnv = cleanEnv({ NPM_CONFIG_USERCONFIG: userconfig, NPM_CONFIG_REGISTRY: registry.url, CI: 'true' });
  await timed('snapshot + offline install', () => snapshotWorkspace(root, repo));
}, 5 * MINUTE);

afterAll(async () => {
  await registry?.stop();
  // The snapshot holds ~100k installed files: removing them takes minutes on a busy machine, so a
  // detached `rm` does it after the suite has reported.
  if (work && !process.env.KEEP_RELEASE_TEST) spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref();
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(
    `test:release timings\n${timings.map(([label, ms]) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${label}`).join('\n')}\n  ${(total / 1000).toFixed(1).padStart(6)} s  total`,
  );
});

describe('release to a private registry', () => {
  it('refuses to publish when no registry is named', async () => {
    const env = { ...releaseEnv };
    delete env.NPM_CONFIG_REGISTRY;
    await expect(exec('pnpm', ['run', 'release'], { cwd: repo, env })).rejects.toThrow(/set NPM_CONFIG_REGISTRY/);
  });

  it(
    'first release: every public package is published at the version changesets planned, with real dependency ranges and its changelog',
    async () => {
      const packages = publicPackages();
      expect(packages.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(['@salla-analytics/core-library', '@salla-analytics/olap-repository']));
      writeChangeset(
        'release-test-first',
        Object.fromEntries(packages.map((pkg) => [pkg.name, 'patch'])),
        'Release test: first publication to the private registry.',
      );
      const plan = await releasePlan();
      await versionAndRelease('first release');

      firstVersions = new Map();
      for (const pkg of publicPackages()) {
        const planned = plan.releases.find((release) => release.name === pkg.name);
        expect(planned, `${pkg.name} is in the release plan`).toBeDefined();
        expect(pkg.version).toBe(planned?.newVersion);
        expect(await publishedVersions(pkg.name), pkg.name).toEqual([pkg.version]);
        firstVersions.set(pkg.name, pkg.version);
        expect(readFileSync(join(repo, pkg.dir, 'CHANGELOG.md'), 'utf8')).toContain('Release test: first publication');
      }
      // Private packages (infra) are versioned but never published.
      expect(await registry.packument('@salla-analytics/infra')).toBeNull();

      for (const pkg of publicPackages()) {
        const manifest = (await registry.packument(pkg.name))?.versions[pkg.version];
        const ranges = { ...manifest?.dependencies, ...manifest?.peerDependencies, ...manifest?.optionalDependencies };
        for (const [dep, range] of Object.entries(ranges)) {
          expect(range, `${pkg.name} → ${dep}`).not.toMatch(/^(workspace|catalog):/);
          if (firstVersions.has(dep)) expect(range, `${pkg.name} → ${dep}`).toBe(firstVersions.get(dep));
        }
        const files = await registry.tarballFiles(pkg.name, pkg.version);
        expect(files, pkg.name).toEqual(
          expect.arrayContaining(['package/package.json', 'package/README.md', 'package/CHANGELOG.md', 'package/dist/index.js', 'package/dist/index.d.ts']),
        );
        expect(files.filter((file) => /\.test\.|^package\/(test|src\/(?!styles\.css$))/.test(file)), pkg.name).toEqual([]);
      }
      // changeset publish tags what it published.
      const tags = (await exec('git', ['tag', '--list'], { cwd: repo })).split('\n').filter(Boolean);
      expect(tags.sort()).toEqual([...firstVersions].map(([name, version]) => `${name}@${version}`).sort());
    },
    15 * MINUTE,
  );

  it(
    'a project outside the workspace installs olap-repository and core-library by version, type-checks a report against IAnalyticsRepository and runs it on the embedded ClickHouse',
    async () => {
      const olapVersion = firstVersions.get('@salla-analytics/olap-repository');
      const coreVersion = firstVersions.get('@salla-analytics/core-library');
      expect(olapVersion && coreVersion).toBeTruthy();
      const consumer = join(work, 'consumer');
      cpSync(consumerFixture, consumer, { recursive: true });
      // The same versions of the engine and the compiler as the workspace's catalog.
      const { catalog } = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { catalog: Record<string, string> };
      const pinned = (name: string) => String(catalog[name]);
      writeFileSync(
        join(consumer, 'package.json'),
        `${JSON.stringify(
          {
            name: 'analytics-consumer',
            private: true,
            type: 'module',
            dependencies: {
              '@salla-analytics/core-library': coreVersion,
              '@salla-analytics/olap-repository': olapVersion,
              chdb: pinned('chdb'),
            },
            devDependencies: { typescript: pinned('typescript'), '@types/node': pinned('@types/node') },
          },
          null,
          2,
        )}\n`,
      );
      // Its own pnpm root (nothing above it is a workspace), sharing the workspace's store so chdb's
      // engine is linked rather than downloaded again.
      writeFileSync(
        join(consumer, 'pnpm-workspace.yaml'),
        [`storeDir: ${JSON.stringify(await storeDir(root))}`, 'allowBuilds:', '  chdb: true', '  "@chdb/lib-linux-x64-gnu": true', ''].join('\n'),
      );
      // The consumer's npm config: the scope comes from the private registry, everything else from
      // the registry this workspace installs from.
      const defaultRegistry = (await exec('pnpm', ['config', 'get', 'registry'], { cwd: root, env: cleanEnv() })).trim();
      const userconfig = registry.writeUserconfig(join(work, 'consumer.npmrc'), [
        `registry=${defaultRegistry}`,
        `@salla-analytics:registry=${registry.url}`,
      ]);
      const env = cleanEnv({ NPM_CONFIG_USERCONFIG: userconfig, CI: 'true' });

      await timed('consumer: pnpm install by version', () => exec('pnpm', ['install'], { cwd: consumer, env, timeoutMs: 5 * MINUTE }));
      const installed = JSON.parse(readFileSync(join(consumer, 'node_modules/@salla-analytics/olap-repository/package.json'), 'utf8'));
      expect(installed.version).toBe(olapVersion);
      await timed('consumer: tsc', () => exec(join(consumer, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: consumer, env }));
      const output = await timed('consumer: run on embedded ClickHouse', () =>
        exec(process.execPath, ['dist/main.js', join(work, 'clickhouse')], { cwd: consumer, env, timeoutMs: 2 * MINUTE }),
      );

      const [store42, store43] = JSON.parse(output.trim().split('\n').pop() ?? '[]');
      // Merchant 42, October 2026 in Riyadh: 100.00 + 250.50 completed, 50.00 canceled; the order
      // placed on 1 November (Riyadh) and merchant 43's order are not counted.
      expect(store42).toEqual({
        merchantId: 42,
        month: '2026-10',
        orders: 3,
        canceledOrders: 1,
        netSalesMinor: 35_050,
        aovMinor: 17_525,
        netSalesText: 'SAR\u00a0350.50',
        topProducts: [
          { name: 'Dates box', quantity: 3, revenueMinor: 25_050 },
          { name: 'Arabic coffee 250g', quantity: 2, revenueMinor: 10_000 },
        ],
      });
      expect(store43).toMatchObject({ merchantId: 43, orders: 1, netSalesMinor: 99_999 });
    },
    10 * MINUTE,
  );

  it(
    `second release: a changeset to ${SECOND_RELEASE_TARGET} publishes only it and its dependents`,
    async () => {
      writeChangeset('release-test-second', { [SECOND_RELEASE_TARGET]: 'patch' }, 'Release test: a fix in olap-repository alone.');
      const plan = await releasePlan();
      const expected = new Set(
        [...withDependents(workspacePackages(repo), SECOND_RELEASE_TARGET)].filter((name) => firstVersions.has(name)),
      );
      // Changesets' rule: the package itself, plus a patch for every package that depends on a
      // bumped one (updateInternalDependencies: patch), through the whole chain.
      const plannedPublic = plan.releases.filter((release) => firstVersions.has(release.name));
      expect(new Set(plannedPublic.map((release) => release.name))).toEqual(expected);
      expect(expected.size).toBeGreaterThan(1);
      expect(expected.size).toBeLessThan(firstVersions.size);

      await versionAndRelease('second release');

      for (const [name, first] of firstVersions) {
        const versions = await publishedVersions(name);
        const planned = plannedPublic.find((release) => release.name === name);
        if (planned) {
          expect(planned.type, name).toBe('patch');
          expect(versions, name).toEqual([first, planned.newVersion].sort());
          expect((await registry.packument(name))?.['dist-tags'].latest, name).toBe(planned.newVersion);
        } else {
          expect(versions, `${name} was not released again`).toEqual([first]);
        }
      }
      const olap = plannedPublic.find((release) => release.name === SECOND_RELEASE_TARGET);
      const pipeline = await registry.packument('@salla-analytics/data-pipeline-service');
      const pipelineVersion = pipeline?.['dist-tags'].latest ?? '';
      // A dependent's new version depends on the new olap-repository.
      expect(pipeline?.versions[pipelineVersion]?.dependencies?.[SECOND_RELEASE_TARGET]).toBe(olap?.newVersion);
    },
    15 * MINUTE,
  );

  it(
    "a package workflow's publish step (pnpm publish:package) publishes that one package once, and never a private one",
    async () => {
      const name = '@salla-analytics/ai-assistant-service-lib';
      writeChangeset('release-test-third', { [name]: 'patch' }, 'Release test: published by its own workflow.');
      await timed('third release: pnpm version-packages', () => exec('pnpm', ['run', 'version-packages'], { cwd: repo, env: releaseEnv }));
      await commitAll(repo, 'third release: version packages');
      const version = publicPackages().find((pkg) => pkg.name === name)?.version ?? '';
      const before = new Map(await Promise.all(publicPackages().map(async (pkg) => [pkg.name, await publishedVersions(pkg.name)] as const)));
      expect(before.get(name)).not.toContain(version);

      const first = await timed('third release: pnpm publish:package', () =>
        exec('pnpm', ['run', 'publish:package', name], { cwd: repo, env: releaseEnv, timeoutMs: 5 * MINUTE }),
      );
      expect(first).toContain(`published ${name}@${version}`);
      for (const [pkg, versions] of before) {
        expect(await publishedVersions(pkg), pkg).toEqual(pkg === name ? [...versions, version].sort() : versions);
      }
      const manifest = (await registry.packument(name))?.versions[version];
      expect(Object.values(manifest?.dependencies ?? {}).filter((range) => /^(workspace|catalog):/.test(range))).toEqual([]);

      const again = await exec('pnpm', ['run', 'publish:package', name], { cwd: repo, env: releaseEnv });
      expect(again).toContain(`${name}@${version} is already on`);
      await expect(exec('pnpm', ['run', 'publish:package', '@salla-analytics/infra'], { cwd: repo, env: releaseEnv })).rejects.toThrow(/private/);
    },
    10 * MINUTE,
  );
});
